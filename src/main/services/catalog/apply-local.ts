import { z } from 'zod';
import { MONEY_PATTERN, formatMoney } from '../../../shared/money';
import { AppError } from '../../../shared/rpc';
import { upsertRows, type StoreCatalog } from './catalog-state';
import type { ProductRow, VariantRow } from './types';

/**
 * Patch cached rows with edits a bulk job has just applied on BigCommerce, so the grid shows them
 * without a refetch. The input is cell-level and a structural subset of the jobs service's
 * `JobEdit` ({entity, id, productId?, field, to}), so applied edits can be passed straight in.
 * Fields the grid rows don't hold (map_price, upc, …) and other entities are counted as ignored.
 * Values are absolute, so applying an edit twice is harmless; that is what lets edits that land
 * during a sync be re-applied after it. The next delta sync replaces the rows with BigCommerce's
 * own version anyway (the write moved their date_modified).
 */
const Id = z.number().int().positive();

export const CatalogEdit = z.object({
  entity: z.string(),
  id: Id,
  /** For variants: the product, when known (otherwise looked up in the cache). */
  productId: Id.optional(),
  field: z.string(),
  to: z.unknown(),
});
export type CatalogEdit = z.input<typeof CatalogEdit>;
type ParsedEdit = z.infer<typeof CatalogEdit>;
export const CatalogEdits = z.array(CatalogEdit);

export interface ApplyLocalResult {
  applied: number;
  /** Edits of fields or entities the cached rows don't hold. */
  ignored: number;
  /** Edits whose product or variant is not in the cache (deleted meanwhile, or never loaded). */
  missing: Array<{ entity: 'product' | 'variant'; id: number }>;
  /** The cached products whose rows were replaced (a variant edit replaces its product's row). */
  productIds: number[];
}

const money = z.string().regex(MONEY_PATTERN);
const stock = z.number().int().min(0);
// Weight is a decimal string in job edits and a number in rows (it is not money).
const weight = z.union([z.number(), z.string().regex(MONEY_PATTERN)]).transform(Number);

const PRODUCT_FIELDS = new Map<string, z.ZodType>(Object.entries({
  name: z.string(), sku: z.string(), price: money, sale_price: money, cost_price: money, retail_price: money,
  inventory_level: stock, inventory_warning_level: stock, inventory_tracking: z.enum(['none', 'product', 'variant']), bin_picking_number: z.string(),
  is_visible: z.boolean(), brand_id: z.number().int().min(0), categories: z.array(z.number().int()), weight,
}));
const VARIANT_FIELDS = new Map<string, z.ZodType>(Object.entries({
  sku: z.string(), price: money.nullable(), sale_price: money.nullable(), cost_price: money.nullable(),
  inventory_level: stock.nullable(), bin_picking_number: z.string().nullable(),
}));
const MONEY_FIELDS = new Set(['price', 'sale_price', 'cost_price', 'retail_price']);

type Patch = Record<string, unknown>;
interface ProductPatches {
  product: Patch;
  variants: Map<number, Patch>;
}

/** Validate every edit before touching anything; returns the value to store (money formatted). */
function checkedValue(schema: z.ZodType, edit: ParsedEdit, dp: number): unknown {
  const parsed = schema.safeParse(edit.to);
  if (!parsed.success) throw new AppError('VALIDATION', `${edit.entity} ${edit.id}: invalid value for ${edit.field}`);
  const v = parsed.data;
  return MONEY_FIELDS.has(edit.field) && typeof v === 'string' ? formatMoney(v, dp) : v;
}

function variantOwners(catalog: StoreCatalog): Map<number, number> {
  const owners = new Map<number, number>();
  for (const p of catalog.byId.values()) for (const v of p.variants) owners.set(v.id, p.id);
  return owners;
}

