import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { StagedPanel } from './pages/staged-panel';
import { rpc } from './support/rpc';

/** A paste as Excel or Sheets makes it: text/plain on the clipboard event. */
async function paste(page: Page, text: string) {
  await page.getByRole('grid', { name: 'Products' }).evaluate((grid, text) => {
    // Runs in the page; the test project's types have no DOM, so the two constructors are named here.
    const dom = globalThis as unknown as {
      DataTransfer: new () => { setData(type: string, value: string): void };
      ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean }) => Event;
    };
    const data = new dom.DataTransfer();
    data.setData('text/plain', text);
    grid.dispatchEvent(new dom.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('the product grid stages typed, pasted and filled-down values; bad cells are refused; Apply writes them', async ({ shell, page }) => {
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  const { products } = await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: 3 });
  await shell.goTo('Products');
  const grid = page.getByRole('grid', { name: 'Products' });
  const cell = (row: number, col: number) => grid.getByRole('row').nth(row).getByRole('gridcell').nth(col);
  const staged = page.getByRole('region', { name: 'Staged changes' });
  await expect(cell(1, 0)).toHaveText(String(products[0]!.id));

  // Type a price into the first row (columns: ID, SKU, Name, Price, Sale price, Stock, Bin, Visible).
  await cell(1, 3).click();
  await page.keyboard.type('12.34');
  await page.keyboard.press('Enter');
  await expect(staged).toContainText('1 change');
  await expect(cell(1, 3)).toHaveText('12.34');

  // Fill it down over the next two rows (Ctrl+D).
  await cell(1, 3).click();
  await cell(3, 3).click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+d');
  await expect(staged).toContainText('3 changes');
  await expect(cell(3, 3)).toHaveText('12.34');

  // One value pasted over a selected block of stock cells fills it; a bad one is refused, cell by cell.
  await cell(1, 5).click();
  await cell(3, 5).click({ modifiers: ['Shift'] });
  await paste(page, '7\r\n');
  await expect(staged).toContainText('6 changes');
  await cell(1, 6).click();
  await paste(page, 'A-1\r\nB-2\r\n');
  await expect(staged).toContainText('8 changes');
  await cell(1, 5).click();
  await paste(page, 'lots\r\n');
  await expect(page.getByRole('alert').filter({ hasText: '"lots" is not a whole number' })).toBeVisible();
  await expect(staged).toContainText('8 changes');
  await expect(cell(1, 5)).toHaveText('7');

  // Escape leaves a cell as it was: nothing staged.
  await cell(2, 2).click();
  await page.keyboard.type('Renamed');
  await page.keyboard.press('Escape');
  await expect(cell(2, 2)).toHaveText(products[1]!.name);
  await cell(1, 1).click(); // the grid keeps working after a cancelled edit
  await expect(staged).toContainText('8 changes');

  // 12.34 is far below two of the old prices: the review asks to confirm.
  await new StagedPanel(page).apply('Grid edits', { confirmWarnings: true });
  await expect(staged).toContainText('nothing staged', { timeout: 15_000 });
  const after = (await rpc(page, 'catalog.listProducts', { storeId, ids: products.map((p) => p.id) })).products;
  expect(after.map((p) => [p.price, p.inventory_level])).toEqual(products.map(() => ['12.34', 7]));
  expect(after.slice(0, 2).map((p) => p.bin_picking_number)).toEqual(['A-1', 'B-2']);
});
