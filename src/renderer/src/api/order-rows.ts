import type { OrderRowData, RowsChanged } from '../../../shared/contract';

/**
 * The order rows of a store as the query cache holds them (like product-rows.ts): `rows` keeps
 * its identity while rows are replaced in place, `version` moves on every change, and a new or
 * removed order rebuilds the list (sorted by id) with a new identity.
 */
export interface OrderRows {
  rows: OrderRowData[];
  indexOf: Map<number, number>;
  version: number;
}

export function orderRows(rows: OrderRowData[]): OrderRows {
  return { rows, indexOf: new Map(rows.map((row, i) => [row.id, i])), version: 0 };
}

export function patchOrderRows(current: OrderRows, change: Extract<RowsChanged, { entity: 'order' }>): OrderRows {
  const removed = new Set(change.removedIds ?? []);
  const added = change.rows.filter((row) => !current.indexOf.has(row.id));
  if (added.length > 0 || change.removedIds?.some((id) => current.indexOf.has(id))) {
    const changed = new Map(change.rows.map((row) => [row.id, row]));
    const kept = current.rows.filter((row) => !removed.has(row.id)).map((row) => changed.get(row.id) ?? row);
    return { ...orderRows([...kept, ...added].sort((a, b) => a.id - b.id)), version: current.version + 1 };
  }
  for (const row of change.rows) current.rows[current.indexOf.get(row.id)!] = row;
  return { ...current, version: current.version + 1 };
}
