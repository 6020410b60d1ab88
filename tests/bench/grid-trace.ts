import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ProductsGridPage } from '../e2e/pages/products-grid';
import { bench, openPage, withKeptCatalog } from './grid-bench';

/**
 * A Chromium trace of one interaction on the Products screen, summed by trace event on the
 * renderer's main thread: where the time a CPU profile shows as "(program)" goes (style, layout,
 * paint, layerization).
 *   npx tsx tests/bench/grid-trace.ts mount|fling|paste|filter|sort [DATA_DIR] [products]
 * DATA_DIR keeps the loaded catalog between invocations, as for grid-profile.ts; the trace is
 * written to DATA_DIR/../stockroom-grid-trace-PHASE.json for the DevTools Performance panel.
 */
type TraceEvent = { name: string; ph: string; tid: number; dur?: number; args?: { name?: string } };

const interactions: Record<string, (page: Page) => Promise<string>> = {
  async mount(page) {
    return `mount ${(await bench<number>(page, 'openProducts', 'activity')).toFixed(0)} ms`;
  },
  async fling(page) {
    const { deltas } = await bench<{ deltas: number[] }>(page, 'frames', 2000, 60_000);
    const fps = (1000 * deltas.length) / deltas.reduce((a, b) => a + b, 0);
    return `fps ${fps.toFixed(1)}, frames over 25 ms ${deltas.filter((d) => d > 25).length}`;
  },
  async paste(page) {
    const lines: string[] = [];
    for (let i = 0; i < 2000; i++) lines.push([`${20 + (i % 70)}.50`, '', `${40 + (i % 70)}.00`, `${5 + (i % 9)}.10`, String(i % 50)].join('\t'));
    return `paste ${(await bench<number>(page, 'paste', lines.join('\n'))).toFixed(0)} ms`;
  },
  async filter(page) {
    return `filter ${(await bench<{ ms: number }>(page, 'quickFilter', 'ar')).ms.toFixed(0)} ms`;
  },
  async sort(page) {
    await bench(page, 'latencies', 'click');
    await new ProductsGridPage(page as never).sortBy('Name');
    await page.waitForTimeout(500);
    return `sort ${(await bench<number[]>(page, 'latencies', 'click')).at(-1)} ms`;
  },
};

function summary(events: TraceEvent[], top = 30): string {
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => e.tid));
  const byName = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && e.dur && main.has(e.tid)) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  return [...byName].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`).join('\n');
}

async function main(): Promise<void> {
  const [phase = 'fling', dataDir = '/tmp/stockroom-grid-profile', productsArg = '100000'] = process.argv.slice(2);
  const interaction = interactions[phase];
  if (!interaction) throw new Error(`no interaction "${phase}" (${Object.keys(interactions).join(', ')})`);
  const products = Number(productsArg);
  await withKeptCatalog(dataDir, products, async (browser, app) => {
    const { page } = await openPage(browser, app.url);
    await bench(page, 'openProducts', null);
    await page.waitForTimeout(1500);
    if (phase === 'paste') await new ProductsGridPage(page as never).select((await bench<string[]>(page, 'skus'))[1]!, 'Price');
    const path = join(dataDir, '..', `stockroom-grid-trace-${phase}.json`);
    await browser.startTracing(page, { path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink', 'cc'] });
    const figure = await interaction(page);
    await browser.stopTracing();
    const { traceEvents } = JSON.parse(await readFile(path, 'utf8')) as { traceEvents: TraceEvent[] };
    process.stdout.write(`${figure}\n${summary(traceEvents)}\n`);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
