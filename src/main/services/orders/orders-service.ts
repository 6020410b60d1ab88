import { join } from 'node:path';
import type { OrderDetail, OrderRowData, OrdersStatus, OrdersSyncResult, OrderStatus, ShipmentOutcome, ShipmentRequest } from '../../../shared/contract';
import { AppError } from '../../../shared/rpc';
import type { BigCommerceService, Clock } from '../bigcommerce';
import type { CatalogService } from '../catalog';
import { createSerialWriter, type SerialWriter } from '../catalog/catalog-service';
import { storeFileName } from '../fs/store-files';
import { ORDERS_CACHE_FILE, readOrdersCache, removeOrdersCache, writeOrdersCache } from './cache-file';
import { fetchOrderDetail } from './detail';
import { countOrders, fetchOrdersByIds, fetchStatuses, findRemoved, isoSeconds, walkOrders } from './fetch-orders';
import { applyLoad, createStoreOrders, orderedRows, patchOrders, removeOrders, toCache, upsertOrders, type OrderFieldEdit, type StoreOrders } from './order-cache';
import { createShipments } from './shipments';

/**
 * Orders of each store in a local cache, like the catalog (catalog-service.ts):
 * - `list`/`status` answer from memory or the cache file: no network, so reopening is instant and
 *   works offline.
 * - `load` reads every order the first time (progress events), then refreshes by
 *   `min_date_modified` from the server's clock at the last load's start, less a margin.
 * - One load per store at a time; concurrent calls share it. Nothing is committed until a load
 *   has all its data, so a failed load keeps the old cache.
 * - Rows changed meanwhile by a job or a shipment (`applyLocal`, `reread`) are patched in at once
 *   and re-applied on top of what a running load commits.
 */
export type OrdersEvent =
  | { type: 'syncProgressed'; storeId: string; loaded: number; total: number }
  | ({ type: 'synced' } & OrdersSyncResult)
  | { type: 'syncFailed'; storeId: string; message: string; code: string }
  | { type: 'cacheRejected'; storeId: string; reason: string }
  | { type: 'rowsChanged'; storeId: string; rows: OrderRowData[]; cause: 'shipment' };

export interface OrdersServiceDeps {
  dataDir: string;
  bigcommerce: Pick<BigCommerceService, 'clientFor'>;
  /** Bins for the detail's lines. */
  catalog: Pick<CatalogService, 'snapshot'>;
  clock?: Pick<Clock, 'now'>;
  onEvent?: (event: OrdersEvent) => void;
  /** Default 5 minutes: clock skew, second-precision dates, listing lag. */
  deltaMarginMs?: number;
  progressIntervalMs?: number;
}

export interface OrdersService {
  load(storeId: string, storeHash: string, options?: { force?: boolean }): Promise<OrdersSyncResult>;
  list(storeId: string): Promise<{ storeId: string; syncedAt: string | null; rows: OrderRowData[] }>;
  status(storeId: string): Promise<OrdersStatus>;
  get(storeId: string, orderId: number): Promise<OrderDetail>;
  /** The store's statuses by its own names: the cache's (renewed by every load), else read once. */
  statuses(storeId: string): Promise<OrderStatus[]>;
  /**
   * Reads exactly these orders from the store (a webhook named them) into the cache: the rows
   * now, and the cached ids the store no longer lists (archived). Nothing when there is no cache.
   */
  refetch(storeId: string, ids: readonly number[]): Promise<{ rows: OrderRowData[]; removedIds: number[] }>;
  /** Patch cached rows with order edits a job applied; returns the rows that changed. */
  applyLocal(storeId: string, edits: readonly OrderFieldEdit[]): Promise<OrderRowData[]>;
  createShipments(storeId: string, requests: readonly ShipmentRequest[]): Promise<{ results: ShipmentOutcome[] }>;
  clear(storeId: string): Promise<void>;
  close(): Promise<void>;
}

interface Entry {
  storeId: string;
  path: string;
  orders: StoreOrders | null;
  opened: Promise<StoreOrders | null> | null;
  sync: Promise<OrdersSyncResult> | null;
  stop: AbortController;
  /** Rows patched (or removed) while a load runs, re-applied on top of what it commits. */
  patchedDuringSync: OrderRowData[] | null;
  removedDuringSync: Set<number> | null;
  /** Statuses read from the store before there was a cache. */
  statuses: Promise<OrderStatus[]> | null;
  writer: SerialWriter;
}

