import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { startDemoStore } from '../../../demo-store/index';
import { createBigCommerceService } from '../bigcommerce';
import { writeCacheFile } from './cache-file';
import { createCatalogService } from './catalog-service';

/**
 * Catalog load and cache figures against the demo store over real loopback HTTP, rate limit off.
 * Run directly: `npx tsx src/main/services/catalog/bench.ts [products]` (add
 * `NODE_OPTIONS=--expose-gc` for heap figures after a GC). The demo store runs in the same process,
 * so `heapUsedMB` includes its copy of the catalog; `catalogHeapMB` is what one service's copy of
 * the catalog adds (heap before and after the cold snapshot, both after a GC when exposed).
 */
export interface CatalogBenchResult {
  products: number;
  variants: number;
  requests: number;
  demoStoreStartMs: number;
  /** load() end to end: every page, normalise, commit, cache write. */
  fullLoadMs: number;
  productsPerSecond: number;
  /** Products + variants per second. */
  rowsPerSecond: number;
  cacheWriteMs: number;
  cacheBytes: number;
  /** A new service instance on the same data dir: first snapshot() (reads and decodes the file). */
  snapshotLoadMs: number;
  /** Longest the event loop was blocked during that snapshot load. */
  snapshotMaxBlockMs: number;
  /** A second snapshot() (from memory). */
  snapshotWarmMs: number;
  /** Whole process (demo store included) at the end. */
  heapUsedMB: number;
  catalogHeapMB: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const ms = (t0: number) => Math.round(performance.now() - t0);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function timeSnapshot(dataDir: string) {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const fresh = createCatalogService({ dataDir, bigcommerce: { clientFor: () => { throw new Error('no network in snapshot'); } } });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let t0 = performance.now();
  const snap = await fresh.snapshot('bench');
  const snapshotLoadMs = ms(t0);
  delay.disable();
  t0 = performance.now();
  await fresh.snapshot('bench');
  const snapshotWarmMs = ms(t0);
  if (!snap) throw new Error('snapshot after load is empty');
  gc();
  const catalogHeapMB = mb(process.memoryUsage().heapUsed - heapBefore);
  return { fresh, snap, snapshotLoadMs, snapshotWarmMs, snapshotMaxBlockMs: Math.round(delay.max / 1e6), catalogHeapMB };
}

export async function runCatalogBench(products = 100_000): Promise<CatalogBenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-catalog-bench-'));
  let t0 = performance.now();
  const demo = await startDemoStore({ port: 0, products, orders: 0, customers: 0, stores: 1, rateLimit: false });
  const demoStoreStartMs = ms(t0);
  const store = demo.stores[0]!;
  const bigcommerce = createBigCommerceService({ apiOrigin: demo.url, getToken: async () => store.token });
  try {
    const catalog = createCatalogService({ dataDir, bigcommerce });
    t0 = performance.now();
    const result = await catalog.load('bench', store.storeHash);
    const fullLoadMs = ms(t0);
    const requests = demo.stats().requests;
    const { fresh, snap, ...snapshotTimes } = await timeSnapshot(dataDir);
    const path = join(dataDir, 'cache', 'bench', 'catalog.jsonl');
    t0 = performance.now();
    await writeCacheFile(`${path}.bench`, { storeId: 'bench', storeHash: store.storeHash, syncedAt: snap.syncedAt, deltaFrom: 0, decimalPlaces: 2 }, snap.products);
    const cacheWriteMs = ms(t0);
    const cacheBytes = (await stat(path)).size;
    gc();
    const heapUsedMB = mb(process.memoryUsage().heapUsed);
    await catalog.close();
    await fresh.close();
    return {
      products: result.products, variants: result.variants, requests, demoStoreStartMs, fullLoadMs,
      productsPerSecond: Math.round(result.products / (fullLoadMs / 1000)),
      rowsPerSecond: Math.round((result.products + result.variants) / (fullLoadMs / 1000)),
      cacheWriteMs, cacheBytes, ...snapshotTimes, heapUsedMB,
    };
  } finally {
    bigcommerce.close();
    await demo.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? 100_000);
  runCatalogBench(count).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
