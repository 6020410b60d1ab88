import type { Page } from '@playwright/test';
import { compareMoney } from '../../src/shared/money';
import { expect, test } from './fixtures';
import { ProductsGridPage } from './pages/products-grid';
import { rpc } from './support/rpc';

/** The whole demo catalog (2,000 products), as main has it, and the Products screen open on it. */
async function openProducts(page: Page, shell: { goTo(section: string): Promise<void> }) {
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  const { products } = await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: 5000 });
  await shell.goTo('Products');
  const grid = new ProductsGridPage(page);
  await grid.expectRowsShown(products.length, products.length);
  return { storeId, products, grid };
}

const between = (price: string, min: string, max: string) => compareMoney(price, min) >= 0 && compareMoney(price, max) <= 0;

test('a keyboard user sorts, filters, hides, moves and pins columns, and reaches columns scrolled out of view', async ({ shell, page }) => {
  test.setTimeout(120_000);
  const { products, grid } = await openProducts(page, shell);
  const first = products[0]!;
  await grid.select(first.sku, 'Price');

  // ↑ from the first row: the Price header. Enter sorts, again reverses; Shift+Enter on Sale price adds it.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(grid.header('Price')).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('Enter');
  await expect(grid.header('Price')).toHaveAttribute('aria-sort', 'descending');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+Enter');
  await expect(grid.header('Sale price')).toHaveAttribute('aria-sort', 'ascending');
  await expect(grid.header('Price')).toHaveAttribute('aria-sort', 'descending');
  const dearest = [...products].sort((a, b) => compareMoney(b.price, a.price))[0]!;
  await expect(grid.cell(dearest.sku, 'Price')).toBeVisible();

  // Alt+↓ opens the Price menu with the focus in it; a range filter by keys; Enter filters and gives the grid its focus back.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Alt+ArrowDown');
  const menu = grid.columnMenu('Price');
  await expect(menu.getByRole('combobox', { name: 'Price filter' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('10');
  await page.keyboard.press('Tab');
  await page.keyboard.type('50');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(grid.grid).toBeFocused();
  await grid.expectRowsShown(products.filter((p) => between(p.price, '10', '50')).length, products.length);
  await expect(grid.toolbar.getByText('Price ≥ 10 and ≤ 50')).toBeVisible();

  // The menu's buttons by Tab: hide Type.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Alt+ArrowDown');
  const typeMenu = grid.columnMenu('Type');
  await expect(typeMenu).toBeVisible();
  await typeMenu.getByRole('button', { name: 'Hide column' }).focus();
  await page.keyboard.press('Enter');
  await expect(grid.header('Type')).toHaveCount(0);
  await expect(grid.grid).toBeFocused();

  // Escape goes back to the cells. Ctrl+← on the Name header moves Name before ID.
  await page.keyboard.press('Escape');
  expect((await grid.headers()).slice(0, 5)).toEqual(['SKU', 'Image', 'ID', 'Name', 'Price']);
  await grid.select((await grid.skus())[0]!, 'Name');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Control+ArrowLeft');
  await expect.poll(async () => (await grid.headers()).slice(0, 4)).toEqual(['SKU', 'Image', 'Name', 'ID']);
  // Pin Name by its menu: it stays in view when the grid scrolls sideways.
  await page.keyboard.press('Alt+ArrowDown');
  await grid.columnMenu('Name').getByRole('button', { name: 'Pin left' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await grid.headers()).slice(0, 2)).toEqual(['SKU', 'Name']);

  // End goes to the last column, scrolled into view and rendered (columns are virtualized too).
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await expect(grid.header('Date modified')).toBeInViewport();
  await expect(grid.header('Name')).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(grid.header('ID')).toBeInViewport();
});

test('columns by mouse: reorder, hide and show, pin left, and a sort over two columns (Shift+click)', async ({ shell, page }) => {
  test.setTimeout(120_000);
  const { storeId, products, grid } = await openProducts(page, shell);
  // Brand by name: the names have arrived (they rebuild the columns, which would end a drag under way).
  const { brands } = await rpc(page, 'catalog.listNames', { storeId });
  await grid.reveal('Brand');
  await expect(grid.cell(products[0]!.sku, 'Brand')).toHaveText(brands.find((b) => b.id === products[0]!.brand_id)!.name);
  await grid.grid.evaluate((g) => g.scrollTo({ left: 0 }));
  await grid.dragColumn('Price', 'Name');
  await expect.poll(async () => (await grid.headers()).slice(0, 5)).toEqual(['SKU', 'Image', 'ID', 'Price', 'Name']);

  await grid.setColumnShown('Type', false);
  await expect(grid.header('Type')).toHaveCount(0);
  await grid.setColumnShown('Type', true);
  await expect(grid.header('Type')).toHaveCount(1);

  const menu = await grid.openColumnMenu('ID');
  await menu.getByRole('button', { name: 'Pin left' }).click();
  await expect.poll(async () => (await grid.headers()).slice(0, 2)).toEqual(['SKU', 'ID']);
  await grid.reveal('Date modified');
  await expect(grid.header('ID')).toBeInViewport();
  await expect(grid.header('Price')).not.toBeInViewport();

  // Type, then price within each type (ties keep the catalog's id order).
  await grid.sortBy('Type');
  await grid.sortBy('Price', { add: true });
  await expect(grid.header('Type')).toHaveAttribute('aria-sort', 'ascending');
  await expect(grid.header('Price')).toHaveAttribute('aria-sort', 'ascending');
  const expected = [...products].sort((a, b) => a.type.localeCompare(b.type) || compareMoney(a.price, b.price) || a.id - b.id).map((p) => p.sku);
  const shown = await grid.skus();
  expect(shown.slice(0, 10)).toEqual(expected.slice(0, 10));
});

test('filters: quick filter over all text, contains / equals, a number range, empty / not empty, one of an enum', async ({ shell, page }) => {
  test.setTimeout(120_000);
  const { products, grid } = await openProducts(page, shell);
  const total = products.length;
  const word = products[3]!.name.split(' ')[0]!;
  // Every word of the query in some cell of the row: a product's full name finds it.
  await grid.show(products[9]!.name.toUpperCase());
  await expect(grid.row(products[9]!.sku)).toBeVisible();
  await expect(grid.rowsShown).toHaveText(/^\d+ of 2,000 rows$/);
  await grid.show('');
  await grid.expectRowsShown(total, total);

  await grid.filter('Name', { op: 'contains', text: word });
  await grid.expectRowsShown(products.filter((p) => p.name.toLowerCase().includes(word.toLowerCase())).length, total);
  await grid.clearFilter('Name');
  await grid.filter('SKU', { op: 'equals', text: products[7]!.sku.toLowerCase() });
  await grid.expectRowsShown(1, total);
  await expect(grid.cell(products[7]!.sku, 'Name')).toHaveText(products[7]!.name);
  await grid.clearFilter('SKU');

  await grid.filter('Price', { op: 'between', from: '20', to: '40.5' });
  await grid.expectRowsShown(products.filter((p) => between(p.price, '20', '40.5')).length, total);
  await grid.filter('Price', { op: 'between', from: '100', to: '' });
  await grid.expectRowsShown(products.filter((p) => compareMoney(p.price, '100') >= 0).length, total);
  await grid.clearFilter('Price');

  const noBin = products.filter((p) => p.bin_picking_number === '').length;
  expect(noBin).toBeGreaterThan(0);
  await grid.filter('Bin', { op: 'is empty' });
  await grid.expectRowsShown(noBin, total);
  await grid.filter('Bin', { op: 'is not empty' });
  await grid.expectRowsShown(total - noBin, total);
  await grid.clearFilter('Bin');

  // One of: two of the three tracking modes; the chips say what is filtered.
  await grid.filter('Inventory tracking', { op: 'is one of', values: ['none', 'variant'] });
  await grid.expectRowsShown(products.filter((p) => p.inventory_tracking !== 'product').length, total);
  await expect(grid.toolbar.getByText('Inventory tracking one of none, variant')).toBeVisible();
  await grid.filter('Visible', { op: 'is one of', values: ['false'] });
  await grid.expectRowsShown(products.filter((p) => p.inventory_tracking !== 'product' && !p.is_visible).length, total);
});

test('saved views are per store, one of them the default, and come back after a reload', async ({ shell, page }) => {
  const { products, grid } = await openProducts(page, shell);
  await grid.sortBy('Price');
  await grid.filter('Price', { op: 'between', to: '30' });
  await grid.setColumnShown('Weight', false);
  await grid.saveView('Cheap first');
  await grid.toolbar.getByRole('button', { name: 'Make default' }).click();
  await expect(grid.savedView.getByRole('option', { name: 'Cheap first (default)' })).toHaveCount(1);
  const cheap = products.filter((p) => compareMoney(p.price, '30') <= 0).length;

  await page.reload();
  await shell.goTo('Products');
  await grid.expectRowsShown(cheap, products.length);
  await expect(grid.header('Price')).toHaveAttribute('aria-sort', 'ascending');
  await expect(grid.header('Weight')).toHaveCount(0);
  await expect(grid.savedView).toHaveValue('Cheap first');

  // The other demo store has views of its own: none yet, the whole catalog in id order.
  const list = await rpc(page, 'stores.list', {});
  const other = list.stores.find((s) => s.id !== list.activeStoreId)!;
  await shell.switchStore(other.name);
  await rpc(page, 'catalog.sync', { storeId: other.id, mode: 'refresh' });
  await expect(grid.rowsShown).toHaveText(/^[\d,]+ rows$/);
  await expect(grid.savedView.getByRole('option', { name: /Cheap first/ })).toHaveCount(0);
  await expect(grid.header('Price')).toHaveAttribute('aria-sort', 'none');
});

test('a paste into a filtered view fills only the rows in view and says how many values had no row; the staged panel folds and resizes at 1024×700', async ({ shell, page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 700 });
  const { storeId, products, grid } = await openProducts(page, shell);
  const inView = products.filter((p) => p.inventory_tracking === 'none');
  expect(inView.length).toBeGreaterThan(2);
  await grid.filter('Inventory tracking', { op: 'is one of', values: ['none'] });
  await grid.expectRowsShown(inView.length, products.length);

  await grid.select(inView[0]!.sku, 'Price');
  const lines = Array.from({ length: inView.length + 3 }, (_, i) => `${500 + i}.50`);
  await grid.paste(`${lines.join('\r\n')}\r\n`);
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('3 pasted values (3 rows) had no row in this view and were not pasted');
  await grid.expectStaged(inView.length);
  const staged = (await rpc(page, 'staging.list', { storeId })).edits;
  // Exactly the rows in view, in view order; none of the rows the filter hides between them.
  expect(staged.map((e) => e.id).sort((a, b) => a - b)).toEqual(inView.map((p) => p.id));
  expect(compareMoney(String(staged.find((e) => e.id === inView[1]!.id)?.to), '501.50')).toBe(0);
  await expect(grid.cell(inView[1]!.sku, 'Price')).toHaveText('501.50');

  // The panel folds away and the grid takes the room; open again, it grows from its edge by keys.
  const panel = page.getByRole('region', { name: 'Staged changes' });
  const open = (await grid.grid.boundingBox())!.height;
  await panel.getByRole('button', { name: 'Hide staged changes' }).click();
  await expect(panel.getByRole('table', { name: 'Staged edits' })).toBeHidden();
  await expect.poll(async () => (await grid.grid.boundingBox())!.height).toBeGreaterThan(open + 100);
  await panel.getByRole('button', { name: 'Show staged changes' }).click();
  await expect(panel.getByRole('table', { name: 'Staged edits' })).toBeVisible();
  const separator = panel.getByRole('separator', { name: 'Resize staged changes' });
  const height = Number(await separator.getAttribute('aria-valuenow'));
  await separator.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(separator).toHaveAttribute('aria-valuenow', String(height + 48));
  await expect(grid.cell(inView[0]!.sku, 'Price')).toBeInViewport();
});

test('a column resized by dragging its header edge keeps the new width', async ({ shell, page }) => {
  test.setTimeout(120_000);
  const { products, grid } = await openProducts(page, shell);
  const before = (await grid.header('Name').boundingBox())!.width;
  await grid.resize('Name', 90);
  await expect.poll(async () => Math.round((await grid.header('Name').boundingBox())!.width - before)).toBeGreaterThanOrEqual(80);
  // The cells follow their header, and the width survives leaving the screen and coming back.
  const width = Math.round((await grid.header('Name').boundingBox())!.width);
  expect(Math.round((await grid.cell(products[0]!.sku, 'Name').boundingBox())!.width)).toBe(width);
  await shell.goTo('Activity');
  await shell.goTo('Products');
  await expect.poll(async () => Math.round((await grid.header('Name').boundingBox())!.width)).toBe(width);

});
