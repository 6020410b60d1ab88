import { applyPriceRule } from '../../src/shared/money';
import { expect, startBrowserMode, stopBrowserMode, test } from './fixtures';
import { ProductsPage } from './pages/products-page';
import { StagedPanel } from './pages/staged-panel';
import { activeStoreHttp, moneyText } from './support/demo-http';
import { rpc } from './support/rpc';

async function loadCatalog(page: import('@playwright/test').Page, count: number) {
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  return { storeId, products: (await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: count })).products };
}

test('a rule over 50 selected prices (+10 %, round to .99) is previewed, reviewed and applied; the store has every value; a row it rejects stays staged with its message', async ({ shell, page }) => {
  test.setTimeout(120_000);
  const { products } = await loadCatalog(page, 60);
  const store = await activeStoreHttp(page);
  await shell.goTo('Products');
  const grid = new ProductsPage(page);
  const staged = new StagedPanel(page);

  await grid.selectDown(products[0]!.sku, 'Price', 50);
  await grid.openRules('shortcut');
  await grid.fillRule({ kind: 'Increase by', amount: '10', unit: '%', round: 'end in .99' });
  const expected = products.slice(0, 50).map((p) => applyPriceRule(p.price, { kind: 'percent', amount: '10', round: { to: 'ending', ending: '.99' } }));
  const changing = expected.filter((price, i) => price !== products[i]!.price).length;
  await expect(grid.preview()).toContainText(`${changing} of 50 cells change`);
  await expect(grid.preview().getByRole('listitem').first()).toHaveText(`${products[0]!.name} Price ${products[0]!.price} → ${expected[0]}`);
  await grid.stageRule(changing);
  await staged.expectCount(changing);
  await expect(grid.cell(products[49]!.sku, 'Price')).toHaveText(expected[49]!);

  // Names are unique in a store: this rename passes every check here and is refused by the store.
  await grid.type(products[51]!.sku, 'Name', products[52]!.name);
  await staged.expectCount(changing + 1);
  await expect(staged.row(products[0]!.name, 'Price').getByRole('cell').nth(1)).toHaveText(products[0]!.sku);
  await expect(staged.row(products[0]!.name, 'Price').getByRole('cell').nth(4)).toHaveText(expected[0]!);

  await staged.apply('Summer prices +10 %');
  await staged.expectCount(1);
  const refused = staged.row(products[51]!.name, 'Name');
  await expect(refused.getByRole('cell').nth(5)).toHaveText(`failed: Product name "${products[52]!.name}" is a duplicate.`);

  const onStore = await store.products(products.slice(0, 52).map((p) => p.id));
  expect(products.slice(0, 50).map((p) => moneyText(onStore.get(p.id)!.price))).toEqual(expected);
  expect(onStore.get(products[51]!.id)!.name).toBe(products[51]!.name);
});

test('+5 stock on 30 variant rows by a rule, reviewed and applied; the store has every level; the products’ own stock cells are skipped', async ({ shell, page }) => {
  test.setTimeout(120_000);
  const { products } = await loadCatalog(page, 120);
  const store = await activeStoreHttp(page);
  // A run of neighbouring products whose stock is tracked by variant, with 30 variants or more between them.
  const byVariant = (i: number) => products[i]!.inventory_tracking === 'variant' && products[i]!.variants.some((v) => v.option_values.length > 0);
  let start = 0;
  let end = 0;
  for (let i = 0, total = 0; i < products.length; i++) {
    if (!byVariant(i)) {
      total = 0;
      start = i + 1;
      continue;
    }
    total += products[i]!.variants.length;
    if (total >= 30) {
      end = i;
      break;
    }
  }
  const run = products.slice(start, end + 1);
  const variants = run.flatMap((p) => p.variants).slice(0, 30);
  expect(variants).toHaveLength(30);
  // Rows from the first variant of the run to the 30th: the variants and the product rows between them.
  const lastProduct = run.findIndex((p) => p.variants.includes(variants[29]!));
  const rows = 30 + lastProduct;

  await shell.goTo('Products');
  const grid = new ProductsPage(page);
  const staged = new StagedPanel(page);
  await page.getByRole('button', { name: 'Expand all' }).click();
  await grid.selectDown(variants[0]!.sku, 'Stock', rows);
  await grid.openRules('button');
  await grid.fillRule({ kind: 'Increase by', amount: '5', unit: 'amount' });
  await expect(grid.preview()).toContainText(`30 of ${rows} cells change`);
  if (lastProduct > 0) await expect(grid.preview()).toContainText(`${lastProduct} skipped: read-only`);
  await grid.stageRule(30);
  await staged.expectCount(30);
  await expect(staged.panel.getByLabel('Staged per column')).toHaveText('Stock 30');

  await staged.apply('Variant stock +5');
  await staged.expectCount(0);
  const levels = new Map<number, unknown>();
  for (const product of run) for (const v of await store.variants(product.id)) levels.set(v.id as number, v.inventory_level);
  expect(variants.map((v) => levels.get(v.id))).toEqual(variants.map((v) => (v.inventory_level ?? 0) + 5));
});

