import type { CompareCell } from '../../../shared/contract';
import type { ProductRow } from '../catalog';

/** A SKU's row in one store, with what a copy needs beyond what the comparison shows. */
export interface SkuEntry extends CompareCell {
  /** As this store spells it. */
  sku: string;
  /** The field's own value: a variant's price is null while it inherits its product's. */
  ownPrice: string | null;
  /** Why stock cannot be set on this row (null when it can). */
  stockRefusal: string | null;
}

export type SkuIndex = ReadonlyMap<string, SkuEntry>;

/** SKUs match case-insensitively: BigCommerce refuses a SKU that differs from another only in case. */
export const skuKey = (sku: string): string => sku.trim().toLowerCase();

function productEntry(p: ProductRow): SkuEntry {
  const tracked = p.inventory_tracking !== 'none';
  return {
    sku: p.sku, entity: 'product', id: p.id, productId: p.id, name: p.name, price: p.price, ownPrice: p.price,
    stock: tracked ? p.inventory_level : null,
    stockRefusal: p.inventory_tracking === 'product' ? null : tracked ? 'its stock is kept per variant there' : 'that store does not track its stock',
  };
}

function variantEntry(p: ProductRow, v: ProductRow['variants'][number]): SkuEntry {
  const options = v.option_values.map((o) => o.label).join(', ');
  const tracked = p.inventory_tracking === 'variant';
  return {
    sku: v.sku, entity: 'variant', id: v.id, productId: p.id, name: options ? `${p.name} (${options})` : p.name,
    price: v.price ?? p.price, ownPrice: v.price,
    stock: tracked ? v.inventory_level ?? 0 : null,
    stockRefusal: tracked ? null : p.inventory_tracking === 'product' ? 'its stock is kept on the product there' : 'that store does not track its stock',
  };
}

/**
 * Every SKU of a catalog. A product and its base variant share a SKU: the product is the row,
 * unless stock is tracked per variant (then the variant is where the stock lives).
 */
export function indexSkus(products: readonly ProductRow[]): SkuIndex {
  const index = new Map<string, SkuEntry>();
  for (const p of products) {
    const own = p.sku ? skuKey(p.sku) : '';
    if (own) index.set(own, productEntry(p));
    for (const v of p.variants) {
      const key = skuKey(v.sku);
      if (!key) continue;
      const taken = index.get(key);
      if (!taken || (key === own && p.inventory_tracking === 'variant')) index.set(key, variantEntry(p, v));
    }
  }
  return index;
}
