import { COMPARE_MAX_ROWS, type CompareRow } from '../../../shared/contract';
import { skuKey, type SkuEntry, type SkuIndex } from './sku-index';

export interface Matched {
  rows: CompareRow[];
  unknown: string[];
  truncated: boolean;
}

const cellOf = (entry: SkuEntry | undefined) =>
  entry ? { entity: entry.entity, id: entry.id, productId: entry.productId, name: entry.name, price: entry.price, stock: entry.stock } : null;

/** The first spelling of each SKU, in the order given. */
export function distinctSkus(skus: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const sku of skus) {
    const key = skuKey(sku);
    if (key && !seen.has(key)) seen.set(key, sku.trim());
  }
  return [...seen.values()];
}

/** Keys of every SKU that at least two of the stores have, sorted. */
function sharedKeys(indexes: readonly SkuIndex[]): string[] {
  const counts = new Map<string, number>();
  for (const index of indexes) for (const key of index.keys()) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 2).map(([key]) => key).sort();
}

/**
 * One row per SKU with each store's cell (null where a store lacks it). Chosen SKUs keep their
 * order and report those no store has; without a choice, every SKU two or more stores share.
 */
export function matchSkus(indexes: readonly SkuIndex[], chosen?: readonly string[], maxRows = COMPARE_MAX_ROWS): Matched {
  const unknown: string[] = [];
  const rows: CompareRow[] = [];
  const wanted = chosen ? distinctSkus(chosen) : sharedKeys(indexes);
  for (const sku of wanted) {
    const key = skuKey(sku);
    const entries = indexes.map((index) => index.get(key));
    if (entries.every((e) => !e)) {
      unknown.push(sku);
      continue;
    }
    if (rows.length === maxRows) return { rows, unknown, truncated: true };
    // Without a choice the key is lower-cased: show the SKU as the first store spells it.
    const shown = chosen ? sku : (entries.find(Boolean)?.sku ?? sku);
    rows.push({ sku: shown, cells: entries.map(cellOf) });
  }
  return { rows, unknown, truncated: false };
}

