import { dirname, join } from 'node:path';
import { storeFileName } from '../fs/store-files';
import type { z } from 'zod';
import { StoreId } from '../../../shared/contract';
import { AppError, validationError } from '../../../shared/rpc';
import type { BigCommerceClient, BigCommerceService, Clock } from '../bigcommerce';
import { applyEdits, CatalogEdits, nothingCached, type ApplyLocalResult, type CatalogEdit } from './apply-local';
import { CACHE_FILE_NAME, readCacheFile, readCacheHeader, removeCacheFile, writeCacheFile, type CacheMeta } from './cache-file';
import { COLUMNS_FILE_NAME, createDiskPages, removeColumnsFile, type DiskPages } from './columns-file';
import { createCatalog, orderedRows, removeRows, toSnapshot, upsertRows, type StoreCatalog } from './catalog-state';
import { createProgressThrottle } from './progress';
import { fetchStoreMoney, runDelta, runFull, type SyncOutcome } from './run-sync';
import { fetchByIds } from './sync';
import { createSerialWriter, type SerialWriter } from './serial-writer';

export { createSerialWriter, type SerialWriter } from './serial-writer';
import { productColumns } from './product-columns';
import type { ProductColumnsPage } from '../../../shared/contract';
import { EncodedJson } from '../../../shared/rpc';
import type { CatalogEvent, CatalogSnapshot, ProductRow, SyncResult } from './types';

/**
 * Catalog sync and local cache, per store (bigcommerce-facts §3, §6).
 * - `snapshot` answers from memory, or from the cache file on first use: no network.
 * - `load` fetches everything when there is no usable cache (or with `force`); otherwise it is a
 *   `refresh`: products modified since the last sync, then a reconcile of deleted ones.
 * - One sync per store at a time: concurrent calls share it. A forced load asked for while a
 *   refresh runs is queued behind it (the caller asked for a full reload, not for a refresh).
 * - Nothing is committed until a sync has all its data, so a failed sync keeps the old cache.
 */
export interface CatalogServiceDeps {
  dataDir: string;
  bigcommerce: Pick<BigCommerceService, 'clientFor'>;
  clock?: Pick<Clock, 'now'>;
  onEvent?: (event: CatalogEvent) => void;
  /** The store currency's decimal places; default: `GET /v2/store` (see fetchStoreMoney; the currency is then unknown). */
  decimalPlaces?: (storeHash: string) => Promise<number>;
  /** Default 5 minutes. */
  deltaMarginMs?: number;
  /** Minimum gap between progress events of one sync; default 250 ms. */
  progressIntervalMs?: number;
  /** Id ranges walked at once (the store's rate limiter decides how many requests run); default 8. */
  lanes?: number;
  /** How long after sending pages kept on disk the catalog itself is read (see readLater); default 10 s. */
  readAfterPagesMs?: number;
}

export interface CatalogCounts {
  syncedAt: string;
  products: number;
  variants: number;
  decimalPlaces: number;
  currency: string | null;
}

export interface LoadOptions {
  force?: boolean;
}

export interface RefreshOptions {
  /** Scan every id even when BigCommerce's product count equals the cache's (see reconcile). */
  fullReconcile?: boolean;
}

export interface CatalogService {
  load(storeId: string, storeHash: string, options?: LoadOptions): Promise<SyncResult>;
  refresh(storeId: string, storeHash: string, options?: RefreshOptions): Promise<SyncResult>;
  snapshot(storeId: string): Promise<CatalogSnapshot | null>;
  /** What the cache holds (null: nothing), from its file's header while the catalog is not in memory yet. */
  status(storeId: string): Promise<CatalogCounts | null>;
  /** Cached products by position (id order) as columns, serialized; an empty page when nothing is cached. */
  columns(storeId: string, offset: number, limit: number): Promise<EncodedJson<ProductColumnsPage>>;
  /**
   * Read the cache file and encode and serialize the column pages of `pageSize` in the background
   * (one page per turn of the event loop), so a first visit after a start is a transfer, not a read
   * and encode.
   */
  warm(storeId: string, pageSize: number): Promise<void>;
  /** Cached rows for these ids, in the order asked; ids not in the cache are left out. */
  get(storeId: string, productIds: readonly number[]): Promise<ProductRow[]>;
  /**
   * Fetch exactly these products from the store (a webhook or a catalog job named them) and put them in the cache:
   * the rows the store has, and the ids it no longer has. Nothing happens without a cache (the
   * first load will have them). Refreshes of one store run one after another, so an older answer
   * never overwrites a newer one.
   */
  refreshIds(storeId: string, productIds: readonly number[]): Promise<{ rows: ProductRow[]; removedIds: number[] }>;
  /** Patch cached rows with edits a bulk job applied (JobEdit-compatible: {entity, id, productId?, field, to}). */
  applyLocal(storeId: string, edits: readonly CatalogEdit[]): Promise<ApplyLocalResult>;
  /** Forget a store: stop its sync, drop the memory copy and the cache file. */
  clear(storeId: string): Promise<void>;
  /** Stop all syncs and wait for pending cache writes. */
  close(): Promise<void>;
}