test('156.009 is refused as typed and by main; absurd values and a sale price at the price need a confirmation before Apply; staged money reads like the store', async ({ shell, page }) => {
  const { storeId, products } = await loadCatalog(page, 6);
  await shell.goTo('Products');
  const grid = new ProductsPage(page);
  const staged = new StagedPanel(page);

  await grid.type(products[0]!.sku, 'Price', '156.009');
  await expect(grid.row(products[0]!.sku).getByRole('note')).toHaveText(/USD prices have 2 decimal places/);
  await expect(grid.cell(products[0]!.sku, 'Price')).toHaveText(products[0]!.price);
  await staged.expectCount(0);
  // Main does not trust the renderer: the same edit sent straight to staging is refused, by edit.
  await expect(rpc(page, 'staging.stage', { storeId, edits: [{ entity: 'product', id: products[0]!.id, field: 'price', from: products[0]!.price, to: '156.009' }] })).rejects.toThrow(
    `VALIDATION product:${products[0]!.id}:price: USD prices have 2 decimal places`,
  );

  await grid.type(products[1]!.sku, 'Price', '999999999999');
  await grid.type(products[2]!.sku, 'Sale price', products[2]!.price);
  await grid.type(products[3]!.sku, 'Price', '20');
  await staged.expectCount(3);
  // A pasted or typed "20" reads as the store shows money.
  await expect(staged.row(products[3]!.name, 'Price').getByRole('cell').nth(4)).toHaveText('20.00');
  await expect(staged.panel.getByLabel('Staged per column')).toHaveText(/Price 2\s*Sale price 1/);

  const dialog = await staged.openReview();
  const warnings = dialog.getByRole('region', { name: 'Warnings' });
  await expect(warnings).toContainText(`${products[1]!.name} (${products[1]!.sku}) · Price: unusually large: 999999999999.00`);
  await expect(warnings).toContainText(`${products[2]!.name} (${products[2]!.sku}) · Sale price: sale price is not below the price`);
  const applyButton = dialog.getByRole('button', { name: 'Apply 3 changes' });
  await expect(applyButton).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'Apply these anyway' }).check();
  await expect(applyButton).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await staged.expectCount(3);
});

test('conflicts: Take theirs shows the store’s value, Keep mine writes mine over it; staged edits survive a restart', async ({ shell, page, app }) => {
  test.setTimeout(120_000);
  const { products } = await loadCatalog(page, 20);
  const store = await activeStoreHttp(page);
  await shell.goTo('Products');
  const grid = new ProductsPage(page);
  const staged = new StagedPanel(page);

  await grid.type(products[0]!.sku, 'Price', '12.34');
  await grid.type(products[1]!.sku, 'Price', '23.45');
  await grid.type(products[2]!.sku, 'Price', '34.56');
  await staged.expectCount(3);
  // Someone else changes two of them on the store meanwhile.
  expect((await store.request('PUT', '/v3/catalog/products', [{ id: products[0]!.id, price: 77.7 }, { id: products[1]!.id, price: 88.8 }])).status).toBe(200);

  await staged.apply('Three prices', { confirmWarnings: true });
  await staged.expectCount(2);
  const theirs = staged.row(products[0]!.name, 'Price');
  await expect(theirs).toContainText('conflict: the store now has 77.70');
  await theirs.getByRole('button', { name: /^Take theirs/ }).click();
  await staged.expectCount(1);
  await expect(grid.cell(products[0]!.sku, 'Price')).toHaveText('77.70');

  const mine = staged.row(products[1]!.name, 'Price');
  await expect(mine).toContainText('conflict: the store now has 88.80');
  await mine.getByRole('button', { name: /^Keep mine/ }).click();
  await expect(mine.getByRole('cell').nth(3)).toHaveText('88.80');
  await expect(mine.getByRole('cell').nth(5)).not.toContainText('conflict');
  await staged.apply('Mine again', { confirmWarnings: true });
  await staged.expectCount(0);
  const onStore = await store.products([products[0]!.id, products[1]!.id, products[2]!.id]);
  expect([0, 1, 2].map((i) => moneyText(onStore.get(products[i]!.id)!.price))).toEqual(['77.70', '23.45', '34.56']);

  // Staged, then the app restarts on the same data dir: the edit is still there, with its name.
  const row = products.findIndex((p, i) => i > 2 && p.inventory_tracking === 'product');
  await grid.type(products[row]!.sku, 'Stock', String(products[row]!.inventory_level + 5));
  await staged.expectCount(1);
  await stopBrowserMode(app);
  const again = await startBrowserMode(app.dataDir);
  try {
    await shell.open(again.launchUrl);
    await shell.goTo('Products');
    await staged.expectCount(1);
    await expect(staged.row(products[row]!.name, 'Stock').getByRole('cell').nth(4)).toHaveText(String(products[row]!.inventory_level + 5));
  } finally {
    await stopBrowserMode(again);
  }
});
