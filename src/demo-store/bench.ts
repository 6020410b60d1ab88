import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchClient, measureRate, type BenchTarget } from './bench-client';
import { startDemoChild } from './cli-child';

/**
 * Demo-store benchmark. The store runs in its own process (started through the CLI, so the
 * client and the server each get a core, as with the real app talking to BigCommerce) with a
 * temporary persistent data directory and rate limiting off. Run: `npx tsx src/demo-store/bench.ts`.
 */
/** Parallel requests of the one client: 16 for writes (each waits for its group fsync), 8 for reads. */
const WRITE_CONCURRENCY = 16;
const READ_CONCURRENCY = 8;
const DURATION_MS = 5000;

interface Running {
  child: ChildProcess;
  target: BenchTarget;
  readyMs: number;
}

async function startCli(args: string[]): Promise<Running> {
  const t0 = performance.now();
  const { child, url, storeHash, token } = await startDemoChild(args);
  return { child, target: { url, storeHash, token }, readyMs: Math.round(performance.now() - t0) };
}

function stop(r: Running): Promise<void> {
  return new Promise((resolve) => {
    r.child.removeAllListeners('exit');
    r.child.once('exit', () => resolve());
    r.child.kill('SIGTERM');
  });
}

async function writeBench(client: BenchClient): Promise<Record<string, unknown>> {
  const ids = Array.from({ length: 1000 }, (_, i) => i + 1);
  const products = await measureRate(WRITE_CONCURRENCY, DURATION_MS, async (lane, n) => {
    const start = ((lane * 97 + n * 10) % 990);
    const body = ids.slice(start, start + 10).map((id, k) => ({ id, price: 10 + ((n + k) % 90) + 0.99, inventory_warning_level: n % 7 }));
    const res = await client.request('PUT', '/v3/catalog/products', body);
    if (res.status !== 200) throw new Error(`batch products → ${res.status} ${res.body.toString().slice(0, 200)}`);
  });
  const variantIds = await collectVariantIds(client, 400);
  const variants = await measureRate(WRITE_CONCURRENCY, DURATION_MS, async (lane, n) => {
    const start = (lane * 53 + n * 50) % (variantIds.length - 50);
    const body = variantIds.slice(start, start + 50).map((id, k) => ({ id, inventory_level: (n + k) % 100 }));
    const res = await client.request('PUT', '/v3/catalog/variants', body);
    if (res.status !== 200) throw new Error(`batch variants → ${res.status} ${res.body.toString().slice(0, 200)}`);
  });
  return {
    batchWritesPerSec: Math.min(products.perSec, variants.perSec),
    productBatchWritesPerSec: products.perSec,
    variantBatchWritesPerSec: variants.perSec,
  };
}

async function collectVariantIds(client: BenchClient, want: number): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ids.length < want; page++) {
    const res = await client.request('GET', `/v3/catalog/variants?limit=250&page=${page}&include_fields=id`);
    const data = (JSON.parse(res.body.toString()) as { data: Array<{ id: number }> }).data;
    if (data.length === 0) break;
    ids.push(...data.map((v) => v.id));
  }
  return ids;
}

async function pageBench(client: BenchClient, pages: number): Promise<{ perSec: number; mbPerPage: number }> {
  let bytes = 0;
  // One untimed pass first: what is measured is serving (and the client parsing) warm pages.
  for (let page = 1; page <= pages; page++) await client.request('GET', `/v3/catalog/products?limit=250&include=variants&page=${page}`);
  const r = await measureRate(READ_CONCURRENCY, DURATION_MS, async (lane, n) => {
    const page = ((lane + n * READ_CONCURRENCY) % pages) + 1;
    const res = await client.request('GET', `/v3/catalog/products?limit=250&include=variants&page=${page}`);
    const parsed = JSON.parse(res.body.toString()) as { data: unknown[] };
    if (res.status !== 200 || parsed.data.length === 0) throw new Error(`page ${page} → ${res.status}`);
    bytes += res.body.length;
  });
  return { perSec: r.perSec, mbPerPage: Math.round((bytes / Math.max(1, r.ops) / 1e6) * 100) / 100 };
}

/** Distinct, never-served pages of a 100k-product store: generation + first serialization. */
async function coldPages(client: BenchClient, count: number): Promise<number> {
  const t0 = performance.now();
  let next = 100;
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, async () => {
    while (next < 100 + count) {
      const page = next++;
      const res = await client.request('GET', `/v3/catalog/products?limit=250&include=variants&page=${page}`);
      JSON.parse(res.body.toString());
    }
  }));
  return Math.round((count / ((performance.now() - t0) / 1000)) * 10) / 10;
}

export async function runDemoStoreBench(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'demo-store-bench-'));
  const results: Record<string, unknown> = { writeConcurrency: WRITE_CONCURRENCY, readConcurrency: READ_CONCURRENCY, durationMsPerMeasure: DURATION_MS };
  try {
    const store = await startCli(['--data-dir', dataDir, '--no-rate-limit']);
    results.startupDefaultMs = store.readyMs;
    const client = new BenchClient(store.target, WRITE_CONCURRENCY);
    try {
      Object.assign(results, await writeBench(client));
      const pages = await pageBench(client, 8);
      results.pagesPerSec = pages.perSec; // 250 products with include=variants, parsed by the client
      results.mbPerPage = pages.mbPerPage;
    } finally {
      client.close();
      await stop(store);
    }
    const big = await startCli(['--products', '100000', '--no-rate-limit']);
    results.startup100kProductsMs = big.readyMs;
    results.startup100kStores = 2;
    const bigClient = new BenchClient(big.target, READ_CONCURRENCY);
    try {
      results.coldPagesPerSec100k = await coldPages(bigClient, 40);
    } finally {
      bigClient.close();
      await stop(big);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runDemoStoreBench().then((r) => {
    process.stdout.write(JSON.stringify(r) + '\n');
  }, (err: unknown) => {
    process.stderr.write(`bench failed: ${String(err)}\n`);
    process.exit(1);
  });
}
