// Takes the README's screenshots (`npm run screenshots`): starts browser mode on a fresh data dir, drives headless Chromium.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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
    // The rows, not "Reading the catalog…".
    await page.getByRole('grid', { name: 'Products' }).getByRole('gridcell').first().waitFor({ timeout: 60_000 });
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
  async staged(page) {
    const rpc = rpcOf(page);
    const { activeStoreId: storeId } = await rpc('stores.list', {});
    const { products } = await rpc('catalog.listProducts', { storeId, offset: 0, limit: 12 });
    const { edits: already } = await rpc('staging.list', { storeId });
    if (already.length === 0) {
      // A first round applied: the row that changed on the store meanwhile stays staged, with its value.
      const first = products.slice(0, 4).map((p, i) => ({ entity: 'product', id: p.id, field: 'price', from: i === 2 ? '1.00' : p.price, to: applyPriceRule(p.price, { kind: 'percent', amount: '-15', round: { to: 'ending', ending: '.99' } }) }));
      await rpc('staging.stage', { storeId, edits: first });
      await rpc('staging.apply', { storeId, title: 'Clearance −15 %' });
      for (let i = 0; i < 100 && (await rpc('staging.list', { storeId })).edits.some((e) => e.jobId); i++) await page.waitForTimeout(100);
      const next = products.slice(4).map((p, i) => ({ entity: 'product', id: p.id, field: 'inventory_level', from: p.inventory_level, to: p.inventory_level + 12 + i }));
      await rpc('staging.stage', { storeId, edits: next });
    }
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    await page.getByRole('table', { name: 'Staged edits' }).getByRole('row').nth(2).waitFor();
    // A selected block in the grid, as when about to paste or fill down.
    const grid = page.getByRole('grid', { name: 'Products' });
    await grid.getByRole('row').nth(6).getByRole('gridcell').nth(5).click();
    await grid.getByRole('row').nth(9).getByRole('gridcell').nth(6).click({ modifiers: ['Shift'] });
  },
  async 'pick-list'(page) {
    await SCENES.shell(page); // the catalog loaded: the lines have their bins
    await page.getByRole('link', { name: 'Pick lists', exact: true }).click();
    const options = page.getByRole('group', { name: 'Print options' });
    await options.getByRole('checkbox', { name: 'Group by zone' }).check();
    await page.getByRole('region', { name: 'Print preview' }).and(page.locator('[aria-busy=false]')).getByRole('article').waitFor({ timeout: 120_000 });
    if (await page.evaluate(() => globalThis.matchMedia('(prefers-color-scheme: dark)').matches)) return;
    // The first printed page as the PDF has it (the browser's print of this screen), drawn by pdf.js.
    await pdfPageImage(page.context().browser(), await page.pdf({ preferCSSPageSize: true, printBackground: true }), join(outDir, 'pick-list-page.png'));
    console.log('docs/screenshots/pick-list-page.png');
  },
  async 'rule-preview'(page) {
    await page.keyboard.press('Escape');
    await SCENES.shell(page); // the catalog loaded
    const grid = page.getByRole('grid', { name: 'Products' });
    await grid.getByRole('gridcell').first().waitFor({ timeout: 60_000 });
    const price = grid.locator('xpath=.//*[@role="row"][2]/*[@role="gridcell"][@aria-colindex=ancestor::*[@role="grid"][1]//*[@role="columnheader"][@aria-label="Price"]/@aria-colindex]');
    await price.click();
    for (let i = 0; i < 11; i++) await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+Shift+E');
    const dialog = page.getByRole('dialog', { name: /^Rule over/ });
    await dialog.getByRole('textbox', { name: 'Amount' }).fill('10');
    await dialog.getByRole('combobox', { name: 'Round prices to' }).selectOption('.99');
    await dialog.getByRole('region', { name: 'Preview' }).getByText(/cells change/).waitFor();
  },
  'customers-grid': (page) => customersScene(page, { width: 1440, height: 900 }),
  'customers-grid-1024': (page) => customersScene(page, { width: 1024, height: 700 }),
  async review(page) {
    await page.keyboard.press('Escape');
    const rpc = rpcOf(page);
    const { activeStoreId: storeId } = await rpc('stores.list', {});
    const { products } = await rpc('catalog.listProducts', { storeId, offset: 0, limit: 30 });
    const { edits } = await rpc('staging.list', { storeId });
    if (!edits.some((e) => e.to === '999999999999')) {
      // Values the review warns about: a typo'd huge price, a sale price at the price, a price cut below cost.
      await rpc('staging.stage', { storeId, edits: [
        { entity: 'product', id: products[20].id, field: 'price', from: products[20].price, to: '999999999999' },
        { entity: 'product', id: products[21].id, field: 'sale_price', from: products[21].sale_price, to: products[21].price },
        { entity: 'product', id: products[22].id, field: 'price', from: products[22].price, to: '9.99' },
      ] });
    }
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    await page.getByRole('table', { name: 'Staged edits' }).getByRole('row').nth(2).waitFor();
    await page.getByRole('region', { name: 'Staged changes' }).getByRole('button', { name: 'Review and apply…' }).click();
    await page.getByRole('region', { name: 'Warnings' }).waitFor();
  },
  async compare(page) {
    await page.keyboard.press('Escape');
    const rpc = rpcOf(page);
    await loadBothCatalogs(rpc);
    await page.getByRole('link', { name: 'Compare', exact: true }).click();
    const form = page.getByRole('form', { name: 'Compare stores' });
    await form.getByRole('button', { name: 'Compare' }).click();
    const grid = page.getByRole('grid', { name: 'Comparison' });
    await grid.getByRole('gridcell').first().waitFor({ timeout: 60_000 });
    await grid.getByRole('row').nth(1).getByRole('gridcell').first().click();
    await grid.getByRole('row').nth(10).getByRole('gridcell').first().click({ modifiers: ['Shift'] });
    await page.getByRole('form', { name: 'Copy between stores' }).getByRole('checkbox', { name: 'Price' }).check();
    await page.getByRole('form', { name: 'Copy between stores' }).getByLabel(/^Price factor/).fill('0.92');
  },
  'compare-1024': (page) => SCENES.compare(page),
  async 'products-grid'(page) {
    await page.keyboard.press('Escape');
    await SCENES.shell(page);
    const rpc = rpcOf(page);
    const { activeStoreId: storeId } = await rpc('stores.list', {});
    const { products } = await rpc('catalog.listProducts', { storeId, offset: 0, limit: 12 });
    const grid = page.getByRole('grid', { name: 'Products' });
    await grid.getByRole('gridcell').first().waitFor({ timeout: 60_000 });
    const cell = (sku, column) => grid.locator(`xpath=.//*[@role="row"][*[@role="gridcell"][normalize-space(.)="${sku}"]]/*[@role="gridcell"][@aria-colindex=ancestor::*[@role="grid"][1]//*[@role="columnheader"][@aria-label="${column}"]/@aria-colindex]`);
    // Staged prices over the store's, a product expanded to its variants, a refused stock edit with its reason.
    const { edits } = await rpc('staging.list', { storeId });
    if (edits.length === 0) {
      await rpc('staging.stage', { storeId, edits: products.slice(1, 4).map((p) => ({ entity: 'product', id: p.id, field: 'price', from: p.price, to: applyPriceRule(p.price, { kind: 'percent', amount: '10', round: { to: 'ending', ending: '.99' } }) })) });
    }
    const byVariant = products.find((p) => p.inventory_tracking === 'variant' && p.variants.length > 1);
    await grid.getByRole('row').filter({ has: page.getByRole('gridcell', { name: byVariant.sku, exact: true }) }).getByRole('button', { name: 'Expand' }).click();
    await cell(byVariant.sku, 'Stock').click();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await grid.getByRole('note').first().waitFor();
    await cell(products[1].sku, 'Price').click();
    await cell(products[3].sku, 'Sale price').click({ modifiers: ['Shift'] });
  },
  async 'products-grid-1024'(page) {
    await page.getByRole('grid', { name: 'Products' }).getByRole('note').first().waitFor();
  },
  async images(page) {
    await page.keyboard.press('Escape');
    await SCENES.shell(page);
    const rpc = rpcOf(page);
    const { activeStoreId: storeId } = await rpc('stores.list', {});
    const { products } = await rpc('catalog.listProducts', { storeId, offset: 0, limit: 12 });
    const product = products.find((p) => p.thumbnail_url);
    const grid = page.getByRole('grid', { name: 'Products' });
    await grid.getByRole('gridcell', { name: product.sku, exact: true }).click();
    await page.getByRole('button', { name: 'Images…' }).click();
    const panel = page.getByRole('complementary', { name: `Images of ${product.name}` });
    await panel.getByRole('list', { name: 'Images' }).waitFor();
    await panel.getByRole('form', { name: 'Add an image' }).getByRole('textbox', { name: 'Image URL' }).fill('http://127.0.0.1:9/unreachable.jpg');
    await panel.getByRole('button', { name: 'Add image' }).click();
    await panel.getByRole('alert').waitFor();
    // Every picture decoded (grid and panel), not a half-loaded frame.
    await page.waitForFunction(() => [...globalThis.document.images].every((i) => i.complete));
  },
  async 'images-1024'(page) {
    await page.waitForFunction(() => [...globalThis.document.images].every((i) => i.complete));
  },
  async orders(page) {
    await page.keyboard.press('Escape');
    // The drawer's bins come from the local catalog.
    const rpc = rpcOf(page);
    const { activeStoreId: storeId } = await rpc('stores.list', {});
    if (!(await rpc('catalog.getStatus', { storeId })).syncedAt) await rpc('catalog.sync', { storeId, mode: 'refresh' });
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    const panel = page.getByLabel('Orders cache');
    const load = panel.getByRole('button', { name: 'Load orders' });
    await load.or(panel.getByRole('button', { name: 'Refresh' })).waitFor();
    if (await load.isVisible()) await load.click();
    await panel.getByText(/orders ·/).waitFor({ timeout: 60_000 });
    const filters = page.getByRole('group', { name: 'Statuses' });
    if ((await filters.getByRole('button', { pressed: true }).count()) === 0) await filters.getByRole('button', { name: 'Awaiting Fulfillment' }).click();
    const grid = page.getByRole('grid', { name: 'Orders' });
    await grid.getByRole('row').nth(3).getByRole('gridcell').first().click();
    await grid.getByRole('row').nth(6).getByRole('gridcell').first().click({ modifiers: ['Shift'] });
  },
  async 'order-drawer'(page) {
    await SCENES.orders(page);
    await page.getByRole('button', { name: 'Details', exact: true }).click();
    await page.getByRole('complementary', { name: /^Order #/ }).getByRole('region', { name: 'Items' }).waitFor({ timeout: 30_000 });
  },
  /** The hooks Stockroom set up on the demo store, and the live feed of what the scenes before changed. */
  async webhooks(page) {
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    const hooks = page.getByRole('table', { name: 'Webhooks' });
    for (let i = 0; i < 30 && !(await hooks.getByText('Active').first().isVisible()); i++) {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.waitForTimeout(500);
    }
    await page.getByRole('list', { name: 'Live events' }).getByRole('listitem').first().waitFor({ timeout: 30_000 });
  },
};

/** Compare reads each store's local catalog: load both demo stores' (they share part of their SKUs out of the box). */
async function loadBothCatalogs(rpc) {
  const { stores } = await rpc('stores.list', {});
  await Promise.all(stores.slice(0, 2).map(async (store) => {
    if (!(await rpc('catalog.getStatus', { storeId: store.id })).syncedAt) await rpc('catalog.sync', { storeId: store.id, mode: 'refresh' });
  }));
}

/** Calls the contract from the page, as the renderer does in browser mode. */
function rpcOf(page) {
  return (method, params) =>
    page.evaluate(async ([method, params]) => {
      const res = await fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 1, method, params }) });
      const body = await res.json();
      if (!body.ok) throw new Error(body.error.message);
      return body.value;
    }, [method, params]);
}

