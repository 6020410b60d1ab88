import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { composeApp } from '../compose';
import { createKeychain } from '../services/secrets/keychain';
import { startHttpHost } from './http-host';
import { repeatedChunks, sessionCookie, streamRequest } from './loopback-client';

/**
 * Hostile and largest-legitimate bodies against the browser-mode host (issue 9), over real loopback HTTP.
 *   npx tsx src/main/web/bench.ts   (or `npm run bench -- --only rpcLimits`)
 * Server and client share this process; the client streams one reused 64 KB chunk, so the memory
 * figures are the server's. `peakRssMB` is the process's peak so far (it never goes down).
 */
const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

const nameEdits = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ entity: 'product', id: 100_000 + i, field: 'name', from: `Studio Merino Stock Pot ${i}`, to: `Studio Merino Stock Pot ${i} — 2026 edition` }));

const CASES: Array<[string, () => Iterable<Buffer>, Record<string, string>?]> = [
  ['20 MB of [', () => repeatedChunks('[', 20 * MB)],
  ['60 MB balanced nesting', function* () {
    yield* repeatedChunks('[', 30 * MB);
    yield* repeatedChunks(']', 30 * MB);
  }],
  ['32 MB of {},', () => repeatedChunks('{},', 32 * MB)],
  ['100 MB of spaces (chunked)', () => repeatedChunks(' ', 100 * MB)],
  ['declared 100 MB', () => [Buffer.from('{')], { 'content-length': String(100 * MB) }],
  ['100,000 empty edits', () => [Buffer.from(JSON.stringify({ id: 1, method: 'staging.stage', params: { storeId: 'demo-1', edits: Array.from({ length: 100_000 }, () => ({})) } }))]],
  ['100,000 name edits staged (legitimate)', () => [Buffer.from(JSON.stringify({ id: 1, method: 'staging.stage', params: { storeId: 'demo-1', edits: nameEdits(100_000) } }))]],
  ['stores.list', () => [Buffer.from('{"id":1,"method":"stores.list","params":{}}')]],
];

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-rpc-bench-'));
  const unavailable = { findCredentials: () => Promise.reject(new Error('no keychain in this bench')) } as unknown as Parameters<typeof createKeychain>[0];
  const app = await composeApp({
    dataDir,
    mode: 'browser',
    keychain: createKeychain(unavailable, 'StockroomBench'),
    log: () => {},
    demoStores: [{ name: 'Demo One', storeHash: 'demo1', apiUrl: 'http://127.0.0.1:9' }],
  });
  const host = await startHttpHost({ dispatch: app.dispatch, events: app.events, rendererDir: join(dataDir, 'renderer') });
  const cookie = await sessionCookie(host);
  const results: Record<string, unknown> = { baselineRssMB: mb(process.memoryUsage().rss) };
  for (const [name, body, headers] of CASES) {
    (globalThis as { gc?: () => void }).gc?.();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const chunks = body(); // built before the clock starts: the client's JSON.stringify is not the server's time
    const t0 = performance.now();
    const res = await streamRequest(host, cookie, chunks, headers);
    const ms = Math.round(performance.now() - t0);
    loop.disable();
    const answer = res.body.length > 120 ? `${res.body.slice(0, 120)}…` : res.body;
    results[name] = { status: res.status, ms, maxLoopBlockMs: Math.round(loop.max / 1e6), rssMB: mb(process.memoryUsage().rss), peakRssMB: mb(process.resourceUsage().maxRSS * 1024), answer };
  }
  await host.close();
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
  console.log(JSON.stringify(results));
}

await main();