type SyncKind = 'full' | 'auto';
type ParsedEdit = z.infer<typeof CatalogEdits>[number];

interface Entry {
  storeId: string;
  path: string;
  catalog: StoreCatalog | null;
  opened: Promise<StoreCatalog | null> | null;
  /** The latest sync (the one new callers join). */
  sync: { kind: SyncKind; promise: Promise<SyncResult> } | null;
  /** Every sync started and not yet settled (a queued full load runs after the current one). */
  running: Set<Promise<unknown>>;
  /** Aborts the syncs of this store; replaced after use (clear, close). */
  stop: AbortController;
  /** Local edits made while a sync runs, re-applied on top of what it commits. */
  localDuringSync: ParsedEdit[] | null;
  writer: SerialWriter;
  /** The last webhook refresh of this store (the next one waits for it). */
  refreshing: Promise<unknown>;
  /** Column pages kept on disk from the last start (see columns-file.ts). */
  disk: DiskPages;
  columnsPath: string;
  /** Reads the catalog a little after pages were sent from disk (see readLater). */
  readTimer: NodeJS.Timeout | null;
}

const DEFAULT_MARGIN_MS = 5 * 60_000;
/**
 * After sending pages kept on disk: well after the renderer has decoded them (1–3 s), and after a
 * second window's first visit right behind the first (the grid benchmark's cold then warm visit),
 * but before most people make their first edit.
 */
const READ_AFTER_PAGES_MS = 10_000;

/** The catalog in memory changed: write its cache, and stop sending the pages kept on disk. */
function changed(entry: Entry): Promise<void> {
  entry.disk.invalidate();
  return entry.writer.schedule();
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
}

/** Swap in (full) or merge (delta) what a sync fetched, then re-apply local edits made meanwhile. */
function commit(entry: Entry, meta: CacheMeta, outcome: SyncOutcome, base: StoreCatalog | null): SyncResult {
  let catalog: StoreCatalog;
  let upserted: number;
  let removed = 0;
  if (outcome.mode === 'delta' && base) {
    catalog = base;
    upserted = upsertRows(catalog, outcome.upserts);
    removed = removeRows(catalog, outcome.removals);
    catalog.meta = meta;
  } else {
    const rows = outcome.mode === 'full' ? outcome.rows : outcome.upserts;
    catalog = createCatalog(meta, rows);
    upserted = rows.length;
    const previous = entry.catalog;
    if (previous) removed = [...previous.byId.keys()].filter((id) => !catalog.byId.has(id)).length;
  }
  entry.catalog = catalog;
  if (entry.localDuringSync?.length) applyEdits(catalog, entry.localDuringSync);
  entry.localDuringSync = null;
  const { storeId } = entry;
  return { storeId, mode: outcome.mode, products: catalog.byId.size, variants: catalog.variantCount, at: meta.syncedAt, upserted, removed };
}

