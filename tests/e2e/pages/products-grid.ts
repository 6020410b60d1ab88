import { expect, type Locator, type Page } from '@playwright/test';

const quote = (text: string) => (text.includes('"') ? `concat("${text.split('"').join(`", '"', "`)}")` : `"${text}"`);

/**
 * The Products grid, driven as a user would: rows are found by their SKU, columns by their header's
 * name. The grid renders only what is in view, so a row must be on screen (see `show`).
 */
export class ProductsGridPage {
  readonly grid: Locator;
  readonly staged: Locator;
  readonly quickFilter: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Products' });
    this.staged = page.getByRole('region', { name: 'Staged changes' });
    this.quickFilter = page.getByRole('searchbox', { name: 'Quick filter' });
  }

  /** The row holding a gridcell with exactly this SKU (a product's or a variant's). */
  row(sku: string): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell', { name: sku, exact: true }) });
  }

  /**
   * The cell of a row (by SKU) in a column (by its header's accessible name): the header's
   * aria-colindex names the cell, whatever the column order, pinning or hidden columns.
   */
  cell(sku: string, column: string): Locator {
    const header = `ancestor::*[@role="grid"][1]//*[@role="columnheader"][@aria-label=${quote(column)}]/@aria-colindex`;
    return this.grid.locator(`xpath=.//*[@role="row"][*[@role="gridcell"][normalize-space(.)=${quote(sku)}]]/*[@role="gridcell"][@aria-colindex=${header}]`);
  }

  /** The notes under a row's cells (a refusal, a job's word, the store's newer value). */
  notes(sku: string): Locator {
    return this.row(sku).getByRole('note');
  }

  header(column: string): Locator {
    return this.grid.getByRole('columnheader', { name: column, exact: true });
  }

  /** Narrows the grid to rows matching the text (the quick filter), so they are on screen. */
  async show(text: string): Promise<void> {
    await this.quickFilter.fill(text);
  }

  /**
   * Scrolls the grid sideways until a column is rendered (only the columns in view are), as a user
   * scrolls to a column; pinned columns such as SKU stay in view.
   */
  async reveal(column: string): Promise<void> {
    await this.grid.evaluate((grid) => grid.scrollTo({ left: 0 }));
    for (let step = 0; step < 30; step++) {
      if (await this.header(column).isVisible()) return;
      await this.grid.evaluate((grid) => grid.scrollBy({ left: grid.clientWidth / 2 }));
      // Two frames: the grid renders the newly scrolled-in columns on scroll.
      await this.page.evaluate(() => new Promise((resolve) => {
        const raf = (globalThis as unknown as { requestAnimationFrame(cb: () => void): void }).requestAnimationFrame;
        raf(() => raf(() => resolve(null)));
      }));
    }
    throw new Error(`no column "${column}" in the Products grid`);
  }

  async select(sku: string, column: string, options: { shift?: boolean } = {}): Promise<void> {
    if (!(await this.header(column).isVisible())) await this.reveal(column);
    await this.cell(sku, column).click(options.shift ? { modifiers: ['Shift'] } : {});
  }

  /** Types a value into a cell and commits it with Enter. */
  async type(sku: string, column: string, text: string): Promise<void> {
    await this.select(sku, column);
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  async expand(sku: string): Promise<void> {
    await this.row(sku).getByRole('button', { name: 'Expand' }).click();
  }

  /** Sorts by a column (Shift adds it to the current sort). */
  async sortBy(column: string, options: { add?: boolean } = {}): Promise<void> {
    await this.header(column).hover();
    await this.header(column).getByRole('button', { name: `Sort by ${column}` }).click(options.add ? { modifiers: ['Shift'] } : {});
  }

  /** A paste as Excel or Sheets makes it: text/plain on the clipboard event. */
  async paste(text: string): Promise<void> {
    await this.grid.evaluate((grid, text) => {
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

  /** The SKUs of the product rows in view, top to bottom. */
  async skus(): Promise<string[]> {
    return this.grid.locator(`xpath=.//*[@role="row"]/*[@role="gridcell"][@aria-colindex=ancestor::*[@role="grid"][1]//*[@role="columnheader"][@aria-label="SKU"]/@aria-colindex]`).allInnerTexts();
  }

  /** Whether a cell holds a staged edit (its accessible description says so, as a screen reader hears it). */
  async isStaged(cell: Locator): Promise<boolean> {
    return /\bstaged\b/.test((await cell.getAttribute('aria-description')) ?? '');
  }

  async expectStaged(count: number): Promise<void> {
    await expect(this.staged).toContainText(count === 0 ? 'nothing staged' : `${count.toLocaleString('en-US')} ${count === 1 ? 'change' : 'changes'}`);
  }
}
