import type { Rng } from '../util/prng';
import type { StoreDb } from '../state/store-db';
import type { ProductRow, VariantRow } from '../state/types';

/**
 * What demo customers buy (generator v2): demand that looks like a real shop's, so a pick list
 * over a morning's orders has something to sum.
 * - Popularity is Zipf-like (weight 1/rank^1.1) over a seeded ranking of the products: a few
 *   best-sellers appear in many orders, most products rarely. Within a product the first variants
 *   sell best (index = floor(n·u³)), so a best-seller's SKUs repeat too.
 * - Most orders have 1–3 lines; every 60th order is a wholesale order of 20–40 lines and every
 *   250th one of 51–70 lines (past the 50 lines BigCommerce inlines per consignment), always
 *   Awaiting Fulfillment so the `__warning__` path is exercised by the default pick list.
 */
export interface PlannedLine {
  product: ProductRow;
  variant: VariantRow;
  quantity: number;
}

export interface OrderPlan {
  lines: PlannedLine[];
  /** Set for the 51+ line orders (Awaiting Fulfillment). */
  status?: number;
}

const ZIPF_EXPONENT = 1.1;

export interface Demand {
  plan(rng: Rng, orderIndex: number): OrderPlan;
}

export function createDemand(db: StoreDb, products: readonly ProductRow[], rng: Rng): Demand {
  const ranked = shuffled(products, rng);
  const cumulative = new Float64Array(ranked.length);
  let total = 0;
  for (let r = 0; r < ranked.length; r++) cumulative[r] = total += 1 / (r + 1) ** ZIPF_EXPONENT;

  function pickProduct(r: Rng): ProductRow {
    const target = r.next() * total;
    let lo = 0, hi = ranked.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return ranked[lo];
  }

  return {
    plan(r, orderIndex) {
      const huge = orderIndex % 250 === 101;
      const size = huge ? r.int(51, 70) : orderIndex % 60 === 17 ? r.int(20, 40) : ordinarySize(r);
      const lines: PlannedLine[] = [];
      const used = new Set<number>();
      // Wholesale orders may exhaust a small catalog's distinct SKUs; stop trying after a while.
      for (let tries = 0; lines.length < size && tries < size * 8; tries++) {
        const product = pickProduct(r);
        const variants = db.variantsOf(product.id);
        if (variants.length === 0) continue;
        const variant = variants[Math.floor(variants.length * r.next() ** 3)];
        if (used.has(variant.id)) continue;
        used.add(variant.id);
        lines.push({ product, variant, quantity: quantity(r, size >= 20) });
      }
      return huge ? { lines, status: 11 } : { lines };
    },
  };
}

function ordinarySize(r: Rng): number {
  const u = r.next();
  return u < 0.45 ? 1 : u < 0.8 ? r.int(2, 3) : r.int(4, 8);
}

function quantity(r: Rng, wholesale: boolean): number {
  const u = r.next();
  if (wholesale) return u < 0.3 ? r.int(1, 2) : u < 0.85 ? r.int(3, 12) : r.int(13, 48);
  return u < 0.7 ? 1 : u < 0.9 ? 2 : u < 0.98 ? r.int(3, 5) : r.int(6, 12);
}

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
