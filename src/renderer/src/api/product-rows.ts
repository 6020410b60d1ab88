import type { ProductRowData, RowsChanged } from '../../../shared/contract';

/**
 * The product rows of a store as the query cache holds them. `rows` keeps its identity while rows
 * are replaced in place (a grid over 100,000 rows keeps its row model); `version` moves on every
 * change so views re-render. Unchanged rows keep their object identity.
 */
export interface ProductRows {
  /** Sorted by id, as main sends them. */
  rows: ProductRowData[];
  version: number;
}

export function productRows(rows: ProductRowData[]): ProductRows {
  return { rows, version: 0 };
}

const snapshots = new WeakMap<ProductRows, readonly ProductRowData[]>();

/**
 * The rows as of this version: a new array per version (rows patched in place keep `rows`' identity,
 * and views repaint on a new array), the same one for every view that asks, so a screen opened
 * again gets the list its grid's row model was built over.
 */
export function rowsAtVersion(current: ProductRows): readonly ProductRowData[] {
  let rows = snapshots.get(current);
  if (!rows) {
    rows = current.rows.slice();
    snapshots.set(current, rows);
  }
  return rows;
}

/** A product's position in the id-sorted rows (a binary search: no 100,000-entry index per load). */
export function positionOf(rows: readonly ProductRowData[], id: number): number | undefined {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = rows[mid]!.id;
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * Apply a data.rowsChanged for products. Changed rows are replaced where they are; a new or a
 * removed row changes the shape, so the list is rebuilt (sorted by id) with a new identity.
 */
export function patchProductRows(current: ProductRows, change: Extract<RowsChanged, { entity: 'product' }>): ProductRows {
  const removed = new Set(change.removedIds ?? []);
  const has = (id: number) => positionOf(current.rows, id) !== undefined;
  const added = change.rows.filter((row) => !has(row.id));
  if (added.length > 0 || change.removedIds?.some(has)) {
    const changed = new Map(change.rows.map((row) => [row.id, row]));
    const kept = current.rows.filter((row) => !removed.has(row.id)).map((row) => changed.get(row.id) ?? row);
    return { ...productRows([...kept, ...added].sort((a, b) => a.id - b.id)), version: current.version + 1 };
  }
  for (const row of change.rows) current.rows[positionOf(current.rows, row.id)!] = row;
  return { ...current, version: current.version + 1 };
}
