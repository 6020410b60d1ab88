import { expect, test } from './fixtures';
import { ActivityPage } from './pages/activity-page';
import { ProductsGridPage } from './pages/products-grid';
import { StagedPanel } from './pages/staged-panel';
import { rpc } from './support/rpc';

test('a price typed into the grid and applied shows on screen, no longer staged; Undo in Activity puts the old price back on screen', async ({ shell, page }) => {
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  const [product] = (await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: 1 })).products;
  const { sku, price } = product!;
  await shell.goTo('Products');
  const grid = new ProductsGridPage(page);
  const staging = new StagedPanel(page);
  const cell = await grid.cell(sku, 'Price');
  await expect(cell).toHaveText(price);

  await grid.type(sku, 'Price', '12.34');
  await expect(cell).toHaveText('12.34');
  await expect.poll(() => grid.isStaged(cell)).toBe(true);
  await staging.expectCount(1);

  // 12.34 against a price near 70 is a change over 50 %: the review asks for a confirmation.
  await staging.apply('Grid price', { confirmWarnings: true });
  await staging.expectCount(0);
  // What the screen shows, not what RPC answers: the applied value, no longer marked staged.
  await expect(cell).toHaveText('12.34');
  await expect.poll(() => grid.isStaged(cell)).toBe(false);

  await shell.goTo('Activity');
  const activity = new ActivityPage(page);
  await activity.expectStatus('Grid price', 'Completed');
  await activity.undo('Grid price');
  await activity.expectStatus('Undo: Grid price', 'Completed');

  await shell.goTo('Products');
  await expect(await grid.cell(sku, 'Price')).toHaveText(price);
  await expect.poll(async () => grid.isStaged(await grid.cell(sku, 'Price'))).toBe(false);
});

test('rows a job changes reach an open grid without reloading the catalog', async ({ shell, page }) => {
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  // Products that keep their stock themselves (a product tracked by variant shows its variants' sum).
  const products = (await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: 20 })).products.filter((p) => p.inventory_tracking === 'product').slice(0, 3);
  expect(products).toHaveLength(3);
  await shell.goTo('Products');
  const grid = new ProductsGridPage(page);
  await expect(await grid.cell(products[2]!.sku, 'Stock')).toHaveText(String(products[2]!.inventory_level));
  const lists: string[] = [];
  page.on('request', (request) => {
    if (request.postData()?.includes('"catalog.listProduct')) lists.push(request.postData()!);
  });

  // A job started elsewhere (here over RPC, as another window would): the grid follows its result.
  await rpc(page, 'jobs.start', { storeId, title: 'Stock', edits: products.map((p) => ({ entity: 'product' as const, id: p.id, field: 'inventory_level', from: p.inventory_level, to: p.inventory_level + 5 })) });
  for (const p of products) await expect(await grid.cell(p.sku, 'Stock')).toHaveText(String(p.inventory_level + 5));
  expect(lists).toEqual([]);
});
