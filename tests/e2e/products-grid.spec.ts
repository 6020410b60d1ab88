import { expect, test } from './fixtures';
import { ProductsGrid } from './pages/products-grid';
import { StagingPanel } from './pages/staging-panel';
import { rpc } from './support/rpc';

test('the product grid stages typed, pasted and filled-down values; bad cells are refused; Apply writes them', async ({ shell, page }) => {
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  const { products } = await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: 3 });
  const [a, b, c] = products.map((p) => p.sku) as [string, string, string];
  await shell.goTo('Products');
  const grid = new ProductsGrid(page);
  const staged = new StagingPanel(page);
  await expect(await grid.cell(a, 'ID')).toHaveText(String(products[0]!.id));

  // Type a price into the first row.
  await grid.type(a, 'Price', '12.34');
  await staged.expectCount('1 change');
  await expect(await grid.cell(a, 'Price')).toHaveText('12.34');

  // Fill it down over the next two rows (Ctrl+D).
  await grid.selectRange(await grid.cell(a, 'Price'), await grid.cell(c, 'Price'));
  await page.keyboard.press('Control+d');
  await staged.expectCount('3 changes');
  await expect(await grid.cell(c, 'Price')).toHaveText('12.34');

  // One value pasted over a selected block of stock cells fills it; a bad one is refused, cell by cell.
  await grid.selectRange(await grid.cell(a, 'Stock'), await grid.cell(c, 'Stock'));
  await grid.paste('7\r\n');
  await staged.expectCount('6 changes');
  await (await grid.cell(a, 'Bin')).click();
  await grid.paste('A-1\r\nB-2\r\n');
  await staged.expectCount('8 changes');
  await (await grid.cell(a, 'Stock')).click();
  await grid.paste('lots\r\n');
  await expect(page.getByRole('alert').filter({ hasText: '"lots" is not a whole number' })).toBeVisible();
  await staged.expectCount('8 changes');
  await expect(await grid.cell(a, 'Stock')).toHaveText('7');

  // Escape leaves a cell as it was: nothing staged.
  await (await grid.cell(b, 'Name')).click();
  await page.keyboard.type('Renamed');
  await page.keyboard.press('Escape');
  await expect(await grid.cell(b, 'Name')).toHaveText(products[1]!.name);
  await (await grid.cell(a, 'SKU')).click(); // the grid keeps working after a cancelled edit
  await staged.expectCount('8 changes');

  await staged.apply('Grid edits');
  await staged.expectCount('nothing staged', 15_000);
  // On screen: the applied values, no longer staged.
  for (const sku of [a, b, c]) {
    await expect(await grid.cell(sku, 'Price')).toHaveText('12.34');
    await expect(await grid.cell(sku, 'Stock')).toHaveText('7');
    await expect.poll(async () => grid.isStaged(await grid.cell(sku, 'Price'))).toBe(false);
  }
  await expect(await grid.cell(b, 'Bin')).toHaveText('B-2');
  const after = (await rpc(page, 'catalog.listProducts', { storeId, ids: products.map((p) => p.id) })).products;
  expect(after.map((p) => [p.price, p.inventory_level])).toEqual(products.map(() => ['12.34', 7]));
});
