import type { Rng } from '../util/prng';
import type { StoreDb } from '../state/store-db';
import type { StoreProfile } from './profiles';
import type { CategoryRow, ProductRow } from '../state/types';
import { newProduct, slugify } from '../model/product';
import { ADJECTIVES, BRANDS, LEAVES, MATERIALS, type LeafSpec } from './words';
import { makeBrand, makeCategory } from '../model/catalog-misc';
import { LazyCatalog } from '../state/lazy-catalog';
import { bin, generateChildren, SLOTS } from './catalog-children';
import type { CatalogSharing } from './shared-catalog';

const DAY = 86_400_000;

/**
 * Seeds brands, the category tree and `count` products with options, variants and images. With
 * `sharing`, the products it marks shared come from the seed's common streams (same in every
 * store, SKU without the store's prefix) and get this store's price and stock.
 */
export function seedCatalog(db: StoreDb, profile: StoreProfile, rng: Rng, count: number, seedNow: number, seedKey: string, sharing?: CatalogSharing): void {
  BRANDS.forEach((name, i) => db.brands.put(makeBrand(i + 1, { name })));
  const leafIds = seedCategories(db);
  const lazy = new LazyCatalog(count, `${seedKey}/children`, sharing);
  db.lazy = lazy;
  for (let i = 0; i < count; i++) {
    const id = db.products.peekNextId();
    const shared = sharing?.isShared(id) ? sharing : undefined;
    const from = shared ? shared.identity(id) : rng;
    const leafIndex = from.int(0, LEAVES.length - 1);
    seedProduct(db, { prefix: shared ? '' : `${profile.skuPrefix}-`, rng: from, lazy, reprice: shared?.reprice }, leafIndex, leafIds[leafIndex], seedNow);
  }
  // Ids created through the API start after the per-product slot ranges.
  db.variants.bumpMaxId(count * SLOTS.variants);
  db.options.bumpMaxId(count * SLOTS.options);
  db.images.bumpMaxId(count * SLOTS.images);
  db.customFields.bumpMaxId(count * SLOTS.customFields);
  db.raiseCounter('optionValue', count * SLOTS.values);
}

function seedCategories(db: StoreDb): number[] {
  const byPath = new Map<string, number>();
  const leafIds: number[] = [];
  for (const leaf of LEAVES) {
    let parent = 0;
    leaf.path.forEach((name, depth) => {
      const key = leaf.path.slice(0, depth + 1).join('/');
      let id = byPath.get(key);
      if (id === undefined) {
        id = db.categories.peekNextId();
        const row: CategoryRow = makeCategory(id, { name, parent_id: parent, sort_order: byPath.size });
        row.custom_url = { url: '/' + leaf.path.slice(0, depth + 1).map(slugify).join('/') + '/', is_customized: false };
        db.categories.put(row);
        byPath.set(key, id);
      }
      parent = id;
    });
    leafIds.push(parent);
  }
  return leafIds;
}

/**
 * Seed money is computed in integer cents: `cents / 100` is the double closest to the decimal,
 * so values are exact to the cent without paying for big.js on half a million rows.
 */
function priceCents(rng: Rng, [min, max]: [number, number]): number {
  const whole = rng.int(min, max);
  const cents = rng.pick([99, 99, 95, 0, 50, 49]);
  return (whole - (cents === 0 ? 0 : 1)) * 100 + cents;
}

const pct = (cents: number, percent: number): number => Math.round((cents * percent) / 100) / 100;

function uniqueName(db: StoreDb, base: string, sku: string): string {
  return db.productNames.get(base) === undefined ? base : `${base} (${sku})`;
}

interface ProductDraw {
  /** The SKU's store prefix ("NW-"), empty for a shared product. */
  prefix: string;
  rng: Rng;
  lazy: LazyCatalog;
  /** This store's price for a shared product. */
  reprice?: (product: ProductRow) => void;
}

function seedProduct(db: StoreDb, { prefix, rng, lazy, reprice }: ProductDraw, leafIndex: number, leafId: number, seedNow: number): void {
  const leaf: LeafSpec = LEAVES[leafIndex];
  const id = db.products.peekNextId();
  const sku = `${prefix}${leaf.code}-${String(id).padStart(5, '0')}`;
  const noun = rng.pick(leaf.nouns);
  const material = rng.pick(MATERIALS);
  const name = uniqueName(db, `${rng.pick(ADJECTIVES)} ${material} ${noun}`, sku);
  const cents = priceCents(rng, leaf.price);
  const created = seedNow - rng.int(20, 1100) * DAY - rng.int(0, DAY);
  const modified = created + Math.floor(rng.next() * (seedNow - created));
  const brandId = rng.int(1, BRANDS.length);
  const second = rng.chance(0.1) ? rng.int(1, db.categories.size) : leafId;
  const productBin = rng.chance(0.9) ? bin(rng) : '';
  const fields: Partial<ProductRow> = {
    name, sku, price: cents / 100, brand_id: brandId, categories: second === leafId ? [leafId] : [leafId, second],
    description: `<p>${name} by ${BRANDS[brandId - 1]}. Made from ${material.toLowerCase()} for everyday use.</p>`,
    cost_price: pct(cents, rng.int(38, 55)),
    sale_price: rng.chance(0.15) ? pct(cents, rng.pick([70, 75, 80, 85, 90])) : 0,
    retail_price: rng.chance(0.2) ? Math.ceil(cents * 1.2 / 100) : 0,
    weight: Math.round((leaf.weight[0] + rng.next() * (leaf.weight[1] - leaf.weight[0])) * 100) / 100,
    width: rng.int(4, 30), height: rng.int(1, 20), depth: rng.int(1, 16),
    is_visible: rng.chance(0.93), is_featured: rng.chance(0.05), bin_picking_number: productBin,
    upc: rng.chance(0.6) ? String(rng.int(100000, 999999)) + String(rng.int(100000, 999999)) : '',
    mpn: `${BRANDS[brandId - 1].slice(0, 3).toUpperCase()}-${rng.int(1000, 9999)}`,
    inventory_warning_level: rng.chance(0.5) ? 5 : 0, total_sold: rng.int(0, 500), view_count: rng.int(0, 20000),
    search_keywords: `${noun.toLowerCase()}, ${material.toLowerCase()}`,
  };
  const product = newProduct(id, fields, created, modified);
  reprice?.(product);
  // Children are planned now (stock totals, base variant) and generated on first access.
  const plan = generateChildren(leaf, product, lazy.rngFor(id), null, lazy.stockFor(id));
  product.inventory_tracking = plan.tracking;
  product.inventory_level = plan.tracking === 'none' ? 0 : plan.inventory;
  product.base_variant_id = plan.baseVariantId;
  db.products.put(product);
  lazy.markPending(id, leafIndex);
}
