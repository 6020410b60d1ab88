import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ComparePage } from './pages/compare-page';
import { ProductsGridPage } from './pages/products-grid';
import { StagedPanel } from './pages/staged-panel';
import { demoStoreHttp } from './support/demo-http';
import { rpc } from './support/rpc';

const ONE = 'Northwind Apparel & Home';
const TWO = 'Havelberg Haus & Mode';

async function loadCatalog(page: Page, storeId: string, count: number) {
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  return (await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: count })).products;
}

test('staged edits, filters and the review panel stay with their store; Ctrl+1 and Ctrl+2 switch', async ({ shell, page }) => {
  test.setTimeout(120_000);
  const [one] = await Promise.all([loadCatalog(page, 'demo-1', 5), loadCatalog(page, 'demo-2', 5)]);
  const product = one[0]!;
  await shell.goTo('Products');
  const grid = new ProductsGridPage(page);
  const staged = new StagedPanel(page);
  await expect(shell.activeStore()).toHaveText(ONE);

  await grid.type(product.sku, 'Price', '123.45');
  await staged.expectCount(1);
  await expect(staged.panel.getByLabel(`Applies to ${ONE}`)).toBeVisible();
  await grid.show('zzz-only-here');

  await shell.switchByShortcut(2, TWO);
  await expect(shell.activeStore()).toHaveText(TWO);
  await expect(shell.statusBar.getByTestId('status-store')).toContainText(TWO);
  await staged.expectCount(0);
  await expect(staged.panel.getByLabel(`Applies to ${TWO}`)).toBeVisible();
  await expect(grid.quickFilter).toHaveValue('');
  await expect(grid.row(product.sku)).toHaveCount(0);

  await shell.switchByShortcut(1, ONE);
  await staged.expectCount(1);
  await expect(grid.quickFilter).toHaveValue('zzz-only-here');
  await grid.show(product.sku);
  await expect(grid.cell(product.sku, 'Price')).toHaveText('123.45');
  await expect(staged.row(product.name, 'Price')).toBeVisible();
});

test('copies stock of 10 SKUs from one store to the other as staged edits, applied on the target and read back from the store', async ({ shell, page }) => {
  test.setTimeout(180_000);
  const [one, two] = await Promise.all([loadCatalog(page, 'demo-1', 200), loadCatalog(page, 'demo-2', 200)]);
  // The demo stores share no SKUs: give 10 of store 2's products store 1's SKUs, over the store's own API.
  const tracked = (p: (typeof one)[number]) => p.inventory_tracking === 'product' && p.variants.length <= 1;
  const sources = one.filter((p) => tracked(p) && p.inventory_level > 0).slice(0, 10);
  const targets = two.filter(tracked).slice(0, 10);
  expect(sources).toHaveLength(10);
  expect(targets).toHaveLength(10);
  const storeTwo = await demoStoreHttp(page, 'demo-2');
  const renamed = await storeTwo.request('PUT', '/v3/catalog/products', targets.map((t, i) => ({ id: t.id, sku: sources[i]!.sku, inventory_level: 0 })));
  expect(renamed.status).toBe(200);
  await rpc(page, 'catalog.sync', { storeId: 'demo-2', mode: 'refresh' });

  await shell.goTo('Compare');
  const compare = new ComparePage(page);
  await compare.compare([ONE, TWO]);
  await compare.expectRows(10);
  await compare.grid.show(sources[0]!.sku);
  await expect(compare.grid.cell(sources[0]!.sku, `Stock · ${TWO}`)).toHaveText('0');
  await expect(compare.grid.cell(sources[0]!.sku, `Stock · ${TWO}`)).toHaveAttribute('aria-description', 'stock differs');
  await expect(compare.grid.cell(sources[0]!.sku, `Price USD · ${ONE}`)).toHaveText(sources[0]!.price);
  await compare.grid.show('');

  // Prices cross currencies only with a factor.
  const priceOnly = await compare.fillCopy({ from: ONE, to: TWO, price: true });
  await compare.selectAll();
  await expect(priceOnly).toBeDisabled();
  await expect(compare.copy).toContainText('USD → EUR: give the factor');

  const stage = await compare.fillCopy({ from: ONE, to: TWO, stock: true });
  await expect(stage).toHaveText(`Stage 10 SKUs on ${TWO}`);
  await stage.click();
  await expect(compare.copy.getByRole('status')).toContainText(`Staged 10 changes on ${TWO}`);
  await compare.copy.getByRole('button', { name: `Review and apply on ${TWO}` }).click();

  await expect(shell.storeButton(TWO)).toHaveAttribute('aria-current', 'true');
  await expect(shell.title).toHaveText('Products');
  const staged = new StagedPanel(page);
  await staged.expectCount(10);
  await expect(staged.panel.getByLabel(`Applies to ${TWO}`)).toBeVisible();
  const dialog = await staged.openReview();
  await expect(dialog).toHaveAccessibleName(`Apply 10 changes to ${TWO}`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await staged.apply('Stock from Northwind');
  await staged.expectCount(0);

  const onStore = await storeTwo.products(targets.map((t) => t.id));
  expect(targets.map((t) => onStore.get(t.id)!.inventory_level)).toEqual(sources.map((s) => s.inventory_level));
  expect(targets.map((t) => onStore.get(t.id)!.sku)).toEqual(sources.map((s) => s.sku));
});
