import { join } from 'node:path';
import type { CustomerGroup, CustomersStatus, CustomersSyncResult, NewCustomer, RowsChanged } from '../../../shared/contract';
import { StoreId } from '../../../shared/contract';
import { AppError } from '../../../shared/rpc';
import { createWithCheck, type BigCommerceService } from '../bigcommerce';
import { fetchStoreMoney } from '../catalog/run-sync';
import { storeFileName } from '../fs/store-files';
import { CUSTOMERS_CACHE_FILE, readCustomersCache, removeCustomersCache, writeCustomersCache } from './cache-file';
import { applyEdits, createState, type CustomerEdit, orderedRows, unassignGroup, upsertRows, type CustomersState } from './customers-state';
import { toAppError } from './errors';
import { fetchCustomers, findByEmail, type FetchContext } from './fetch';
import * as groups from './groups';
import { normalizeCustomer, type CustomerRow } from './normalize';
import { runCustomersSync, type CustomersEvent } from './sync';

/**
 * Customers cache and writes, per store, the way the catalog does it (catalog-service.ts):
 * `rows` answer from memory or the cache file (no network); `sync` loads everything when there is
 * no usable cache (or `full`), else fetches what changed since the last sync (`date_modified:min`)
 * and reloads fully only when the store's count shows deletions. One sync per store at a time;
 * nothing is committed until a sync has all its data, so a failed sync keeps the old cache.
 */
export interface CustomersServiceDeps {
  dataDir: string;
  bigcommerce: Pick<BigCommerceService, 'clientFor'>;
  onEvent?: (event: CustomersEvent) => void;
  /** Rows a call changed on the store and in the cache (a create, a group's deletion): the `data.rowsChanged` event. */
  onRowsChanged?: (change: RowsChanged) => void;
  now?: () => number;
  /** Pause before looking a customer up after an ambiguous create (default 1 s). */
  createCheckDelayMs?: number;
}

export interface CustomersService {
  sync(storeId: string, storeHash: string, mode: 'refresh' | 'full'): Promise<CustomersSyncResult>;
  status(storeId: string): Promise<CustomersStatus>;
  rows(storeId: string): Promise<readonly CustomerRow[]>;
  get(storeId: string, ids: readonly number[]): Promise<CustomerRow[]>;
  /** Patch cached rows with edits a job applied; the ids of rows that changed. */
  applyLocal(storeId: string, edits: readonly CustomerEdit[]): Promise<number[]>;
  /**
   * Read these customers again from the store (a webhook named them): rows it has are cached, ids
   * it lacks are dropped. For the webhook receiver to wire to `data.rowsChanged`; nothing when no cache.
   */
  refetch(storeId: string, ids: readonly number[]): Promise<{ rows: CustomerRow[]; removedIds: number[] }>;
  create(storeId: string, customer: NewCustomer): Promise<CustomerRow>;
  listGroups(storeId: string): Promise<CustomerGroup[]>;
  createGroup(storeId: string, name: string): Promise<CustomerGroup>;
  renameGroup(storeId: string, id: number, name: string): Promise<CustomerGroup>;
  /** Delete a group; its cached members move to no group. `unassigned`: the members the store counted. */
  deleteGroup(storeId: string, id: number): Promise<{ id: number; unassigned: number }>;
  clear(storeId: string): Promise<void>;
  close(): Promise<void>;
}

interface Entry {
  path: string;
  state: CustomersState | null;
  opened: Promise<CustomersState | null> | null;
  sync: Promise<CustomersSyncResult> | null;
  /** Edits applied while a sync runs, re-applied on top of what it commits. */
  during: CustomerEdit[] | null;
  writes: Promise<void>;
}