const DEFAULT_MARGIN_MS = 5 * 60_000;

export function createOrdersService(deps: OrdersServiceDeps): OrdersService {
  const clock = deps.clock ?? { now: () => Date.now() };
  const emit = (event: OrdersEvent) => deps.onEvent?.(event);
  const entries = new Map<string, Entry>();

  function entryFor(storeId: string): Entry {
    let entry = entries.get(storeId);
    if (!entry) {
      const path = join(deps.dataDir, 'cache', storeFileName(storeId), ORDERS_CACHE_FILE);
      const writer = createSerialWriter(() => {
        const orders = entries.get(storeId)?.orders;
        return orders ? writeOrdersCache(path, toCache(orders)) : removeOrdersCache(path);
      });
      entry = { storeId, path, orders: null, opened: null, sync: null, stop: new AbortController(), patchedDuringSync: null, removedDuringSync: null, statuses: null, writer };
      entries.set(storeId, entry);
    }
    return entry;
  }

  function open(entry: Entry): Promise<StoreOrders | null> {
    if (entry.orders) return Promise.resolve(entry.orders);
    entry.opened ??= readOrdersCache(entry.path).then((read) => {
      if (read && !read.ok) emit({ type: 'cacheRejected', storeId: entry.storeId, reason: read.reason });
      if (read?.ok && !entry.orders) entry.orders = createStoreOrders(read.cache);
      return entry.orders;
    });
    return entry.opened;
  }

  function throttle(storeId: string) {
    let last = -Infinity;
    return (loaded: number, total: number) => {
      const t = clock.now();
      if (loaded < total && t - last < (deps.progressIntervalMs ?? 250)) return;
      last = t;
      emit({ type: 'syncProgressed', storeId, loaded, total: Math.max(total, loaded) });
    };
  }

  async function runLoad(entry: Entry, storeHash: string, force: boolean, signal: AbortSignal): Promise<OrdersSyncResult> {
    const startedAt = clock.now();
    entry.patchedDuringSync = [];
    entry.removedDuringSync = new Set();
    try {
      const current = await open(entry);
      const base = !force && current?.meta.storeHash === storeHash ? current : null;
      const client = deps.bigcommerce.clientFor(entry.storeId);
      const statuses = await fetchStatuses(client, signal);
      const statusNames = new Map(statuses.map((s) => [s.id, s.name]));
      const progress = throttle(entry.storeId);
      const total = base ? 0 : await countOrders(client, signal);
      if (!base) progress(0, total);
      const filter = base ? { min_date_modified: isoSeconds(base.meta.deltaFrom - (deps.deltaMarginMs ?? DEFAULT_MARGIN_MS)) } : {};
      const walk = await walkOrders(client, { filter, statusNames, signal, onPage: base ? undefined : (loaded) => progress(loaded, total) });
      const gone = base ? await findRemoved(client, new Set([...base.byId.keys(), ...walk.rows.map((r) => r.id)]), statusNames, signal) : null;
      signal.throwIfAborted();
      const meta = { storeId: entry.storeId, storeHash, syncedAt: new Date(clock.now()).toISOString(), deltaFrom: walk.serverTime ?? startedAt, statuses };
      const orders = base ?? createStoreOrders({ ...meta, rows: [] });
      const removed = applyLoad(orders, meta, { rows: gone ? [...walk.rows, ...gone.rows] : walk.rows, removedIds: gone?.removedIds ?? [] });
      // Rows a job, a shipment or a webhook changed meanwhile are newer than what the load read.
      upsertOrders(orders, entry.patchedDuringSync.filter((r) => !removed.includes(r.id)));
      removeOrders(orders, entry.removedDuringSync);
      entry.orders = orders;
      await entry.writer.schedule();
      const result: OrdersSyncResult = { storeId: entry.storeId, mode: base ? 'delta' : 'full', orders: orders.byId.size, upserted: walk.rows.length, removed: removed.length, at: meta.syncedAt };
      emit({ type: 'synced', ...result });
      return result;
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      emit({ type: 'syncFailed', storeId: entry.storeId, message: error instanceof Error ? error.message : String(error), code: typeof code === 'string' ? code : 'INTERNAL' });
      throw error;
    } finally {
      entry.patchedDuringSync = null;
      entry.removedDuringSync = null;
    }
  }

  async function patched(entry: Entry, rows: OrderRowData[], removed = false): Promise<void> {
    entry.patchedDuringSync?.push(...rows);
    if ((rows.length > 0 || removed) && entry.orders) await entry.writer.schedule();
  }

  async function statusesFor(entry: Entry): Promise<OrderStatus[]> {
    const orders = await open(entry);
    if (orders) return orders.meta.statuses;
    entry.statuses ??= fetchStatuses(deps.bigcommerce.clientFor(entry.storeId)).catch((error: unknown) => {
      entry.statuses = null;
      throw error;
    });
    return entry.statuses;
  }

  async function refetch(entry: Entry, ids: readonly number[]): Promise<{ rows: OrderRowData[]; removedIds: number[] }> {
    const orders = await open(entry);
    if (!orders || ids.length === 0) return { rows: [], removedIds: [] };
    const names = new Map(orders.meta.statuses.map((s) => [s.id, s.name]));
    const rows = await fetchOrdersByIds(deps.bigcommerce.clientFor(entry.storeId), ids, names);
    const listed = new Set(rows.map((row) => row.id));
    upsertOrders(orders, rows);
    const removedIds = removeOrders(orders, ids.filter((id) => !listed.has(id)));
    for (const id of removedIds) entry.removedDuringSync?.add(id);
    await patched(entry, rows, removedIds.length > 0);
    return { rows, removedIds };
  }

  return {
    load(storeId, storeHash, options = {}) {
      const entry = entryFor(storeId);
      if (entry.sync) return entry.sync;
      const signal = entry.stop.signal;
      const promise = runLoad(entry, storeHash, options.force ?? false, signal).finally(() => {
        if (entry.sync === promise) entry.sync = null;
      });
      entry.sync = promise;
      return promise;
    },
    async list(storeId) {
      const orders = await open(entryFor(storeId));
      return { storeId, syncedAt: orders?.meta.syncedAt ?? null, rows: orders ? orderedRows(orders) : [] };
    },
    async status(storeId) {
      const entry = entryFor(storeId);
      const orders = await open(entry);
      return { storeId, syncedAt: orders?.meta.syncedAt ?? null, orders: orders?.byId.size ?? 0, statuses: orders?.meta.statuses ?? [] };
    },
    statuses: (storeId) => statusesFor(entryFor(storeId)),
    refetch: (storeId, ids) => refetch(entryFor(storeId), ids),
    async get(storeId, orderId) {
      const entry = entryFor(storeId);
      const statuses = await statusesFor(entry);
      return fetchOrderDetail(deps.bigcommerce.clientFor(storeId), orderId, statuses, await deps.catalog.snapshot(storeId));
    },
    async applyLocal(storeId, edits) {
      const entry = entryFor(storeId);
      const orders = await open(entry);
      if (!orders) return [];
      const rows = patchOrders(orders, edits, orders.meta.statuses);
      await patched(entry, rows);
      return rows;
    },
    async createShipments(storeId, requests) {
      const entry = entryFor(storeId);
      const client = deps.bigcommerce.clientFor(storeId);
      const outcome = await createShipments(client, requests);
      const shipped = outcome.results.filter((r) => r.ok).map((r) => r.orderId);
      const orders = shipped.length ? await open(entry) : null;
      if (orders && shipped.length) {
        const rows = await fetchOrdersByIds(client, shipped, new Map(orders.meta.statuses.map((s) => [s.id, s.name])));
        upsertOrders(orders, rows);
        await patched(entry, rows);
        emit({ type: 'rowsChanged', storeId, rows, cause: 'shipment' });
      }
      return outcome;
    },
    async clear(storeId) {
      const entry = entryFor(storeId);
      entry.stop.abort(new AppError('INTERNAL', 'The orders load was cancelled.'));
      entry.stop = new AbortController();
      await entry.sync?.catch(() => undefined);
      entry.orders = null;
      entry.opened = Promise.resolve(null);
      await entry.writer.schedule();
    },
    async close() {
      for (const entry of entries.values()) entry.stop.abort(new AppError('INTERNAL', 'The orders load was cancelled.'));
      await Promise.all([...entries.values()].map((e) => e.sync?.catch(() => undefined)));
      await Promise.all([...entries.values()].map((e) => e.writer.idle()));
    },
  };
}
