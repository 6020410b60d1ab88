import { ApiError, unprocessable } from '../../http/errors';
import type { Ctx } from '../../http/router';
import type { StoreDb } from '../../state/store-db';
import type { ProductRow } from '../../state/types';
import { isoDate } from '../../util/dates';
import { roundMoney } from '../../util/money';
import { calculatedPrice, newProduct } from '../../model/product';
import { PRODUCT_MONEY, PRODUCT_REQUIRED, PRODUCT_RULES } from '../../model/catalog-rules';
import { isObject, pickWritable, validateFields } from '../../model/validate';
import { emitProduct, emitProductInventory } from '../../model/events';
import { syncBaseVariant, deleteProductChildren } from './variant-write';

/** SKUs/names claimed by earlier items of the same batch (so two items cannot take the same SKU). */
export interface Claims {
  sku: Map<string, number>;
  name: Map<string, number>;
}

export const newClaims = (): Claims => ({ sku: new Map(), name: new Map() });

/** Title used for 409s; the spec documents the status and schema but not the wording. [unverified] */
const CONFLICT_TITLE = 'The product was in conflict with another product. This is the result of duplicate unique values, such as name or SKU, or an invalid brand_id or category id.';

export function productConflicts(db: StoreDb, id: number, f: Partial<ProductRow>, claims: Claims): Record<string, string> {
  const errors: Record<string, string> = {};
  if (f.name !== undefined) {
    const owner = db.productNames.get(f.name) ?? claims.name.get(f.name.toLowerCase());
    if (owner !== undefined && owner !== id) errors.name = `Product name "${f.name}" is a duplicate.`;
  }
  if (f.sku) {
    const claimed = claims.sku.get(f.sku.toLowerCase());
    if (db.skuConflicts(f.sku, id) || (claimed !== undefined && claimed !== id)) errors.sku = `Sku "${f.sku}" is not unique.`;
  }
  if (f.brand_id && !db.brands.has(f.brand_id)) errors.brand_id = `Brand ${f.brand_id} does not exist.`;
  const missing = f.categories?.filter((c) => !db.categories.has(c));
  if (missing?.length) errors.categories = `Categories ${missing.join(', ')} do not exist.`;
  return errors;
}

/** Validate a create/update body and return normalized writable fields; throws 422/409. */
export function prepareProductFields(
  db: StoreDb, id: number, body: unknown, claims: Claims, opts: { create: boolean; prefix?: string; prev?: ProductRow },
): Partial<ProductRow> {
  if (!isObject(body)) throw unprocessable({ body: 'A product object is required.' });
  const errors = validateFields(body, PRODUCT_RULES, opts.create ? PRODUCT_REQUIRED : [], opts.prefix);
  if (Object.keys(errors).length) throw unprocessable(errors);
  const fields = pickWritable<ProductRow>(body, PRODUCT_RULES) as Record<string, unknown>;
  for (const k of PRODUCT_MONEY) if (typeof fields[k] === 'number') fields[k] = roundMoney(fields[k] as number);
  if (isObject(body.custom_url)) fields.custom_url = { url: String(body.custom_url.url ?? ''), is_customized: Boolean(body.custom_url.is_customized ?? true) };
  const f = fields as Partial<ProductRow>;
  const tracking = f.inventory_tracking ?? opts.prev?.inventory_tracking;
  if (f.inventory_level !== undefined && tracking === 'variant' && !opts.create) {
    // [unverified] BigCommerce keeps variant-tracked stock on the variants; we refuse rather than ignore.
    throw unprocessable({ [`${opts.prefix ?? ''}inventory_level`]: 'Inventory is tracked by variant; update the variants instead.' });
  }
  const conflicts = productConflicts(db, id, f, claims);
  if (Object.keys(conflicts).length) throw new ApiError(409, CONFLICT_TITLE, { errors: prefixKeys(conflicts, opts.prefix) });
  if (f.sku) claims.sku.set(f.sku.toLowerCase(), id);
  if (f.name) claims.name.set(f.name.toLowerCase(), id);
  return f;
}

function prefixKeys(errors: Record<string, string>, prefix = ''): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [prefix + k, v]));
}

/** Apply validated fields; emits product (and inventory) events and keeps the base variant in step. */
export function applyProductUpdate(ctx: Ctx, prev: ProductRow, f: Partial<ProductRow>): ProductRow {
  const next: ProductRow = { ...prev, ...f, date_modified: isoDate(ctx.now), modified_ms: Math.floor(ctx.now / 1000) * 1000 };
  next.calculated_price = calculatedPrice(next.price, next.sale_price);
  ctx.tx.put('products', next);
  emitProduct(ctx.tx, 'updated', next.id);
  if (f.inventory_level !== undefined && f.inventory_level !== prev.inventory_level) emitProductInventory(ctx.tx, next, next.inventory_level);
  syncBaseVariant(ctx, next, prev);
  return next;
}

export function touchProduct(ctx: Ctx, p: ProductRow, patch: Partial<ProductRow> = {}): ProductRow {
  const next: ProductRow = { ...p, ...patch, date_modified: isoDate(ctx.now), modified_ms: Math.floor(ctx.now / 1000) * 1000 };
  next.calculated_price = calculatedPrice(next.price, next.sale_price);
  ctx.tx.put('products', next);
  return next;
}

export function createProductRow(ctx: Ctx, f: Partial<ProductRow>): ProductRow {
  const id = ctx.tx.newId('products');
  const row = newProduct(id, f, ctx.now);
  ctx.tx.put('products', row);
  emitProduct(ctx.tx, 'created', id);
  return row;
}

export function deleteProduct(ctx: Ctx, p: ProductRow): void {
  deleteProductChildren(ctx, p.id);
  ctx.tx.del('products', p.id);
  emitProduct(ctx.tx, 'deleted', p.id);
}

export function requireProduct(db: StoreDb, raw: string | undefined): ProductRow {
  const id = Number(raw);
  const p = Number.isInteger(id) ? db.products.get(id) : undefined;
  if (!p) throw new ApiError(404, 'The requested product was not found.');
  return p;
}
