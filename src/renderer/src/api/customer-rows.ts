import type { CustomerRowData, RowsChanged } from '../../../shared/contract';

/**
 * The customer rows of a store as the query cache holds them, patched in place the way product
 * rows are (product-rows.ts): `rows` keeps its identity while rows are replaced, `version` moves
 * on every change; a new or removed row rebuilds the list (sorted by id).
 */
export interface CustomerRows {
  rows: CustomerRowData[];
  indexOf: Map<number, number>;
  version: number;
}

export function customerRows(rows: CustomerRowData[], version = 0): CustomerRows {
  return { rows, indexOf: new Map(rows.map((row, i) => [row.id, i])), version };
}

export function patchCustomerRows(current: CustomerRows, change: Extract<RowsChanged, { entity: 'customer' }>): CustomerRows {
  const removed = new Set(change.removedIds ?? []);
  const added = change.rows.filter((row) => !current.indexOf.has(row.id));
  if (added.length > 0 || change.removedIds?.some((id) => current.indexOf.has(id))) {
    const changed = new Map(change.rows.map((row) => [row.id, row]));
    const kept = current.rows.filter((row) => !removed.has(row.id)).map((row) => changed.get(row.id) ?? row);
    return customerRows([...kept, ...added].sort((a, b) => a.id - b.id), current.version + 1);
  }
  for (const row of change.rows) current.rows[current.indexOf.get(row.id)!] = row;
  return { ...current, version: current.version + 1 };
}
