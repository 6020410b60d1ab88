import type { Tx } from '../state/tx';
import type { ProductRow, VariantRow } from '../state/types';

/** Webhook `data` shapes per scope, as in docs/webhooks/callbacks/*.yml. */
export const emitProduct = (tx: Tx, action: 'created' | 'updated' | 'deleted', id: number): void =>
  tx.emit(`store/product/${action}`, { type: 'product', id });

export function emitProductInventory(tx: Tx, p: ProductRow, value: number): void {
  tx.emit('store/product/inventory/updated', {
    type: 'product', id: p.id, inventory: { product_id: p.id, method: 'absolute', value },
  });
}

export function emitSku(tx: Tx, action: 'created' | 'updated' | 'deleted', v: VariantRow): void {
  tx.emit(`store/sku/${action}`, { type: 'sku', id: v.sku_id ?? v.id, sku: { product_id: v.product_id, variant_id: v.id } });
}

export function emitSkuInventory(tx: Tx, v: VariantRow, value: number): void {
  tx.emit('store/sku/inventory/updated', {
    type: 'sku', id: v.sku_id ?? v.id, inventory: { product_id: v.product_id, method: 'absolute', value, variant_id: v.id },
  });
}

export const emitSimple = (tx: Tx, scope: string, type: string, id: number): void => tx.emit(scope, { type, id });