/** Group edits per product; throws AppError VALIDATION on a bad value (nothing applied yet). */
function planEdits(catalog: StoreCatalog, edits: readonly ParsedEdit[], result: ApplyLocalResult) {
  const plan = new Map<number, ProductPatches>();
  let owners: Map<number, number> | null = null;
  for (const edit of edits) {
    const isVariant = edit.entity === 'variant';
    const schema = edit.entity === 'product' ? PRODUCT_FIELDS.get(edit.field) : isVariant ? VARIANT_FIELDS.get(edit.field) : undefined;
    if (!schema) {
      result.ignored++;
      continue;
    }
    const value = checkedValue(schema, edit, catalog.meta.decimalPlaces);
    owners ??= isVariant && edit.productId === undefined ? variantOwners(catalog) : null;
    const productId = isVariant ? (edit.productId ?? owners?.get(edit.id)) : edit.id;
    const product = productId === undefined ? undefined : catalog.byId.get(productId);
    if (!product || (isVariant && !product.variants.some((v) => v.id === edit.id))) {
      result.missing.push({ entity: isVariant ? 'variant' : 'product', id: edit.id });
      continue;
    }
    const entry = plan.get(product.id) ?? { product: {}, variants: new Map<number, Patch>() };
    plan.set(product.id, entry);
    const target = isVariant ? (entry.variants.get(edit.id) ?? {}) : entry.product;
    if (isVariant) entry.variants.set(edit.id, target);
    target[edit.field] = value;
    result.applied++;
  }
  return plan;
}

/** A product without options has one "base" variant that BigCommerce keeps equal to the product. */
function isBase(variants: readonly VariantRow[]): boolean {
  return variants.length === 1 && variants[0]!.option_values.length === 0;
}

/**
 * Mirror what BigCommerce derives, so the grid is right before the next sync: the base variant
 * and its product share sku, bin and stock; a variant-tracked product's stock is the variants' sum.
 */
function patchRow(p: ProductRow, patches: ProductPatches): ProductRow {
  let variants = p.variants.map((v) => {
    const patch = patches.variants.get(v.id);
    return patch ? ({ ...v, ...patch } as VariantRow) : v;
  });
  let next = { ...p, ...patches.product, variants } as ProductRow;
  if (isBase(variants)) {
    const base = variants[0]!;
    if (patches.variants.size) {
      next = { ...next, sku: base.sku, bin_picking_number: base.bin_picking_number ?? '' };
      if (next.inventory_tracking !== 'none') next = { ...next, inventory_level: base.inventory_level ?? 0 };
    } else {
      const stock = 'inventory_level' in patches.product ? next.inventory_level : base.inventory_level;
      variants = [{ ...base, sku: next.sku, bin_picking_number: next.bin_picking_number, inventory_level: stock }];
      next = { ...next, variants };
    }
  } else if (next.inventory_tracking === 'variant' && [...patches.variants.values()].some((v) => 'inventory_level' in v)) {
    next = { ...next, inventory_level: variants.reduce((n, v) => n + (v.inventory_level ?? 0), 0) };
  }
  return next;
}

/** The result when there is no cache at all: every catalog edit is missing. */
export function nothingCached(edits: readonly ParsedEdit[]): ApplyLocalResult {
  const result: ApplyLocalResult = { applied: 0, ignored: 0, missing: [], productIds: [] };
  for (const e of edits) {
    if (e.entity === 'product' || e.entity === 'variant') result.missing.push({ entity: e.entity, id: e.id });
    else result.ignored++;
  }
  return result;
}

/** Apply parsed edits to the catalog (rows are replaced, never mutated). */
export function applyEdits(catalog: StoreCatalog, edits: readonly ParsedEdit[]): ApplyLocalResult {
  const result: ApplyLocalResult = { applied: 0, ignored: 0, missing: [], productIds: [] };
  const plan = planEdits(catalog, edits, result);
  result.productIds = [...plan.keys()];
  upsertRows(
    catalog,
    [...plan].map(([id, patches]) => patchRow(catalog.byId.get(id)!, patches)),
  );
  return result;
}
