// csvImport benchmark (`npm run bench -- --only csvImport`, or `npx tsx scripts/csv-import-bench.ts [rows]`).
// Node: the app's own parse (Papa Parse), match and stage (the import's edits as JSON, then the real staging
// service with its fsync'd log) of a 100,000-row file. Chromium: the same reading through the worker and
// the sliced matching, with the window's long tasks observed (PerformanceObserver 'longtask').
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PRODUCT_COLUMNS } from '../src/renderer/src/features/products/product-columns';
import type { CatalogRow } from '../src/renderer/src/features/products/product-rows';
import { benchCatalog, benchCsv } from '../src/renderer/src/features/products/csv/bench-data';
import { IMPORTABLE, mapHeaders } from '../src/renderer/src/features/products/csv/csv-headers';
import { indexCatalog } from '../src/renderer/src/features/products/csv/csv-index';
import { importEdits, matchFile } from '../src/renderer/src/features/products/csv/csv-match';
import { parseCsv } from '../src/renderer/src/features/products/csv/csv-parse';
import { runAll } from '../src/renderer/src/features/products/csv/sliced';
import { createStagingService } from '../src/main/services/staging';
// @ts-expect-error -- a plain .mjs helper shared with the e2e runner and screenshots
import { CHROMIUM_ARGS, resolveChromium } from './chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CSV = join(ROOT, 'src/renderer/src/features/products/csv');
const ROWS = Number(process.argv[2] ?? 100_000);
const columns = new Map(PRODUCT_COLUMNS.map((c) => [c.id, c]));
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));

async function inNode() {
  const products = benchCatalog(ROWS);
  const text = benchCsv(products);
  (globalThis as { gc?: () => void }).gc?.();
  sample();
  let t = performance.now();
  const cpu0 = process.cpuUsage();
  const rows: string[][] = [];
  const summary = await parseCsv(text, (chunk) => {
    for (const row of chunk.rows) rows.push(row);
    sample();
  }, 512 * 1024);
  const parseMs = performance.now() - t;
  sample();
  t = performance.now();
  const cpu1 = process.cpuUsage();
  const index = runAll(indexCatalog(products));
  const headers = mapHeaders(summary.header);
  const take = new Set(IMPORTABLE.filter((c) => headers.fields[c] !== undefined));
  const shown = (target: { field: string }, row: CatalogRow) => columns.get(target.field)!.value(row);
  const ctx = { index, columns, checks: { money: { currency: 'USD', decimalPlaces: 2 } }, shown };
  const report = runAll(matchFile({ header: summary.header, rows, firstRow: 2, problems: new Map() }, ctx, { headers, mark: 'point', take }));
  const matchMs = performance.now() - t;
  // CPU time beside wall time: on a shared 2-core machine the wall figures include waiting for a core.
  const cpu = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) => Math.round((to.user - from.user + to.system - from.system) / 1000);
  const cpu2 = process.cpuUsage();
  sample();
  const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-csv-bench-'));
  const staging = createStagingService({ dataDir, jobs: { start: () => Promise.reject(new Error('no jobs here')), get: () => undefined } as never });
  try {
    t = performance.now();
    // The call crosses as JSON, as it does over IPC or HTTP.
    const edits = JSON.parse(JSON.stringify(runAll(importEdits(report)).edits)) as unknown[];
    const staged = await staging.stage({ storeId: 'bench', edits });
    const stageMs = performance.now() - t;
    sample();
    return { rows: report.matched.length + report.unchanged + report.unmatched.length + report.invalid.length + report.skipped.length, changes: staged.count, unmatched: report.unmatched.length, invalid: report.invalid.length, parseMs: Math.round(parseMs), matchMs: Math.round(matchMs), parseCpuMs: cpu(cpu0, cpu1), matchCpuMs: cpu(cpu1, cpu2), stageMs: Math.round(stageMs), peakHeapMB: Math.round(peak / 1e6) };
  } finally {
    await staging.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function inChromium() {
  const dir = await mkdtemp(join(tmpdir(), 'stockroom-csv-page-'));
  await build({ entryPoints: { worker: join(CSV, 'csv-worker.ts'), page: join(CSV, 'bench-page.ts') }, bundle: true, format: 'esm', minify: true, outdir: dir, define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error' });
  await writeFile(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>');
  const server = createServer(async (req, res) => {
    const name = req.url === '/' ? 'index.html' : (req.url ?? '').slice(1);
    if (!['index.html', 'page.js', 'worker.js'].includes(name)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': name.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(await readFile(join(dir, name)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: await resolveChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
    await page.waitForFunction(() => 'runCsvBench' in globalThis);
    return await page.evaluate((n) => (globalThis as unknown as { runCsvBench(n: number): Promise<unknown> }).runCsvBench(n), ROWS);
  } finally {
    await browser.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const node = await inNode();
const browser = await inChromium();
console.log(JSON.stringify({ ...node, browser, loadAverage: (await import('node:os')).loadavg()[0], targets: { readyForReviewMs: 5000, longestTaskMs: 50 } }, null, 2));
