import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium } from '/work/wt-csv/scripts/chromium.mjs';
const root = '/work/wt-csv';
const dataDir = await mkdtemp(join(tmpdir(), 'csv-shots-'));
const child = spawn(process.execPath, [join(root, 'out/main/web.js'), '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => { let out = ''; child.stdout.on('data', (c) => { out += c; const m = /Stockroom is ready: (\S+)/.exec(out); if (m) resolve(m[1]); }); });
const browser = await chromium.launch({ executablePath: await resolveChromium(), args: CHROMIUM_ARGS });
try {
  for (const [w, h] of [[1440, 900], [1024, 700]]) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    await page.goto(url);
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    const panel = page.getByLabel('Catalog cache');
    const load = panel.getByRole('button', { name: 'Load catalog' });
    if (await load.isVisible()) await load.click();
    await page.getByRole('grid', { name: 'Products' }).waitFor({ timeout: 60000 });
    const rows = await page.evaluate(async () => {
      const r = await fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 1, method: 'stores.list', params: {} }) });
      const storeId = (await r.json()).value.activeStoreId;
      const p = await fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 2, method: 'catalog.listProducts', params: { storeId, offset: 0, limit: 20 } }) });
      return (await p.json()).value.products;
    });
    const lines = ['Item Type;Product ID;Product Name;Product Code/SKU;Price;Current Stock Level;Product Visible?;Category'];
    rows.slice(0, 12).forEach((p, i) => lines.push(['Product', p.id, p.name, p.sku, (Number(p.price) + 1).toFixed(2).replace('.', ','), p.inventory_level, 'Y', 'Shop All'].join(';')));
    lines.push('Product;;Ghost;NO-SUCH;1,00;1;Y;x');
    lines.push(`Product;${rows[13].id};${rows[13].name};${rows[13].sku};abc;1;Y;x`);
    await page.getByLabel('Import a CSV file').setInputFiles({ name: 'supplier.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.getByRole('region', { name: 'Matched rows', exact: true }).waitFor();
    await page.screenshot({ path: `/tmp/csv-import-${w}.png` });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.screenshot({ path: `/tmp/csv-export-${w}.png` });
    await page.close();
  }
} finally { await browser.close(); child.kill('SIGTERM'); }
