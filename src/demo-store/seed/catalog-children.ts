import type { Rng } from '../util/prng';
import { isoDate } from '../util/dates';
import type { StoreDb } from '../state/store-db';
import type { OptionRow, ProductRow, VariantOptionValue, VariantRow } from '../state/types';
import { newVariant, slugify } from '../model/product';
import { COLORS, SIZE_SCALES, type LeafSpec } from './words';

/**
 * Options, variants and images of a seeded product. They are generated lazily (on first access or
 * before the product is first written) from a per-product random stream, so a 100k-product store
 * starts quickly; the seed pass runs the same generator in "plan" mode to learn stock totals.
 * Ids come from fixed per-product ranges so they do not depend on the order of generation.
 */
export const SLOTS = { variants: 12, options: 2, values: 12, images: 3, customFields: 2 } as const;

export const slotId = (kind: keyof typeof SLOTS, productId: number, k: number): number => (productId - 1) * SLOTS[kind] + k + 1;
export const productOfSlot = (kind: keyof typeof SLOTS, id: number): number => Math.floor((id - 1) / SLOTS[kind]) + 1;

export interface ChildPlan {
  variantCount: number;
  inventory: number;
  tracking: ProductRow['inventory_tracking'];
  baseVariantId: number | null;
}

/** The product fields children are derived from (a seed row, or the seed-time draft). */
export type ChildSource = Pick<ProductRow, 'id' | 'sku' | 'price' | 'bin_picking_number' | 'upc' | 'mpn' | 'date_created' | 'modified_ms' | 'name'>;

const EMPTY_OBJ = Object.freeze({}) as Record<string, unknown>;
const MAX_VARIANTS = SLOTS.variants;

export function bin(rng: Rng): string {
  const aisle = 'ABCDEFGH'[rng.int(0, 7)];
  return `${aisle}-${String(rng.int(1, 20)).padStart(2, '0')}-${String(rng.int(1, 12)).padStart(2, '0')}`;
}

export function stock(rng: Rng): number {
  const r = rng.next();
  if (r < 0.1) return 0;
  if (r < 0.25) return rng.int(1, 4);
  return rng.int(5, 120);
}

interface Axis {
  display: 'Size' | 'Color';
  labels: string[];
  codes: string[];
  hex?: string[];
}

/** Draw the option axes (same draws in plan and build mode). */
function drawAxes(rng: Rng, leaf: LeafSpec): Axis[] {
  if (!rng.chance(leaf.optionShare)) return [];
  const axes: Axis[] = [];
  let sizeCount = 1;
  if (leaf.sizes !== 'onesize') {
    const scale = SIZE_SCALES[leaf.sizes];
    sizeCount = rng.int(2, Math.min(5, scale.length));
    const start = rng.int(0, scale.length - sizeCount);
    const labels = scale.slice(start, start + sizeCount);
    axes.push({ display: 'Size', labels, codes: labels.map((l) => l.replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 6)) });
  }
  if (leaf.colorful) {
    const max = Math.min(sizeCount === 1 ? 6 : 3, Math.floor(MAX_VARIANTS / sizeCount));
    const colorCount = rng.int(sizeCount === 1 ? 2 : 1, max);
    if (colorCount > 1 || sizeCount === 1) {
      const pool = [...COLORS];
      const picked: typeof COLORS = [];
      while (picked.length < colorCount) picked.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]);
      axes.push({ display: 'Color', labels: picked.map((c) => c[0]), codes: picked.map((c) => c[2]), hex: picked.map((c) => c[1]) });
    }
  }
  return axes;
}

/**
 * Plan mode when `db` is null: only counts and stock; build mode inserts the rows into `db`.
 * `stockOf` turns the drawn stock into this store's (a product shared between the demo stores).
 */
export function generateChildren(leaf: LeafSpec, p: ChildSource, rng: Rng, db: StoreDb | null, stockOf?: (qty: number) => number): ChildPlan {
  const axes = drawAxes(rng, leaf);
  const combos: number[][] = axes.reduce<number[][]>((acc, axis) => acc.flatMap((c) => axis.labels.map((_, i) => [...c, i])), [[]]);
  const shared = db ? buildOptions(db, p, axes) : null;
  let inventory = 0;
  const isBase = axes.length === 0;
  combos.forEach((combo, n) => {
    const binRoll = isBase ? 1 : rng.next();
    const ownBin = binRoll >= 0.1 && binRoll < 0.2 ? bin(rng) : null;
    const drawn = stock(rng);
    const qty = stockOf ? stockOf(drawn) : drawn;
    const warn = !isBase && rng.chance(0.3) ? 3 : 0;
    inventory += qty;
    if (!db) return;
    db.variants.put(buildVariant(p, leaf, axes, combo, n, { qty, warn, binRoll, ownBin }, shared!));
  });
  const tracking = !isBase ? 'variant' : rng.chance(0.9) ? 'product' : 'none';
  const images = rng.chance(0.05) ? 0 : rng.int(1, 3);
  if (db) buildImages(db, p, images);
  if (db) buildCustomFields(db, p);
  return { variantCount: combos.length, inventory, tracking, baseVariantId: isBase ? slotId('variants', p.id, 0) : null };
}

