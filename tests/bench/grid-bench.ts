import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium } from '../../scripts/chromium.mjs';
import { ProductsGridPage } from '../e2e/pages/products-grid';
import { PAGE_SCRIPT } from './grid-page-script';

/**
 * grid: the real Products screen over a 100,000-product catalog, in headless Chromium against
 * browser mode (production build), with the methods of ../shared/perf-recipes.md.
 *   npx tsx tests/bench/grid-bench.ts [products] [runs]     (or `npm run bench -- --only grid`)
 * The demo store is seeded with that many products and the catalog loaded once per benchmark run
 * (one data dir); each measured run then restarts browser mode on it (a cold main) and uses fresh
 * browser contexts. Figures are medians over the runs; each run's figures are printed too.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EDITS = 20;

interface App { url: string; child: ChildProcess; stop(): Promise<void> }

export async function startApp(dataDir: string, products: number): Promise<App> {
  const child = spawn(process.execPath, [join(ROOT, 'out/main/web.js'), '--port', '0', '--data-dir', dataDir, '--demo-products', String(products)], {
    cwd: ROOT,
    env: { ...process.env, STOCKROOM_KEYCHAIN_SERVICE: `StockroomBench-${process.pid}` },
    // Its log (no keychain here, so webhook receivers say so) is shown only if it fails to start.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Stockroom is ready: (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}): ${out.slice(-500)}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return { url, child, stop };
}

export async function openPage(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript({ content: PAGE_SCRIPT });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Stores' }).getByRole('listitem').first().waitFor();
  return { context, page };
}

/** Calls a helper of PAGE_SCRIPT in the page. */
export const bench = <T>(page: Page, method: string, ...args: unknown[]) =>
  page.evaluate(([m, a]) => (globalThis as unknown as { __bench: Record<string, (...x: unknown[]) => unknown> }).__bench[m as string]!(...(a as unknown[])), [method, args] as const) as Promise<T>;

const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;
function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN;
}
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function frameStats(deltas: number[]) {
  const total = deltas.reduce((a, b) => a + b, 0);
  return { fps: round((1000 * deltas.length) / total), p95Ms: round(quantile(deltas, 0.95)), over25: deltas.filter((d) => d > 25).length, maxMs: round(Math.max(...deltas)) };
}

/** Types a new price into EDITS cells down the Price column from a row, committing each with Enter. */
async function editPrices(page: Page, sku: string, base: number): Promise<number[]> {
  const grid = new ProductsGridPage(page as never);
  await grid.select(sku, 'Price');
  await bench(page, 'latencies', 'keydown');
  for (let i = 0; i < EDITS; i++) {
    await page.keyboard.type(`${base + i}.25`);
    await page.keyboard.press('Enter');
    // About a typist's pace; main's answer and the staged list's refetch land in between, as they do for a user.
    await page.waitForTimeout(150);
  }
  return bench<number[]>(page, 'latencies', 'keydown', 'Enter');
}

/** 2,000 rows × 5 columns (Price, Sale price, Retail price, Cost price, Stock) of TSV. */
function pasteBlock(): string {
  const lines: string[] = [];
  for (let i = 0; i < 2000; i++) lines.push([`${20 + (i % 70)}.50`, '', `${40 + (i % 70)}.00`, `${5 + (i % 9)}.10`, String(i % 50)].join('\t'));
  return lines.join('\n');
}

export async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return round(metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 1024 / 1024);
}

/** One warm run: every figure but the cold first visit, in one fresh context. */
async function warmRun(browser: Browser, url: string, storeId: string) {
  const { context, page } = await openPage(browser, url);
  try {
    const firstVisitMs = await bench<number>(page, 'openProducts', null);
    const mountMs = await bench<number>(page, 'openProducts', 'activity');
    const jsHeapAfterMountMB = await heapMB(page);
    const idle = frameStats((await bench<{ deltas: number[] }>(page, 'frames', 1000, 0)).deltas);
    const fling = await bench<{ deltas: number[]; moved: number }>(page, 'frames', 2000, 60_000);
    const flingStats = frameStats(fling.deltas);
    // Below a screenful per frame every cell is painted (no skimming): reading speed and a fast scroll.
    await bench(page, 'scrollTop');
    const reading = frameStats((await bench<{ deltas: number[] }>(page, 'frames', 2000, 3_000)).deltas);
    await bench(page, 'scrollTop');
    const fast = frameStats((await bench<{ deltas: number[] }>(page, 'frames', 2000, 15_000)).deltas);
    await bench(page, 'scrollTop');
    const skus = await bench<string[]>(page, 'skus');
    const edits = await editPrices(page, skus[1]!, 11);

    await new ProductsGridPage(page as never).select(skus[1]!, 'Price');
    const paste10kCellsMs = await bench<number>(page, 'paste', pasteBlock());
    await page.waitForTimeout(1500);

    const filter = await bench<{ ms: number; rows: number }>(page, 'quickFilter', 'ar');
    await bench(page, 'quickFilter', '');

    await bench(page, 'latencies', 'click');
    await new ProductsGridPage(page as never).sortBy('Name');
    await page.waitForTimeout(500);
    const sortMs = (await bench<number[]>(page, 'latencies', 'click')).at(-1) ?? NaN;
    await bench(page, 'scrollTop');
    const sorted = await bench<string[]>(page, 'skus');
    const sortedEdits = await editPrices(page, sorted[1]!, 31);
    const jsHeapMB = await heapMB(page);
    await bench(page, 'rpc', 'staging.discard', { storeId });
    return {
      firstVisitMs: round(firstVisitMs), mountMs: round(mountMs), idleFps: idle.fps,
      flingFps: flingStats.fps, flingP95Ms: flingStats.p95Ms, flingFramesOver25: flingStats.over25, flingMaxFrameMs: flingStats.maxMs, flingPx: Math.round(fling.moved),
      scroll3kFps: reading.fps, scroll3kFramesOver25: reading.over25, scroll15kFps: fast.fps, scroll15kFramesOver25: fast.over25,
      editLatencyMedianMs: median(edits), editLatencyP95Ms: quantile(edits, 0.95),
      editWithSortMedianMs: median(sortedEdits), editWithSortP95Ms: quantile(sortedEdits, 0.95),
      paste10kCellsMs: round(paste10kCellsMs), sortMs, filterMs: round(filter.ms), filterRows: filter.rows,
      jsHeapAfterMountMB, jsHeapMB, edits, sortedEdits,
    };
  } finally {
    await context.close();
  }
}

