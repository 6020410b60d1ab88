import Big from 'big.js';
import { BigCommerceError } from '../bigcommerce';
import type { InventoryTracking, OptionValueRow, ProductRow, VariantRow } from './types';

/**
 * BigCommerce catalog JSON → grid rows. Hand-written checks instead of a zod schema: this runs
 * on every product of a 100k catalog, and only the ~25 fields we keep are looked at.
 * A field of the wrong type is a BAD_RESPONSE (the whole sync fails and the cache is kept),
 * never a silently wrong cell.
 */

type Json = Record<string, unknown>;

const TRACKING: readonly InventoryTracking[] = ['none', 'product', 'variant'];

class ShapeError extends BigCommerceError {
  constructor(where: string, field: string, value: unknown) {
    super({
      code: 'BAD_RESPONSE',
      message: `Unexpected catalog data: ${where}.${field} is ${JSON.stringify(value) ?? 'undefined'}.`,
      method: 'GET',
      path: '/v3/catalog/products',
    });
  }
}

/**
 * Money from the API (a JSON number such as 87.98900000000001, defensively also a string) to a
 * decimal string with exactly `dp` places, rounded half away from zero.
 * Fast path: most values ("87.99", "70") need only padding; big.js is used for the rest.
 */
export function moneyFromApi(value: number | string, dp: number): string {
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (/^-?\d+$/.test(text)) return dp === 0 ? text : `${text}.${'0'.repeat(dp)}`;
  const m = /^(-?\d+)\.(\d+)$/.exec(text);
  if (m && m[2]!.length <= dp) return `${m[1]}.${m[2]!.padEnd(dp, '0')}`;
  const s = new Big(text).toFixed(dp, Big.roundHalfUp);
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

function isMoneyInput(v: unknown): v is number | string {
  if (typeof v === 'number') return Number.isFinite(v);
  return typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v);
}

function money(o: Json, key: string, dp: number, where: string): string {
  const v = o[key];
  if (!isMoneyInput(v)) throw new ShapeError(where, key, v);
  return moneyFromApi(v, dp);
}

function moneyOrNull(o: Json, key: string, dp: number, where: string): string | null {
  return o[key] === null || o[key] === undefined ? null : money(o, key, dp, where);
}

function int(o: Json, key: string, where: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new ShapeError(where, key, v);
  return v;
}

function intOrNull(o: Json, key: string, where: string): number | null {
  return o[key] === null || o[key] === undefined ? null : int(o, key, where);
}

function str(o: Json, key: string, where: string): string {
  const v = o[key];
  if (v === undefined || v === null) return ''; // BigCommerce omits or nulls empty text fields on some stores
  if (typeof v !== 'string') throw new ShapeError(where, key, v);
  return v;
}

function strOrNull(o: Json, key: string, where: string): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new ShapeError(where, key, v);
  return v;
}

function object(v: unknown, where: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ShapeError(where, '', v);
  return v as Json;
}

function optionValues(raw: unknown, where: string): OptionValueRow[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new ShapeError(where, 'option_values', raw);
  return raw.map((item: unknown, i) => {
    const o = object(item, `${where}.option_values[${i}]`);
    return { label: str(o, 'label', where), option_display_name: str(o, 'option_display_name', where) };
  });
}

export function normalizeVariant(raw: unknown, productId: number, dp: number): VariantRow {
  const o = object(raw, `product ${productId} variant`);
  const where = `variant ${String(o.id)}`;
  return {
    id: int(o, 'id', where),
    product_id: productId,
    sku: str(o, 'sku', where),
    price: moneyOrNull(o, 'price', dp, where),
    sale_price: moneyOrNull(o, 'sale_price', dp, where),
    cost_price: moneyOrNull(o, 'cost_price', dp, where),
    inventory_level: intOrNull(o, 'inventory_level', where),
    bin_picking_number: strOrNull(o, 'bin_picking_number', where),
    option_values: optionValues(o.option_values, where),
  };
}

function categories(o: Json, where: string): number[] {
  const v = o.categories;
  if (!Array.isArray(v) || !v.every((c) => Number.isInteger(c))) throw new ShapeError(where, 'categories', v);
  return v as number[];
}

function tracking(o: Json, where: string): InventoryTracking {
  const v = o.inventory_tracking;
  if (!TRACKING.includes(v as InventoryTracking)) throw new ShapeError(where, 'inventory_tracking', v);
  return v as InventoryTracking;
}

function weight(o: Json, where: string): number {
  const v = o.weight;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ShapeError(where, 'weight', v);
  return v;
}

/** `primary_image.url_tiny`: `{}` (or absent) when the product has no image. */
function thumbnailUrl(o: Json, where: string): string {
  const primary = o.primary_image;
  if (primary === undefined || primary === null) return '';
  return str(object(primary, `${where}.primary_image`), 'url_tiny', `${where}.primary_image`);
}

/** One product of `GET /v3/catalog/products?include=variants,primary_image`. */
export function normalizeProduct(raw: unknown, dp: number): ProductRow {
  const o = object(raw, 'product');
  const id = int(o, 'id', 'product');
  const where = `product ${id}`;
  if (!Array.isArray(o.variants)) throw new ShapeError(where, 'variants', o.variants);
  if (typeof o.is_visible !== 'boolean') throw new ShapeError(where, 'is_visible', o.is_visible);
  return {
    id,
    name: str(o, 'name', where),
    sku: str(o, 'sku', where),
    price: money(o, 'price', dp, where),
    sale_price: money(o, 'sale_price', dp, where),
    cost_price: money(o, 'cost_price', dp, where),
    retail_price: money(o, 'retail_price', dp, where),
    inventory_level: int(o, 'inventory_level', where),
    inventory_tracking: tracking(o, where),
    bin_picking_number: str(o, 'bin_picking_number', where),
    is_visible: o.is_visible,
    brand_id: int(o, 'brand_id', where),
    categories: categories(o, where),
    weight: weight(o, where),
    date_modified: str(o, 'date_modified', where),
    type: str(o, 'type', where),
    // Older API payloads may omit it; absent means no low-stock warning.
    inventory_warning_level: o.inventory_warning_level === undefined ? 0 : int(o, 'inventory_warning_level', where),
    thumbnail_url: thumbnailUrl(o, where),
    variants: o.variants.map((v: unknown) => normalizeVariant(v, id, dp)),
  };
}
