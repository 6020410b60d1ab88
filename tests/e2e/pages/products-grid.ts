import type { Locator, Page } from '@playwright/test';

/**
 * The Products grid, by what a person reads on it: a row by its SKU, a column by its header.
 * The column is found by its columnheader's accessible name → aria-colindex, then the gridcell
 * with that aria-colindex in the row holding a gridcell with exactly that SKU. Any grid that
 * keeps those roles and indexes keeps this working.
 */
export class ProductsGrid {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('grid', { name: 'Products' });
  }

  row(sku: string): Locator {
    return this.root.getByRole('row').filter({ has: this.page.getByRole('gridcell', { name: sku, exact: true }) });
  }

  async cell(sku: string, column: string): Promise<Locator> {
    const header = this.root.getByRole('columnheader', { name: column, exact: true });
    const index = await header.getAttribute('aria-colindex');
    if (!index) throw new Error(`column "${column}" has no aria-colindex`);
    return this.row(sku).locator(`[role="gridcell"][aria-colindex="${index}"]`);
  }

  /** A staged cell says so to assistive technology (its accessible description). */
  async isStaged(cell: Locator): Promise<boolean> {
    return /\bstaged\b/.test((await cell.getAttribute('aria-description')) ?? '');
  }

  /** Select a cell, type a value and press Enter: the value is staged, not applied. */
  async type(sku: string, column: string, text: string): Promise<void> {
    await (await this.cell(sku, column)).click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Select from one cell to another (Shift+click), as for a fill-down or a paste. */
  async selectRange(from: Locator, to: Locator): Promise<void> {
    await from.click();
    await to.click({ modifiers: ['Shift'] });
  }

  /** A paste as Excel or Sheets makes it: text/plain on the clipboard event. */
  async paste(text: string): Promise<void> {
    await this.root.evaluate((grid, text) => {
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
}
