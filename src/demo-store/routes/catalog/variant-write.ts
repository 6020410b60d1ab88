import { ApiError, unprocessable } from '../../http/errors';
import type { Ctx } from '../../http/router';
import type { StoreDb } from '../../state/store-db';
import type { ProductRow, VariantOptionValue, VariantRow } from '../../state/types';
import { roundMoney } from '../../util/money';
import { newVariant } from '../../model/product';
import { VARIANT_MONEY, VARIANT_RULES } from '../../model/catalog-rules';
import { isObject, pickWritable, validateFields } from '../../model/validate';
import { emitProductInventory, emitSku, emitSkuInventory } from '../../model/events';
import { touchProduct, type Claims } from './product-write';

/** Validate variant fields. Variant SKU clashes are 422 (the variant specs document no 409). */
export function prepareVariantFields(
  db: StoreDb, productId: number, variantId: number | undefined, body: Record<string, unknown>, claims: Claims, prefix = '',
  create = false,
): Partial<VariantRow> {
  const errors = validateFields(body, VARIANT_RULES, create ? ['sku'] : [], prefix);
  if (Object.keys(errors).length) throw unprocessable(errors);
  const f = pickWritable<VariantRow>(body, VARIANT_RULES) as Record<string, unknown>;
  for (const k of VARIANT_MONEY) if (typeof f[k] === 'number') f[k] = roundMoney(f[k] as number);
  const sku = f.sku as string | undefined;
  if (sku) {
    const claimed = claims.sku.get(sku.toLowerCase());
    const clash = db.skuOwners(sku).some((o) => o.productId !== productId || (o.kind === 'variant' && o.id !== variantId));
    if (clash || (claimed !== undefined && claimed !== (variantId ?? -1))) {
      throw unprocessable({ [`${prefix}sku`]: `Sku "${sku}" is not unique.` }, 'The variant SKU is a duplicate.');
    }
    claims.sku.set(sku.toLowerCase(), variantId ?? -1);
  }
  return f as Partial<VariantRow>;
}

/** Resolve `option_values` given as `[{id, option_id}]` or `[{option_display_name, label}]`. */
export function resolveOptionValues(db: StoreDb, p: ProductRow, raw: unknown, prefix = ''): VariantOptionValue[] {
  const options = db.optionsOf(p.id);
  const bad = (msg: string) => unprocessable({ [`${prefix}option_values`]: msg });
  if (!Array.isArray(raw)) throw bad('option_values is required.');
  if (options.length === 0) throw bad('This product has no options; create options before variants.');
  const out: VariantOptionValue[] = [];
  for (const item of raw) {
    if (!isObject(item)) throw bad('Each option value must be an object.');
    const option = options.find((o) => o.id === item.option_id || (item.option_display_name !== undefined && o.display_name === item.option_display_name));
    const value = option?.option_values.find((v) => v.id === item.id || (item.label !== undefined && v.label === item.label));
    if (!option || !value) throw bad(`Option value ${JSON.stringify(item)} does not belong to this product.`);
    out.push({ id: value.id, label: value.label, option_id: option.id, option_display_name: option.display_name });
  }
  if (new Set(out.map((o) => o.option_id)).size !== options.length || out.length !== options.length) {
    throw bad('Exactly one value is required for each of the product options.');
  }
  const key = comboKey(out);
  if (db.variantsOf(p.id).some((v) => comboKey(v.option_values) === key)) throw bad('A variant with these option values already exists.');
  return out.sort((a, b) => options.findIndex((o) => o.id === a.option_id) - options.findIndex((o) => o.id === b.option_id));
}

const comboKey = (ovs: readonly VariantOptionValue[]): string => ovs.map((o) => o.id).sort((a, b) => a - b).join(',');

export function applyVariantUpdate(ctx: Ctx, prev: VariantRow, f: Partial<VariantRow>): VariantRow {
  const next: VariantRow = { ...prev, ...f };
  ctx.tx.put('variants', next);
  emitSku(ctx.tx, 'updated', next);
  if (f.inventory_level !== undefined && f.inventory_level !== prev.inventory_level) emitSkuInventory(ctx.tx, next, next.inventory_level ?? 0);
  return next;
}

