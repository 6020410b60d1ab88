import { expect, test } from './fixtures';
import { ProductsGridPage } from './pages/products-grid';
import { StagedPanel } from './pages/staged-panel';
import { rpc } from './support/rpc';

test('the product grid stages typed, pasted and filled-down values; bad cells are refused; Apply writes them', async ({ shell, page }) => {
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  const { products } = await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: 3 });
  const [a, b, c] = products.map((p) => p.sku) as [string, string, string];
  await shell.goTo('Products');
  const grid = new ProductsGridPage(page);
  await expect(grid.cell(a, 'ID')).toHaveText(String(products[0]!.id));

  await grid.type(a, 'Price', '12.34');
  await grid.expectStaged(1);
  await expect(grid.cell(a, 'Price')).toHaveText('12.34');

  // Fill it down over the next two rows (Ctrl+D).
  await grid.select(a, 'Price');
  await grid.select(c, 'Price', { shift: true });
  await page.keyboard.press('Control+d');
  await grid.expectStaged(3);
  await expect(grid.cell(c, 'Price')).toHaveText('12.34');

  // One value pasted over a selected block of stock cells fills it; a bad one is refused, with its reason beside the cell.
  const tracked = products.filter((p) => p.inventory_tracking !== 'variant').map((p) => p.sku);
  await grid.select(a, 'Bin');
  await grid.paste('A-1\r\nB-2\r\n');
  await grid.expectStaged(5);
  await expect(grid.cell(b, 'Bin')).toHaveText('B-2');
  await grid.select(tracked[0]!, 'Stock');
  await grid.paste('lots\r\n');
  await expect(grid.row(tracked[0]!).getByRole('note')).toHaveText(/"lots" is not a whole number/);
  await grid.expectStaged(5);

  // Escape leaves a cell as it was: nothing staged.
  await grid.select(b, 'Name');
  await page.keyboard.type('Renamed');
  await page.keyboard.press('Escape');
  await expect(grid.cell(b, 'Name')).toHaveText(products[1]!.name);
  await grid.expectStaged(5);

  // 12.34 is far below two of the old prices: the review asks to confirm.
  await new StagedPanel(page).apply('Grid edits', { confirmWarnings: true });
  await grid.expectStaged(0);
  const after = (await rpc(page, 'catalog.listProducts', { storeId, ids: products.map((p) => p.id) })).products;
  expect(after.map((p) => p.price)).toEqual(['12.34', '12.34', '12.34']);
  expect(after.slice(0, 2).map((p) => p.bin_picking_number)).toEqual(['A-1', 'B-2']);
});
