import type { OrderRowData, OrderStatus } from '../../../shared/contract';
import type { OrdersCache } from './cache-file';

/**
 * One store's orders in memory: rows by id, and the id-sorted list the grid reads (rebuilt only
 * when an order is added or removed). Rows are replaced, never mutated, so a list handed out
 * earlier never changes under its holder.
 */
export interface StoreOrders {
  meta: Omit<OrdersCache, 'rows'>;
  byId: Map<number, OrderRowData>;
  sorted: OrderRowData[] | null;
}

export function createStoreOrders(cache: OrdersCache): StoreOrders {
  const { rows, ...meta } = cache;
  return { meta, byId: new Map(rows.map((row) => [row.id, row])), sorted: null };
}

export function orderedRows(orders: StoreOrders): OrderRowData[] {
  orders.sorted ??= [...orders.byId.values()].sort((a, b) => a.id - b.id);
  return orders.sorted;
}

export function toCache(orders: StoreOrders): OrdersCache {
  return { ...orders.meta, rows: orderedRows(orders) };
}

export function upsertOrders(orders: StoreOrders, rows: readonly OrderRowData[]): void {
  for (const row of rows) {
    if (!orders.byId.has(row.id)) orders.sorted = null;
    orders.byId.set(row.id, row);
  }
  if (orders.sorted) orders.sorted = orders.sorted.map((row) => orders.byId.get(row.id)!);
}

/** Orders the store no longer lists (archived); returns the ids that were cached. */
export function removeOrders(orders: StoreOrders, ids: Iterable<number>): number[] {
  const removed: number[] = [];
  for (const id of ids) if (orders.byId.delete(id)) removed.push(id);
  if (removed.length > 0) orders.sorted = null;
  return removed;
}

/**
 * What a load read, into the cache: its rows, the orders the store no longer lists, and the
 * statuses' names (a renamed status renames every cached order, not only those a delta brought).
 * Returns the ids removed.
 */
export function applyLoad(orders: StoreOrders, meta: StoreOrders['meta'], read: { rows: readonly OrderRowData[]; removedIds: readonly number[] }): number[] {
  orders.meta = meta;
  upsertOrders(orders, read.rows);
  const removed = removeOrders(orders, read.removedIds);
  const names = new Map(meta.statuses.map((s) => [s.id, s.name]));
  const renamed = [...orders.byId.values()].filter((r) => names.has(r.status_id) && names.get(r.status_id) !== r.status);
  upsertOrders(orders, renamed.map((r) => ({ ...r, status: names.get(r.status_id)! })));
  return removed;
}

export interface OrderFieldEdit {
  id: number;
  field: string;
  to: unknown;
}

/**
 * A job's applied order edits on the cached rows: status (with its name as the store labels it),
 * staff notes, customer message. Returns the rows that changed; orders not cached are skipped
 * (the next refresh brings them).
 */
export function patchOrders(orders: StoreOrders, edits: readonly OrderFieldEdit[], statuses: readonly OrderStatus[]): OrderRowData[] {
  const names = new Map(statuses.map((s) => [s.id, s.name]));
  const changed = new Map<number, OrderRowData>();
  for (const edit of edits) {
    const row = changed.get(edit.id) ?? orders.byId.get(edit.id);
    if (!row) continue;
    const next = patchOne(row, edit, names);
    if (next !== row) changed.set(edit.id, next);
  }
  upsertOrders(orders, [...changed.values()]);
  return [...changed.values()];
}

function patchOne(row: OrderRowData, edit: OrderFieldEdit, names: ReadonlyMap<number, string>): OrderRowData {
  if (edit.field === 'status_id' && typeof edit.to === 'number') return { ...row, status_id: edit.to, status: names.get(edit.to) ?? `Status ${edit.to}` };
  if ((edit.field === 'staff_notes' || edit.field === 'customer_message') && typeof edit.to === 'string') return { ...row, [edit.field]: edit.to };
  return row;
}