export function createVariant(ctx: Ctx, p: ProductRow, f: Partial<VariantRow>, optionValues: VariantOptionValue[]): VariantRow {
  // The first real variant replaces the product's base (option-less) variant.
  if (p.base_variant_id !== null) {
    const base = ctx.store.db.variants.get(p.base_variant_id);
    if (base) deleteVariantRow(ctx, base);
  }
  const id = ctx.tx.newId('variants');
  const v = newVariant(id, p.id, { inventory_level: 0, ...f, option_values: optionValues });
  ctx.tx.put('variants', v);
  emitSku(ctx.tx, 'created', v);
  return v;
}

export function deleteVariantRow(ctx: Ctx, v: VariantRow): void {
  ctx.tx.del('variants', v.id);
  emitSku(ctx.tx, 'deleted', v);
}

/**
 * Recompute product-level aggregates after variant writes: stock of variant-tracked products is
 * the sum of their variants, a base variant mirrors its product, and date_modified moves.
 */
export function refreshProducts(ctx: Ctx, productIds: Iterable<number>): void {
  const db = ctx.store.db;
  for (const pid of new Set(productIds)) {
    const p = db.products.get(pid);
    if (!p) continue;
    let variants = db.variantsOf(pid);
    if (variants.length === 0) variants = [recreateBaseVariant(ctx, p)];
    const base = variants.length === 1 && variants[0].option_values.length === 0 ? variants[0] : undefined;
    const patch: Partial<ProductRow> = { base_variant_id: base ? base.id : null };
    if (base) {
      if (base.sku !== p.sku) patch.sku = base.sku;
      if (p.inventory_tracking !== 'none') patch.inventory_level = base.inventory_level ?? 0;
    } else {
      if (p.inventory_tracking === 'product' || p.inventory_tracking === 'none') patch.inventory_tracking = 'variant';
      patch.inventory_level = variants.reduce((n, v) => n + (v.inventory_level ?? 0), 0);
    }
    const next = touchProduct(ctx, p, patch);
    if (base && next.inventory_level !== p.inventory_level) emitProductInventory(ctx.tx, next, next.inventory_level);
  }
}

function recreateBaseVariant(ctx: Ctx, p: ProductRow): VariantRow {
  const v = newVariant(ctx.tx.newId('variants'), p.id, {
    sku: p.sku, inventory_level: p.inventory_level, bin_picking_number: p.bin_picking_number, upc: p.upc, mpn: p.mpn, gtin: p.gtin,
  });
  ctx.tx.put('variants', v);
  emitSku(ctx.tx, 'created', v);
  return v;
}

/** Keep a simple product's base variant in step with product-level SKU, stock and bin. */
export function syncBaseVariant(ctx: Ctx, next: ProductRow, prev: ProductRow): void {
  if (next.base_variant_id === null) return;
  const base = ctx.store.db.variants.get(next.base_variant_id);
  if (!base) return;
  const patch: Partial<VariantRow> = {};
  if (next.sku !== prev.sku) patch.sku = next.sku;
  if (next.inventory_level !== prev.inventory_level) patch.inventory_level = next.inventory_level;
  if (next.bin_picking_number !== prev.bin_picking_number) patch.bin_picking_number = next.bin_picking_number;
  if (next.upc !== prev.upc) patch.upc = next.upc;
  if (Object.keys(patch).length === 0) return;
  ctx.tx.put('variants', { ...base, ...patch });
  emitSku(ctx.tx, 'updated', base);
}

export function deleteProductChildren(ctx: Ctx, productId: number): void {
  const db = ctx.store.db;
  for (const v of db.variantsOf(productId)) deleteVariantRow(ctx, v);
  for (const o of db.optionsOf(productId)) ctx.tx.del('options', o.id);
  for (const i of db.imagesOf(productId)) ctx.tx.del('images', i.id);
  for (const f of db.customFieldsOf(productId)) ctx.tx.del('customFields', f.id);
}

export function requireVariant(db: StoreDb, p: ProductRow, raw: string | undefined): VariantRow {
  const v = db.variants.get(Number(raw));
  if (!v || v.product_id !== p.id) throw new ApiError(404, 'The requested variant was not found.');
  return v;
}