/** Loads the catalog into the data dir's cache (the one-off set-up of a benchmark run). */
export async function prepare(browser: Browser, dataDir: string, products: number): Promise<string> {
  const app = await startApp(dataDir, products);
  const { context, page } = await openPage(browser, app.url);
  try {
    const { activeStoreId } = await bench<{ activeStoreId: string }>(page, 'rpc', 'stores.list', {});
    const t0 = performance.now();
    await bench(page, 'rpc', 'catalog.sync', { storeId: activeStoreId, mode: 'full' });
    process.stderr.write(`grid: catalog of ${products} products loaded in ${Math.round(performance.now() - t0)} ms\n`);
    return activeStoreId;
  } finally {
    await context.close();
    await app.stop();
  }
}

/**
 * Chromium and browser mode over a data dir that keeps its loaded catalog between invocations (the
 * load takes minutes): the set-up of the profiling tools (grid-profile.ts, grid-trace.ts).
 */
export async function withKeptCatalog(dataDir: string, products: number, run: (browser: Browser, app: App) => Promise<void>): Promise<void> {
  const browser = await chromium.launch({ executablePath: await resolveChromium(), headless: true, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
  try {
    const marker = join(dataDir, 'prepared');
    if (!existsSync(marker)) {
      await mkdir(dataDir, { recursive: true });
      await prepare(browser, dataDir, products);
      await writeFile(marker, '');
    }
    const app = await startApp(dataDir, products);
    try {
      await run(browser, app);
    } finally {
      await app.stop();
    }
  } finally {
    await browser.close();
  }
}

export async function runGridBench(products: number, runs: number) {
  const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-grid-bench-'));
  const browser = await chromium.launch({ executablePath: await resolveChromium(), headless: true, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
  const load = [loadavg()[0]!];
  try {
    const storeId = await prepare(browser, dataDir, products);
    const results: Array<{ coldFirstVisitMs: number } & Awaited<ReturnType<typeof warmRun>>> = [];
    for (let run = 0; run < runs; run++) {
      const app = await startApp(dataDir, products);
      try {
        // Cold: Products opened as soon as browser mode is ready (main still reading its cache).
        const cold = await openPage(browser, app.url);
        const coldFirstVisitMs = round(await bench<number>(cold.page, 'openProducts', null));
        await cold.context.close();
        results.push({ coldFirstVisitMs, ...(await warmRun(browser, app.url, storeId)) });
        load.push(loadavg()[0]!);
        process.stderr.write(`grid: run ${run + 1}: ${JSON.stringify(results.at(-1))}\n`);
      } finally {
        await app.stop();
      }
    }
    const pick = (key: keyof (typeof results)[number]) => median(results.map((r) => r[key] as number));
    const keys = ['firstVisitMs', 'coldFirstVisitMs', 'mountMs', 'idleFps', 'flingFps', 'flingP95Ms', 'flingFramesOver25', 'scroll3kFps', 'scroll3kFramesOver25', 'scroll15kFps', 'scroll15kFramesOver25', 'editLatencyMedianMs', 'editLatencyP95Ms', 'editWithSortMedianMs', 'editWithSortP95Ms', 'paste10kCellsMs', 'sortMs', 'filterMs', 'jsHeapAfterMountMB', 'jsHeapMB'] as const;
    return {
      rows: products,
      ...Object.fromEntries(keys.map((k) => [k, pick(k)])),
      loadAverage: load.map((l) => round(l)),
      runs: results.map(({ edits: _e, sortedEdits: _s, ...r }) => r),
    };
  } finally {
    await browser.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/ensure-build.mjs')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) process.exit(1);
  runGridBench(Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 3))
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