export function createCatalogService(deps: CatalogServiceDeps): CatalogService {
  const clock = deps.clock ?? { now: () => Date.now() };
  const emit = (event: CatalogEvent) => deps.onEvent?.(event);
  const entries = new Map<string, Entry>();

  function entryFor(storeId: string): Entry {
    if (!StoreId.safeParse(storeId).success) throw new AppError('VALIDATION', `Invalid store id: ${storeId}`);
    let entry = entries.get(storeId);
    if (!entry) {
      const path = join(deps.dataDir, 'cache', storeFileName(storeId), CACHE_FILE_NAME);
      const writer = createSerialWriter(() => {
        const catalog = entries.get(storeId)?.catalog;
        return catalog ? writeCacheFile(path, catalog.meta, orderedRows(catalog)) : removeCacheFile(path);
      });
      const columnsPath = join(dirname(path), COLUMNS_FILE_NAME);
      const disk = createDiskPages(path, columnsPath);
      entry = { storeId, path, catalog: null, opened: null, sync: null, running: new Set(), stop: new AbortController(), localDuringSync: null, writer, refreshing: Promise.resolve(), disk, columnsPath, readTimer: null };
      entries.set(storeId, entry);
    }
    return entry;
  }

  /** The memory copy, read from disk once; an unusable file is reported and treated as absent. */
  function open(entry: Entry): Promise<StoreCatalog | null> {
    if (entry.catalog) return Promise.resolve(entry.catalog);
    entry.opened ??= readCacheFile(entry.path)
      .catch((error: unknown) => ({ ok: false as const, reason: error instanceof Error ? error.message : String(error) }))
      .then((read) => {
        if (read && !read.ok) emit({ type: 'cacheRejected', storeId: entry.storeId, reason: read.reason });
        if (read?.ok && !entry.catalog) entry.catalog = createCatalog(read.cache.meta, read.cache.products);
        return entry.catalog;
      });
    return entry.opened;
  }

  /**
   * Pages sent from disk spared reading the catalog for the first visit; the first edit's checks
   * (and jobs, exports) will still want it. Read it once the renderer has decoded those pages,
   * not while it does: both would share the same few cores.
   */
  function readLater(entry: Entry): void {
    if (entry.catalog || entry.opened || entry.readTimer) return;
    entry.readTimer = setTimeout(() => void open(entry), deps.readAfterPagesMs ?? READ_AFTER_PAGES_MS);
    entry.readTimer.unref();
  }

  async function storeMoney(storeHash: string, client: BigCommerceClient, signal: AbortSignal): Promise<{ decimalPlaces: number; currency: string | null }> {
    return deps.decimalPlaces ? { decimalPlaces: await deps.decimalPlaces(storeHash), currency: null } : fetchStoreMoney(client, signal);
  }

  async function runSync(entry: Entry, storeHash: string, kind: SyncKind, options: RefreshOptions, signal: AbortSignal) {
    const startedAt = clock.now();
    entry.localDuringSync = [];
    const progress = createProgressThrottle(entry.storeId, emit, clock.now, deps.progressIntervalMs ?? 250);
    try {
      const current = await open(entry);
      const base = kind === 'auto' && current?.meta.storeHash === storeHash ? current : null;
      const client = deps.bigcommerce.clientFor(entry.storeId);
      const money = base ? { decimalPlaces: base.meta.decimalPlaces, currency: base.meta.currency ?? null } : await storeMoney(storeHash, client, signal);
      const ctx = { client, decimalPlaces: money.decimalPlaces, signal, lanes: deps.lanes, progress };
      const outcome = base
        ? await runDelta(ctx, base, startedAt, { marginMs: deps.deltaMarginMs ?? DEFAULT_MARGIN_MS, fullReconcile: options.fullReconcile ?? false })
        : await runFull(ctx, startedAt);
      signal.throwIfAborted(); // cleared or closed while the last page arrived: commit nothing
      const meta = { storeId: entry.storeId, storeHash, syncedAt: new Date(clock.now()).toISOString(), deltaFrom: outcome.deltaFrom, ...money };
      const result = commit(entry, meta, outcome, base);
      await changed(entry);
      emit({ type: 'synced', ...result });
      return result;
    } catch (error) {
      emit({ type: 'syncFailed', storeId: entry.storeId, message: error instanceof Error ? error.message : String(error), code: errorCode(error) });
      throw error;
    } finally {
      entry.localDuringSync = null;
    }
  }

  async function refreshIdsNow(entry: Entry, productIds: readonly number[]): Promise<{ rows: ProductRow[]; removedIds: number[] }> {
    const catalog = await open(entry);
    const ids = [...new Set(productIds)];
    if (!catalog || ids.length === 0) return { rows: [], removedIds: [] };
    const client = deps.bigcommerce.clientFor(entry.storeId);
    const ctx = { client, decimalPlaces: catalog.meta.decimalPlaces, signal: entry.stop.signal, lanes: deps.lanes, progress: () => {} };
    const rows = await fetchByIds(ctx, ids);
    const found = new Set(rows.map((r) => r.id));
    const removedIds = ids.filter((id) => !found.has(id) && catalog.byId.has(id));
    // The sync may have swapped in a new catalog meanwhile: patch the current one.
    const current = entry.catalog ?? catalog;
    upsertRows(current, rows);
    removeRows(current, removedIds);
    if (rows.length || removedIds.length) await changed(entry);
    return { rows, removedIds };
  }

  function startSync(storeId: string, storeHash: string, kind: SyncKind, options: RefreshOptions = {}): Promise<SyncResult> {
    const entry = entryFor(storeId);
    const current = entry.sync;
    if (current && (kind === 'auto' || current.kind === 'full')) return current.promise;
    const signal = entry.stop.signal;
    const before = current ? current.promise.catch(() => undefined) : Promise.resolve();
    const promise: Promise<SyncResult> = before
      .then(() => {
        signal.throwIfAborted();
        return runSync(entry, storeHash, kind, options, signal);
      })
      .finally(() => {
        // Before callers resume: one who calls again on completion starts a new sync, not this one.
        if (entry.sync?.promise === promise) entry.sync = null;
      });
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    entry.running.add(settled);
    void settled.then(() => entry.running.delete(settled));
    entry.sync = { kind, promise };
    return promise;
  }

  async function stopSyncs(entry: Entry): Promise<void> {
    if (entry.readTimer) clearTimeout(entry.readTimer);
    entry.stop.abort(new AppError('INTERNAL', 'The catalog sync was cancelled.'));
    entry.stop = new AbortController();
    await Promise.all(entry.running);
  }

  return {
    load: async (storeId, storeHash, options = {}) => startSync(storeId, storeHash, options.force ? 'full' : 'auto'),
    refresh: async (storeId, storeHash, options = {}) => startSync(storeId, storeHash, 'auto', options),
    async snapshot(storeId) {
      const entry = entryFor(storeId);
      const catalog = await open(entry);
      return catalog ? toSnapshot(storeId, catalog) : null;
    },
    async status(storeId) {
      const entry = entryFor(storeId);
      const header = !entry.catalog && entry.disk.valid ? await readCacheHeader(entry.path) : null;
      if (header && !entry.catalog) return { syncedAt: header.syncedAt, products: header.products, variants: header.variants, decimalPlaces: header.decimalPlaces, currency: header.currency ?? null };
      const catalog = await open(entry);
      return catalog ? { syncedAt: catalog.meta.syncedAt, products: catalog.byId.size, variants: catalog.variantCount, decimalPlaces: catalog.meta.decimalPlaces, currency: catalog.meta.currency ?? null } : null;
    },
    async columns(storeId, offset, limit) {
      const entry = entryFor(storeId);
      const kept = await entry.disk.page(offset, limit);
      if (kept) {
        readLater(entry);
        return EncodedJson.fromBytes<ProductColumnsPage>(kept);
      }
      const catalog = await open(entry);
      return productColumns(catalog ? orderedRows(catalog) : [], offset, limit);
    },
    async warm(storeId, pageSize) {
      const entry = entryFor(storeId);
      // Pages kept from the last start still match the cache file: nothing to read or encode now.
      if (await entry.disk.page(0, pageSize)) return;
      await open(entry);
      const pages: Uint8Array[] = [];
      for (let offset = 0; entry.catalog && offset < entry.catalog.byId.size; offset += pageSize) {
        pages.push(productColumns(orderedRows(entry.catalog), offset, pageSize).bytes);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (entry.catalog && pages.length) await entry.disk.save(pageSize, pages);
    },
    async get(storeId, productIds) {
      const catalog = await open(entryFor(storeId));
      if (!catalog) return [];
      return productIds.flatMap((id) => catalog.byId.get(id) ?? []);
    },
    refreshIds(storeId, productIds) {
      const entry = entryFor(storeId);
      const run = entry.refreshing.catch(() => undefined).then(() => refreshIdsNow(entry, productIds));
      entry.refreshing = run;
      return run;
    },
    async applyLocal(storeId, edits) {
      const parsed = CatalogEdits.safeParse(edits);
      if (!parsed.success) throw validationError('Invalid catalog edits', parsed.error.issues);
      const entry = entryFor(storeId);
      const catalog = await open(entry);
      if (!catalog) {
        entry.localDuringSync?.push(...parsed.data);
        return nothingCached(parsed.data);
      }
      const result = applyEdits(catalog, parsed.data); // validates every value before changing anything
      entry.localDuringSync?.push(...parsed.data);
      if (result.applied) await changed(entry);
      return result;
    },
    async clear(storeId) {
      const entry = entryFor(storeId);
      await stopSyncs(entry);
      entry.catalog = null;
      entry.opened = Promise.resolve(null);
      await changed(entry);
      await removeColumnsFile(entry.columnsPath);
    },
    async close() {
      await Promise.all([...entries.values()].map(stopSyncs));
      await Promise.all([...entries.values()].map((entry) => entry.writer.idle()));
    },
  };
}
