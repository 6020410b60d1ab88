// Takes the README's screenshots (`npm run screenshots`): starts browser mode on a fresh data dir, drives headless Chromium.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium } from './chromium.mjs';
import { ensureBuild } from './ensure-build.mjs';
// Run with tsx (npm run screenshots): the price rule is the app's own shared decimal code.
import { applyPriceRule } from '../src/shared/money/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'docs/screenshots');

async function startBrowserMode(dataDir) {
  const child = spawn(process.execPath, [join(root, 'out/main/web.js'), '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /Stockroom is ready: (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`browser mode exited (${code})`)));
  });
  return { child, url };
}

// Each scene drives the real UI into a state worth showing, then the page is captured.
const SCENES = {
  async shell(page) {
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    const panel = page.getByLabel('Catalog cache');
    const load = panel.getByRole('button', { name: 'Load catalog' });
    if (await load.isVisible()) await load.click();
    await panel.getByText(/products ·/).waitFor({ timeout: 60_000 });
  },
  async 'add-store'(page) {
    await page.getByRole('button', { name: '+ Add store' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Acme Outdoor (US)');
    await dialog.getByLabel('Store hash').fill('abc123xyz');
  },
  async activity(page) {
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Activity', exact: true }).click();
    const title = 'Summer prices +10 %, round to .99';
    if (!(await page.getByRole('table', { name: 'Jobs' }).isVisible())) await startDemoJob(page, title);
    await page.getByRole('row').filter({ hasText: title }).getByText(/Completed/).first().waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: title, exact: true }).click();
    await page.getByRole('region', { name: `Results of ${title}` }).getByRole('row').nth(1).waitFor();
  },
};

/** Starts a real job through the contract, as a grid would: +10 %, round to .99, on 300 products. */
async function startDemoJob(page, title) {
  const rpc = (method, params) =>
    page.evaluate(async ([method, params]) => {
      const res = await fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 1, method, params }) });
      const body = await res.json();
      if (!body.ok) throw new Error(body.error.message);
      return body.value;
    }, [method, params]);
  const { activeStoreId: storeId } = await rpc('stores.list', {});
  await rpc('catalog.sync', { storeId, mode: 'refresh' });
  const { products } = await rpc('catalog.listProducts', { storeId, offset: 0, limit: 300 });
  const edits = products.map((p, i) => ({
    entity: 'product',
    id: p.id,
    field: 'price',
    // Two stale rows, as if someone changed them on the store after the grid was loaded.
    from: i % 150 === 7 ? '1.00' : p.price,
    to: applyPriceRule(p.price, { kind: 'percent', amount: '10', round: { to: 'ending', ending: '.99' } }),
  }));
  await rpc('jobs.start', { storeId, title, edits });
}

ensureBuild();
const only = process.env.SHOTS ? process.env.SHOTS.split(',') : Object.keys(SCENES);
const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-shots-'));
const { child, url } = await startBrowserMode(dataDir);
const browser = await chromium.launch({ executablePath: await resolveChromium(), args: CHROMIUM_ARGS });
try {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 820 }, colorScheme: scheme, deviceScaleFactor: 1 });
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Stores' }).getByRole('listitem').first().waitFor();
    for (const name of only) {
      await SCENES[name](page);
      await page.waitForTimeout(300);
      const file = `${name}${scheme === 'dark' ? '-dark' : ''}.png`;
      await page.screenshot({ path: join(outDir, file) });
      console.log(`docs/screenshots/${file}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  await rm(dataDir, { recursive: true, force: true });
}
