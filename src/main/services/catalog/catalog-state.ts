import type { CacheMeta } from './cache-file';
import type { CatalogSnapshot, ProductRow } from './types';

/**
 * One store's catalog in memory: rows by id for get/patch, plus the id-sorted array the grid gets,
 * rebuilt lazily (only after a change) so repeated snapshots cost nothing.
 */
export interface StoreCatalog {
  meta: CacheMeta;
  byId: Map<number, ProductRow>;
  variantCount: number;
  ordered: ProductRow[] | null;
}

export function createCatalog(meta: CacheMeta, products: Iterable<ProductRow>): StoreCatalog {
  const byId = new Map<number, ProductRow>();
  let variantCount = 0;
  for (const p of products) {
    const old = byId.get(p.id);
    if (old) variantCount -= old.variants.length;
    byId.set(p.id, p);
    variantCount += p.variants.length;
  }
  return { meta, byId, variantCount, ordered: null };
}

export function orderedRows(catalog: StoreCatalog): ProductRow[] {
  if (!catalog.ordered) {
    const rows = [...catalog.byId.values()];
    // Map order is insertion order; only rows added by a delta break id order, so this is near-sorted.
    for (let i = 1; i < rows.length; i++) {
      if (rows[i - 1]!.id > rows[i]!.id) {
        rows.sort((a, b) => a.id - b.id);
        break;
      }
    }
    catalog.ordered = rows;
  }
  return catalog.ordered;
}

export function upsertRows(catalog: StoreCatalog, rows: Iterable<ProductRow>): number {
  let count = 0;
  for (const row of rows) {
    const old = catalog.byId.get(row.id);
    catalog.variantCount += row.variants.length - (old?.variants.length ?? 0);
    catalog.byId.set(row.id, row);
    count++;
  }
  if (count) catalog.ordered = null;
  return count;
}

export function removeRows(catalog: StoreCatalog, ids: Iterable<number>): number {
  let count = 0;
  for (const id of ids) {
    const old = catalog.byId.get(id);
    if (!old) continue;
    catalog.variantCount -= old.variants.length;
    catalog.byId.delete(id);
    count++;
  }
  if (count) catalog.ordered = null;
  return count;
}

export function toSnapshot(storeId: string, catalog: StoreCatalog): CatalogSnapshot {
  return {
    storeId,
    storeHash: catalog.meta.storeHash,
    syncedAt: catalog.meta.syncedAt,
    decimalPlaces: catalog.meta.decimalPlaces,
    currency: catalog.meta.currency ?? null,
    products: orderedRows(catalog),
    variantCount: catalog.variantCount,
  };
}