/** Page 1 of a PDF as a PNG: pdf.js (the build unpdf ships) renders it on a canvas in a page of its own. */
async function pdfPageImage(browser, pdf, path) {
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  const pdfjs = await readFile(join(root, 'node_modules/unpdf/dist/pdfjs.mjs'));
  await page.route('http://pdf.invalid/**', (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname === '/pdfjs.mjs') return route.fulfill({ body: pdfjs, contentType: 'text/javascript' });
    if (pathname === '/doc.pdf') return route.fulfill({ body: pdf, contentType: 'application/pdf' });
    return route.fulfill({ body: '<!doctype html><body style="margin:0;background:#fff"><canvas></canvas></body>', contentType: 'text/html' });
  });
  await page.goto('http://pdf.invalid/');
  await page.evaluate(async () => {
    const pdfjs = await import('/pdfjs.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(await (await fetch('/doc.pdf')).arrayBuffer()) }).promise;
    const first = await doc.getPage(1);
    const viewport = first.getViewport({ scale: 1.35 });
    const canvas = globalThis.document.querySelector('canvas');
    Object.assign(canvas, { width: viewport.width, height: viewport.height });
    await first.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
  });
  await page.locator('canvas').screenshot({ path });
  await page.close();
}

/** Customers at a size: loaded, three customers staged into VIP (named in the review), the block still selected. */
async function customersScene(page, size) {
  await page.setViewportSize(size);
  // The scene before may leave a dialog open (the rule preview).
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Customers', exact: true }).click();
  const panel = page.getByLabel('Customers cache');
  const load = panel.getByRole('button', { name: 'Load customers' });
  if (await load.isVisible()) await load.click();
  await panel.getByText(/customers ·/).waitFor({ timeout: 60_000 });
  const grid = page.getByRole('grid', { name: 'Customers' });
  const first = grid.getByRole('gridcell').nth(3);
  await first.click();
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowDown');
  const staged = page.getByRole('region', { name: 'Staged changes' });
  // Product edits from the scenes before may be staged too; staging the same three again changes nothing.
  await page.getByRole('button', { name: 'Assign…' }).click();
  await page.getByRole('combobox', { name: 'Group to assign' }).selectOption({ label: 'VIP' });
  await page.getByRole('button', { name: 'Assign to group' }).click();
  await staged.getByText(/^Customer group \d+/).waitFor();
}

/** Starts a real job through the contract, as a grid would: +10 %, round to .99, on 300 products. */
async function startDemoJob(page, title) {
  const rpc = rpcOf(page);
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
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Stores' }).getByRole('listitem').first().waitFor();
    for (const name of only) {
      await page.setViewportSize(name.endsWith('-1024') ? { width: 1024, height: 700 } : { width: 1440, height: 900 }); // a scene may pick its own size
      await SCENES[name](page).catch(async (error) => {
        // What the page showed when a scene got stuck, for whoever runs this next.
        const shot = join(tmpdir(), `stockroom-screenshot-failure-${name}.png`);
        await page.screenshot({ path: shot });
        console.error(`scene "${name}" failed; the page at that moment: ${shot}`);
        throw error;
      });
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