export function createCustomersService(deps: CustomersServiceDeps): CustomersService {
  const now = deps.now ?? Date.now;
  const emit = (event: CustomersEvent) => deps.onEvent?.(event);
  const entries = new Map<string, Entry>();

  function entryFor(storeId: string): Entry {
    if (!StoreId.safeParse(storeId).success) throw new AppError('VALIDATION', `Invalid store id: ${storeId}`);
    let entry = entries.get(storeId);
    if (!entry) {
      entry = { path: join(deps.dataDir, 'cache', storeFileName(storeId), CUSTOMERS_CACHE_FILE), state: null, opened: null, sync: null, during: null, writes: Promise.resolve() };
      entries.set(storeId, entry);
    }
    return entry;
  }

  function open(entry: Entry): Promise<CustomersState | null> {
    if (entry.state) return Promise.resolve(entry.state);
    entry.opened ??= readCustomersCache(entry.path).then((read) => {
      if (read && !read.ok) emit({ type: 'cacheRejected', reason: read.reason });
      if (read?.ok && !entry.state) entry.state = createState(read.meta, read.rows);
      return entry.state;
    });
    return entry.opened;
  }

  function save(entry: Entry): Promise<void> {
    entry.writes = entry.writes.catch(() => undefined).then(() => (entry.state ? writeCustomersCache(entry.path, entry.state.meta, orderedRows(entry.state)) : removeCustomersCache(entry.path)));
    return entry.writes;
  }

  async function syncStore(storeId: string, storeHash: string, mode: 'refresh' | 'full'): Promise<CustomersSyncResult> {
    const entry = entryFor(storeId);
    entry.during = [];
    try {
      const current = await open(entry);
      const base = mode === 'refresh' && current?.meta.storeHash === storeHash ? current : null;
      const client = deps.bigcommerce.clientFor(storeId);
      const outcome = await runCustomersSync({ client, storeId, storeHash, base, now, emit });
      entry.state = outcome.state;
      if (entry.during.length) applyEdits(outcome.state, entry.during);
      await save(entry);
      emit({ type: 'synced', ...outcome.result });
      return outcome.result;
    } catch (error) {
      emit({ type: 'syncFailed', storeId, message: error instanceof Error ? error.message : String(error), code: String((error as { code?: unknown }).code ?? 'INTERNAL') });
      throw toAppError(error, 'Could not load the customers');
    } finally {
      entry.during = null;
    }
  }

  async function fetchContext(storeId: string): Promise<FetchContext> {
    const client = deps.bigcommerce.clientFor(storeId);
    const state = await open(entryFor(storeId));
    const signal = new AbortController().signal;
    const decimalPlaces = state?.meta.decimalPlaces ?? (await fetchStoreMoney(client, signal)).decimalPlaces;
    return { client, decimalPlaces, signal };
  }

  async function remember(storeId: string, rows: readonly CustomerRow[]): Promise<void> {
    const entry = entryFor(storeId);
    const state = await open(entry);
    if (!state || rows.length === 0) return;
    upsertRows(state, rows);
    await save(entry);
  }

  function announce(storeId: string, rows: CustomerRow[], method: string): void {
    if (rows.length) deps.onRowsChanged?.({ storeId, entity: 'customer', rows, cause: { kind: 'call', method } });
  }

  return {
    sync(storeId, storeHash, mode) {
      const entry = entryFor(storeId);
      // A refresh joins a running sync; a full reload waits for it and then runs.
      if (entry.sync && mode === 'refresh') return entry.sync;
      const before = entry.sync?.catch(() => undefined) ?? Promise.resolve();
      const promise = before.then(() => syncStore(storeId, storeHash, mode)).finally(() => {
        if (entry.sync === promise) entry.sync = null;
      });
      entry.sync = promise;
      return promise;
    },
    async status(storeId) {
      const state = await open(entryFor(storeId));
      return { storeId, syncedAt: state?.meta.syncedAt ?? null, customers: state?.byId.size ?? 0 };
    },
    async rows(storeId) {
      const state = await open(entryFor(storeId));
      return state ? orderedRows(state) : [];
    },
    async get(storeId, ids) {
      const state = await open(entryFor(storeId));
      return state ? ids.flatMap((id) => state.byId.get(id) ?? []) : [];
    },
    async applyLocal(storeId, edits) {
      const entry = entryFor(storeId);
      const state = await open(entry);
      entry.during?.push(...edits);
      if (!state) return [];
      const changed = applyEdits(state, edits);
      if (changed.length) await save(entry);
      return changed;
    },
    async refetch(storeId, ids) {
      const entry = entryFor(storeId);
      const state = await open(entry);
      if (!state || ids.length === 0) return { rows: [], removedIds: [] };
      const ctx = await fetchContext(storeId);
      const rows: CustomerRow[] = [];
      for (let i = 0; i < ids.length; i += 250) rows.push(...(await fetchCustomers(ctx, { 'id:in': ids.slice(i, i + 250) })).rows);
      const found = new Set(rows.map((row) => row.id));
      const removedIds = ids.filter((id) => !found.has(id) && state.byId.delete(id));
      upsertRows(state, rows);
      state.ordered = null;
      await save(entry);
      return { rows, removedIds };
    },
    async create(storeId, customer) {
      const ctx = await fetchContext(storeId);
      const email = customer.email.trim();
      const post = async () => {
        const res = await ctx.client.request<{ data?: unknown[] } | null>({ method: 'POST', version: 'v3', path: '/customers', query: { include: 'storecredit' }, body: [{ ...customer, email }], priority: 'interactive' });
        return normalizeCustomer(res.data?.data?.[0], ctx.decimalPlaces);
      };
      try {
        const { value } = await createWithCheck({ post, findExisting: () => findByEmail(ctx, email), maxAttempts: 2, checkDelayMs: deps.createCheckDelayMs });
        await remember(storeId, [value]);
        announce(storeId, [value], 'customers.create');
        return value;
      } catch (error) {
        throw toAppError(error, 'Could not create the customer');
      }
    },
    listGroups: (storeId) => groups.listGroups(deps.bigcommerce.clientFor(storeId)),
    createGroup: (storeId, name) => groups.createGroup(deps.bigcommerce.clientFor(storeId), name.trim()),
    renameGroup: (storeId, id, name) => groups.renameGroup(deps.bigcommerce.clientFor(storeId), id, name.trim()),
    async deleteGroup(storeId, id) {
      const client = deps.bigcommerce.clientFor(storeId);
      const members = await groups.countMembers(client, id).catch(() => 0);
      await groups.deleteGroup(client, id);
      const entry = entryFor(storeId);
      const state = await open(entry);
      const changed = state ? unassignGroup(state, id) : [];
      if (changed.length) await save(entry);
      announce(storeId, state ? changed.map((rowId) => state.byId.get(rowId)!) : [], 'customers.deleteGroup');
      return { id, unassigned: members };
    },
    async clear(storeId) {
      const entry = entryFor(storeId);
      await entry.sync?.catch(() => undefined);
      entry.state = null;
      entry.opened = Promise.resolve(null);
      await save(entry);
    },
    async close() {
      await Promise.all([...entries.values()].map(async (e) => {
        await e.sync?.catch(() => undefined);
        await e.writes.catch(() => undefined);
      }));
    },
  };
}
