// webhookLatency (`npm run bench -- --only webhookLatency`): from a write on the demo store to the
// changed value painted in the open Products grid, over N writes (default 50). Browser mode runs
// as a user starts it; the demo store runs as a separate process added as a store; headless
// Chromium shows the grid. Each write changes one visible product's price over HTTP, straight to
// the store (not through Stockroom); the clock stops when the page has painted the new text (a
// requestAnimationFrame after the cell's text changed). Needs the OS keychain (the receiver's
// secret lives there): bench.mjs runs it inside a private keyring.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
// @ts-expect-error -- a plain ESM script shared with the e2e set-up and screenshots.
import { CHROMIUM_ARGS, resolveChromium } from '../../scripts/chromium.mjs';
import { startBrowserMode, stopBrowserMode } from '../e2e/support/browser-mode';
import { startDemoStoreCli } from '../e2e/support/demo-store-cli';

const WRITES = Number(process.argv[2] ?? 50);
const TARGET_P95_MS = 1000;

async function rpc<T>(page: Page, method: string, params: unknown): Promise<T> {
  const res = await page.evaluate(async ({ method, params }) => {
    const r = await fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 1, method, params }) });
    return (await r.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  }, { method, params });
  if (!res.ok) throw new Error(`${method}: ${res.error?.message}`);
  return res.value as T;
}

/**
 * Page-side (plain JS: this project's Node types have no DOM): resolves with performance.now() of
 * the first frame painted after the row's Price cell shows `text`.
 */
const PAINTED_AT = `(sku, text) => new Promise((resolve) => {
  const grid = document.querySelector('[role="grid"][aria-label="Products"]');
  const header = [...grid.querySelectorAll('[role="columnheader"]')].find((h) => h.getAttribute('aria-label') === 'Price');
  const col = header.getAttribute('aria-colindex');
  const cell = () => [...grid.querySelectorAll('[role="row"]')]
    .find((r) => [...r.querySelectorAll('[role="gridcell"]')].some((c) => c.textContent === sku))
    ?.querySelector('[role="gridcell"][aria-colindex="' + col + '"]');
  const check = () => {
    if (cell()?.textContent !== text) return false;
    requestAnimationFrame(() => resolve(performance.now()));
    return true;
  };
  if (check()) return;
  const observer = new MutationObserver(() => check() && observer.disconnect());
  observer.observe(grid, { subtree: true, childList: true, characterData: true });
})`;

function paintedAt(page: Page, sku: string, text: string): Promise<number> {
  return page.evaluate(`(${PAINTED_AT})(${JSON.stringify(sku)}, ${JSON.stringify(text)})`) as Promise<number>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const demo = await startDemoStoreCli(['--stores', '1', '--products', '500', '--orders', '10', '--customers', '10', '--seed', 'bench-webhooks']);
  const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-bench-'));
  const app = await startBrowserMode(dataDir);
  const browser = await chromium.launch({ executablePath: await resolveChromium(), args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // tsx names functions with a `__name` helper that exists only in Node; evaluated functions need it in the page too.
    await context.addInitScript('globalThis.__name = (fn) => fn');
    const page = await context.newPage();
    await page.goto(app.launchUrl);
    const store = demo.stores[0]!;
    const list = await rpc<{ stores: { id: string; name: string }[] }>(page, 'stores.add', { name: 'Bench (webhooks)', storeHash: store.storeHash, token: store.token, apiOrigin: store.apiUrl });
    const storeId = list.stores.find((s) => s.name === 'Bench (webhooks)')!.id;
    await rpc(page, 'stores.select', { id: storeId });
    await rpc(page, 'webhooks.create', { storeId, scope: 'store/product/updated' });
    await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
    const { products } = await rpc<{ products: { id: number; sku: string; price: string }[] }>(page, 'catalog.listProducts', { storeId, offset: 0, limit: 1 });
    const product = products[0]!;
    await page.reload();
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    await page.getByRole('gridcell', { name: product.sku, exact: true }).waitFor({ timeout: 60_000 });
    process.stderr.write(`webhookLatency: grid open on ${product.sku}, ${WRITES} writes…\n`);

    const samples: number[] = [];
    for (let i = 0; i < WRITES; i++) {
      const price = (100 + i + 0.25).toFixed(2);
      const painted = paintedAt(page, product.sku, price);
      const startedAt = (await page.evaluate('performance.now()')) as number;
      const res = await fetch(`${store.apiUrl}/stores/${store.storeHash}/v3/catalog/products/${product.id}`, {
        method: 'PUT',
        headers: { 'X-Auth-Token': store.token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ price: Number(price) }),
      });
      if (res.status !== 200) throw new Error(`the store refused the write: ${res.status}`);
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`write ${i + 1}: the grid did not show ${price} within 10 s`)), 10_000));
      samples.push((await Promise.race([painted, timeout])) - startedAt);
    }
    const sorted = samples.slice().sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms);
    console.log(JSON.stringify({
      writes: WRITES,
      medianMs: round(percentile(sorted, 50)),
      p95Ms: round(percentile(sorted, 95)),
      maxMs: round(sorted[sorted.length - 1]!),
      targetP95Ms: TARGET_P95_MS,
      meetsTarget: percentile(sorted, 95) <= TARGET_P95_MS,
    }));
  } finally {
    await browser.close();
    await stopBrowserMode(app);
    await demo.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
