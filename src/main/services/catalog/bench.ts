import { spawn } from 'node:child_process';
import { readFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startDemoChild, type DemoChild } from '../../../demo-store/cli-child';
import { createBigCommerceService } from '../bigcommerce';
import { CACHE_FILE_NAME, writeCacheFile } from './cache-file';
import { createCatalogService } from './catalog-service';

/**
 * Catalog load and cache figures against the demo store over real loopback HTTP, rate limit off.
 *   npx tsx src/main/services/catalog/bench.ts [products]   (or `npm run bench -- --only catalogSync`; run
 *   with --expose-gc for heap figures after a GC, as scripts/bench.mjs does)
 * The demo store runs in its own process (as a remote server would), so load figures are this
 * service's pipeline plus the emulator's serving time, not the two sharing one thread. Cold
 * snapshot is measured twice: a new service instance in this (warm) process, and a fresh process,
 * which is what reopening the app does.
 */
export interface CatalogBenchResult {
  products: number;
  variants: number;
  requests: number;
  demoStoreStartMs: number;
  /** load() end to end: every page, normalise, commit, cache write. */
  fullLoadMs: number;
  productsPerSecond: number;
  /** CPU time of this process during the load (the app's side: parse, normalise, commit, cache write). */
  loadCpuMs: number;
  /** CPU time of the demo store process during the load (Linux /proc; null elsewhere). The machine is shared, so wall time varies with its load; CPU time shows whether the work itself scales linearly. */
  storeLoadCpuMs: number | null;
  /** Products + variants per second. */
  rowsPerSecond: number;
  cacheWriteMs: number;
  cacheBytes: number;
  /** First snapshot() of a new service instance in this process (reads and decodes the file). */
  snapshotLoadMs: number;
  /** Longest the event loop was blocked during that snapshot load. */
  snapshotMaxBlockMs: number;
  /** A second snapshot() (from memory). */
  snapshotWarmMs: number;
  /** First snapshot() in a brand-new Node process (module loading excluded). */
  snapshotFreshProcessMs: number;
  /** What one service's copy of the catalog adds to the heap (after GC when exposed). */
  catalogHeapMB: number;
  /** This process at the end (the demo store is elsewhere). */
  heapUsedMB: number;
}

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const since = (t0: number) => Math.round(performance.now() - t0);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const offline = { clientFor: (): never => { throw new Error('snapshot must not touch the network'); } };

/** One store of `products`, rate limit off. */
export function startCatalogDemo(products: number): Promise<DemoChild> {
  // --no-rate-limit stops 429s but the headers still count down the quota, and the client obeys
  // them; a huge quota keeps them out of the way, so the figures are the pipeline's own.
  return startDemoChild(['--stores', '1', '--products', String(products), '--orders', '0', '--customers', '0', '--no-rate-limit', '--rate-quota', '1000000000']);
}

/** utime + stime of a process in ms from /proc/<pid>/stat (clock ticks of 10 ms on Linux), or null. */
async function processCpuMs(pid: number | undefined): Promise<number | null> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  const fields = text?.slice(text.lastIndexOf(')') + 2).split(' ');
  return fields ? (Number(fields[11]) + Number(fields[12])) * 10 : null;
}

const cpuMs = (usage: NodeJS.CpuUsage) => Math.round((usage.user + usage.system) / 1000);

async function timeSnapshot(dataDir: string) {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const catalog = createCatalogService({ dataDir, bigcommerce: offline });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let t0 = performance.now();
  const snap = await catalog.snapshot('bench');
  const snapshotLoadMs = since(t0);
  delay.disable();
  t0 = performance.now();
  await catalog.snapshot('bench');
  const snapshotWarmMs = since(t0);
  if (!snap) throw new Error('no snapshot after load');
  gc();
  const catalogHeapMB = mb(process.memoryUsage().heapUsed - heapBefore);
  return { snap, snapshotLoadMs, snapshotWarmMs, snapshotMaxBlockMs: Math.round(delay.max / 1e6), catalogHeapMB };
}

/** Run this file in a new process in `--snapshot <dataDir>` mode and read the figure it prints. */
function snapshotInFreshProcess(dataDir: string): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--snapshot', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve((JSON.parse(out) as { ms: number }).ms) : reject(new Error(`snapshot child failed (${code})`))));
  });
}

export async function runCatalogBench(products = 100_000): Promise<CatalogBenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-catalog-bench-'));
  let t0 = performance.now();
  const demo = await startCatalogDemo(products);
  const demoStoreStartMs = since(t0);
  let requests = 0;
  const countingFetch: typeof fetch = (input, init) => (requests++, fetch(input, init));
  const bigcommerce = createBigCommerceService({ target: () => ({ storeHash: demo.storeHash, apiOrigin: demo.url }), getToken: async () => demo.token, fetch: countingFetch });
  try {
    const catalog = createCatalogService({ dataDir, bigcommerce });
    const storeCpu0 = await processCpuMs(demo.child.pid);
    const cpu0 = process.cpuUsage();
    t0 = performance.now();
    const result = await catalog.load('bench', demo.storeHash);
    const fullLoadMs = since(t0);
    const loadCpuMs = cpuMs(process.cpuUsage(cpu0));
    const storeCpu1 = await processCpuMs(demo.child.pid);
    const storeLoadCpuMs = storeCpu0 === null || storeCpu1 === null ? null : storeCpu1 - storeCpu0;
    demo.child.kill('SIGTERM');
    const { snap, ...snapshotFigures } = await timeSnapshot(dataDir);
    const path = join(dataDir, 'cache', 'bench', CACHE_FILE_NAME);
    t0 = performance.now();
    await writeCacheFile(`${path}.bench`, { storeId: 'bench', storeHash: demo.storeHash, syncedAt: snap.syncedAt, deltaFrom: 0, decimalPlaces: 2 }, snap.products);
    const cacheWriteMs = since(t0);
    await catalog.close();
    return {
      products: result.products, variants: result.variants, requests, demoStoreStartMs, fullLoadMs,
      productsPerSecond: Math.round(result.products / (fullLoadMs / 1000)), loadCpuMs, storeLoadCpuMs,
      rowsPerSecond: Math.round((result.products + result.variants) / (fullLoadMs / 1000)),
      cacheWriteMs, cacheBytes: (await stat(path)).size, ...snapshotFigures,
      snapshotFreshProcessMs: await snapshotInFreshProcess(dataDir),
      heapUsedMB: mb(process.memoryUsage().heapUsed),
    };
  } finally {
    bigcommerce.close();
    demo.child.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function snapshotOnly(dataDir: string): Promise<void> {
  const t0 = performance.now();
  const snap = await createCatalogService({ dataDir, bigcommerce: offline }).snapshot('bench');
  if (!snap) throw new Error('no snapshot');
  process.stdout.write(JSON.stringify({ ms: since(t0) }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [, , first, second] = process.argv;
  const run = first === '--snapshot' ? snapshotOnly(second!) : runCatalogBench(Number(first ?? 100_000)).then((r) => console.log(JSON.stringify(r))); // one line: scripts/bench.mjs reads the last
  run.catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
