import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ProductsGridPage } from '../e2e/pages/products-grid';
import { bench, heapMB, openPage, withKeptCatalog } from './grid-bench';

/**
 * One profiled pass over the Products screen's first visit and mount (what grid-bench measures as
 * coldFirstVisitMs, firstVisitMs and mountMs), with the Chromium profiler over CDP: prints each
 * figure, the heap after the mount and where the renderer's time went (self time by function).
 *   npx tsx tests/bench/grid-profile.ts DATA_DIR [products] [out-dir]
 * DATA_DIR keeps the loaded catalog between invocations (the load takes minutes); each .cpuprofile
 * is written to out-dir for the DevTools Performance panel. PHASES=fling,edit,paste,filter,sort adds
 * those interactions, each profiled the same way.
 */
interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

function summary(profile: Profile, top = 22): string {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    const file = frame.url.split('/').pop() ?? '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [`  total ${total.toFixed(0)} ms`, ...rows.map(([k, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${k}`)].join('\n');
}

async function profiled(page: Page, name: string, outDir: string, run: () => Promise<number>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const ms = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  await writeFile(join(outDir, `${name}.cpuprofile`), JSON.stringify(profile));
  process.stdout.write(`${name}: ${ms.toFixed(0)} ms (load ${loadavg()[0]!.toFixed(1)})\n${summary(profile)}\n`);
  return ms;
}

async function main(): Promise<void> {
  const [dataDir = '/tmp/stockroom-grid-profile', productsArg = '100000', outDir = '/tmp/stockroom-grid-profile-out'] = process.argv.slice(2);
  const products = Number(productsArg);
  /** PHASES=fling,edit,paste,filter,sort profiles those too, after the mount (in that order). */
  const phases = new Set((process.env.PHASES ?? '').split(',').filter(Boolean));
  await mkdir(outDir, { recursive: true });
  await withKeptCatalog(dataDir, products, async (browser, app) => {
    const cold = await openPage(browser, app.url);
    await profiled(cold.page, 'cold', outDir, () => bench<number>(cold.page, 'openProducts', null));
    await cold.context.close();
    const { context, page } = await openPage(browser, app.url);
    await profiled(page, 'firstVisit', outDir, () => bench<number>(page, 'openProducts', null));
    await profiled(page, 'mount', outDir, () => bench<number>(page, 'openProducts', 'activity'));
    process.stdout.write(`heap after mount: ${await heapMB(page)} MB\n`);
    if (phases.has('fling')) {
      await profiled(page, 'fling', outDir, async () => {
        const { deltas } = await bench<{ deltas: number[] }>(page, 'frames', 2000, 60_000);
        process.stdout.write(`fling frames: ${deltas.length}, over 25 ms: ${deltas.filter((d) => d > 25).length}\n`);
        return (1000 * deltas.length) / deltas.reduce((a, b) => a + b, 0);
      });
      await bench(page, 'scrollTop');
    }
    const grid = new ProductsGridPage(page as never);
    if (phases.has('edit')) {
      const skus = await bench<string[]>(page, 'skus');
      await grid.select(skus[1]!, 'Price');
      await bench(page, 'latencies', 'keydown');
      await profiled(page, 'edit', outDir, async () => {
        for (let i = 0; i < 10; i++) {
          await page.keyboard.type(`${11 + i}.25`);
          await page.keyboard.press('Enter');
          await page.waitForTimeout(150);
        }
        const l = await bench<number[]>(page, 'latencies', 'keydown', 'Enter');
        process.stdout.write(`edit latencies: ${l.join(' ')}\n`);
        return Math.max(...l);
      });
    }
    if (phases.has('paste')) {
      const skus = await bench<string[]>(page, 'skus');
      await grid.select(skus[1]!, 'Price');
      const lines: string[] = [];
      for (let i = 0; i < 2000; i++) lines.push([`${20 + (i % 70)}.50`, '', `${40 + (i % 70)}.00`, `${5 + (i % 9)}.10`, String(i % 50)].join('\t'));
      await profiled(page, 'paste', outDir, () => bench<number>(page, 'paste', lines.join('\n')));
      await page.waitForTimeout(1500);
    }
    if (phases.has('filter')) {
      await profiled(page, 'filter', outDir, async () => (await bench<{ ms: number }>(page, 'quickFilter', 'ar')).ms);
      await bench(page, 'quickFilter', '');
    }
    if (phases.has('sort')) {
      await bench(page, 'latencies', 'click');
      await profiled(page, 'sort', outDir, async () => {
        await grid.sortBy('Name');
        await page.waitForTimeout(500);
        return (await bench<number[]>(page, 'latencies', 'click')).at(-1) ?? NaN;
      });
    }
    process.stdout.write(`heap at the end: ${await heapMB(page)} MB\n`);
    // The next invocation starts from the same clean catalog (edits and pastes stage thousands of cells).
    const { activeStoreId } = await bench<{ activeStoreId: string }>(page, 'rpc', 'stores.list', {});
    await bench(page, 'rpc', 'staging.discard', { storeId: activeStoreId });
    await context.close();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
