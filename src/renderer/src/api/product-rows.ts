import type { ProductRowData, RowsChanged } from '../../../shared/contract';

/**
 * The product rows of a store as the query cache holds them. `rows` keeps its identity while rows
 * are replaced in place (a grid over 100,000 rows keeps its row model); `version` moves on every
 * change so views re-render. Unchanged rows keep their object identity.
 */
export interface ProductRows {
  rows: ProductRowData[];
  /** Product id → position in `rows` (sorted by id, as main sends them). */
  indexOf: Map<number, number>;
  version: number;
}

export function productRows(rows: ProductRowData[]): ProductRows {
  return { rows, indexOf: new Map(rows.map((row, i) => [row.id, i])), version: 0 };
}

/**
 * Apply a data.rowsChanged for products. Changed rows are replaced where they are; a new or a
 * removed row changes the shape, so the list is rebuilt (sorted by id) with a new identity.
 */
export function patchProductRows(current: ProductRows, change: Extract<RowsChanged, { entity: 'product' }>): ProductRows {
  const removed = new Set(change.removedIds ?? []);
  const added = change.rows.filter((row) => !current.indexOf.has(row.id));
  if (added.length > 0 || change.removedIds?.some((id) => current.indexOf.has(id))) {
    const changed = new Map(change.rows.map((row) => [row.id, row]));
    const kept = current.rows.filter((row) => !removed.has(row.id)).map((row) => changed.get(row.id) ?? row);
    return { ...productRows([...kept, ...added].sort((a, b) => a.id - b.id)), version: current.version + 1 };
  }
  for (const row of change.rows) current.rows[current.indexOf.get(row.id)!] = row;
  return { ...current, version: current.version + 1 };
}