function buildOptions(db: StoreDb, p: ChildSource, axes: Axis[]): VariantOptionValue[][] {
  const createdSec = Math.floor(Date.parse(p.date_created) / 1000);
  return axes.map((axis, k) => {
    const option: OptionRow = {
      id: slotId('options', p.id, k), product_id: p.id, name: `${axis.display}${createdSec}-${p.id}`, display_name: axis.display,
      type: axis.display === 'Size' ? 'rectangles' : 'swatch', config: EMPTY_OBJ, sort_order: k,
      option_values: axis.labels.map((label, i) => ({
        id: slotId('values', p.id, (k === 0 ? 0 : 6) + i), label, sort_order: i,
        value_data: axis.hex ? { colors: [axis.hex[i]] } : EMPTY_OBJ, is_default: false,
      })),
    };
    db.options.put(option);
    return option.option_values.map((v) => ({ id: v.id, label: v.label, option_id: option.id, option_display_name: axis.display }));
  });
}

interface VariantDraws {
  qty: number;
  warn: number;
  binRoll: number;
  ownBin: string | null;
}

function buildVariant(p: ChildSource, leaf: LeafSpec, axes: Axis[], combo: number[], n: number, d: VariantDraws, shared: VariantOptionValue[][]): VariantRow {
  const id = slotId('variants', p.id, n);
  if (axes.length === 0) {
    return newVariant(id, p.id, { sku: p.sku, inventory_level: d.qty, bin_picking_number: p.bin_picking_number, upc: p.upc, mpn: p.mpn });
  }
  const sizeAxis = axes.findIndex((a) => a.display === 'Size');
  const sizeLabel = sizeAxis >= 0 ? axes[sizeAxis].labels[combo[sizeAxis]] : '';
  const upcharge = leaf.sizes === 'bed' && sizeAxis >= 0 ? combo[sizeAxis] * 20 : sizeLabel === 'XXL' ? 2 : 0;
  const productBin = p.bin_picking_number;
  const variantBin = d.binRoll < 0.1 || !productBin ? '' : d.ownBin
    ?? `${productBin.slice(0, 4)}-${String(((Number(productBin.slice(5)) + n) % 12) + 1).padStart(2, '0')}`;
  return newVariant(id, p.id, {
    sku: [p.sku, ...combo.map((i, a) => axes[a].codes[i])].join('-'),
    price: upcharge ? Math.round((p.price + upcharge) * 100) / 100 : null,
    inventory_level: d.qty, inventory_warning_level: d.warn, bin_picking_number: variantBin, upc: '', mpn: '',
    option_values: combo.map((i, a) => shared[a][i]),
  });
}

function buildImages(db: StoreDb, p: ChildSource, count: number): void {
  const slug = slugify(p.name);
  const stamp = Math.floor(p.modified_ms / 1000);
  const date = isoDate(p.modified_ms);
  for (let i = 0; i < count; i++) {
    const id = slotId('images', p.id, i);
    db.images.put({
      id, product_id: p.id, is_thumbnail: i === 0, sort_order: i, description: i === 0 ? p.name : '', image_url: '',
      file: `${p.id}/${id}/${slug}-${i + 1}__${stamp}`, date_modified: date,
    });
  }
}

const CARE = ['Machine wash 30°C', 'Hand wash only', 'Wipe clean with a damp cloth', 'Do not tumble dry'];
const ORIGIN = ['Portugal', 'Germany', 'Vietnam', 'India', 'Poland'];

/**
 * Every third product carries custom fields (Care, Country of origin), picked from its id rather
 * than the random stream so the other children of every seeded store stay as they were.
 */
function buildCustomFields(db: StoreDb, p: ChildSource): void {
  if (p.id % 3 !== 1) return;
  const fields = [['Care', CARE[p.id % CARE.length]!], ['Country of origin', ORIGIN[p.id % ORIGIN.length]!]];
  fields.forEach(([name, value], k) => db.customFields.put({ id: slotId('customFields', p.id, k), product_id: p.id, name: name!, value: value! }));
}
