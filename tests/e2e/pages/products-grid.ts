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
  readonly toolbar: Locator;
  /** "2,000 rows" or "12 of 2,000 rows". */
  readonly rowsShown: Locator;
  readonly savedView: Locator;

  /**
   * `name`: the grid's accessible name; other screens' grids (Comparison, Customers) are driven the
   * same way. `gridId`: the screen's grid id, which names its toolbar ("customers tools").
   */
  constructor(readonly page: Page, readonly name = 'Products', gridId = 'products') {
    this.grid = page.getByRole('grid', { name });
    this.staged = page.getByRole('region', { name: 'Staged changes' });
    this.quickFilter = page.getByRole('searchbox', { name: 'Quick filter' });
    this.toolbar = page.getByRole('toolbar', { name: `${gridId} tools` });
    this.rowsShown = this.toolbar.getByRole('status', { name: 'Rows shown' });
    this.savedView = this.toolbar.getByRole('combobox', { name: 'Saved view' });
  }

  async expectRowsShown(shown: number, total: number): Promise<void> {
    const n = (v: number) => v.toLocaleString('en-US');
    await expect(this.rowsShown).toHaveText(shown === total ? `${n(total)} rows` : `${n(shown)} of ${n(total)} rows`);
  }

  /** The column headers rendered now, left to right (pinned first), by accessible name. */
  async headers(): Promise<string[]> {
    const names = await this.grid.getByRole('columnheader').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    return names.filter((name) => name !== 'Row');
  }

  /** A column's menu (filter, move, pin, hide), opened by its ⋮ button. */
  async openColumnMenu(column: string): Promise<Locator> {
    if (!(await this.header(column).isVisible())) await this.reveal(column);
    await this.header(column).hover();
    await this.header(column).getByRole('button', { name: `${column} column options` }).click();
    const menu = this.columnMenu(column);
    await expect(menu).toBeVisible();
    return menu;
  }

  columnMenu(column: string): Locator {
    return this.page.getByRole('dialog', { name: `${column} column` });
  }

  /** Sets a column's filter from its menu. */
  async filter(column: string, filter: { op: string; text?: string; from?: string; to?: string; values?: string[] }): Promise<void> {
    const menu = await this.openColumnMenu(column);
    await menu.getByRole('combobox', { name: `${column} filter` }).selectOption({ label: filter.op });
    if (filter.text !== undefined) await menu.getByRole('textbox', { name: `${column} filter text` }).fill(filter.text);
    // By label: a date column's from/to are date pickers, which have no textbox role.
    if (filter.from !== undefined) await menu.getByLabel(`${column} from`, { exact: true }).fill(filter.from);
    if (filter.to !== undefined) await menu.getByLabel(`${column} to`, { exact: true }).fill(filter.to);
    for (const value of filter.values ?? []) await menu.getByRole('checkbox', { name: value, exact: true }).check();
    await menu.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect(menu).toBeHidden();
  }

  async clearFilter(column: string): Promise<void> {
    await this.toolbar.getByRole('button', { name: `Clear ${column} filter` }).click();
  }

  /** Shows or hides a column from the toolbar's Columns list. */
  async setColumnShown(column: string, shown: boolean): Promise<void> {
    const toggle = this.toolbar.getByRole('button', { name: 'Columns', exact: true });
    await toggle.click();
    const list = this.page.getByRole('dialog', { name: 'Columns' });
    await list.getByRole('checkbox', { name: column, exact: true }).setChecked(shown);
    await toggle.click();
    await expect(list).toBeHidden();
  }

  /** Drags a header's right edge by `dx` pixels. */
  async resize(column: string, dx: number): Promise<void> {
    const box = (await this.header(column).boundingBox())!;
    const x = box.x + box.width - 1;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    // One move per painted frame, as a hand drags: the grid re-renders the header between moves.
    for (let step = 1; step <= 6; step++) {
      await this.page.mouse.move(x + (dx * step) / 6, y);
      await this.nextFrames();
    }
    await this.page.mouse.up();
  }

  /** Drags a column's header onto another's: it takes that column's place. */
  async dragColumn(column: string, onto: string): Promise<void> {
    await this.header(column).getByText(column, { exact: true }).dragTo(this.header(onto));
  }

  /** Saves the current columns, sort and filters under a name (the browser's prompt asks for it). */
  async saveView(name: string): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept(name));
    await this.toolbar.getByRole('button', { name: 'Save view…' }).click();
    await expect(this.savedView).toHaveValue(name);
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
      await this.nextFrames();
    }
    throw new Error(`no column "${column}" in the ${this.name} grid`);
  }

  /** Waits two painted frames. */
  async nextFrames(): Promise<void> {
    await this.page.evaluate(() => new Promise((resolve) => {
      const raf = (globalThis as unknown as { requestAnimationFrame(cb: () => void): void }).requestAnimationFrame;
      raf(() => raf(() => resolve(null)));
    }));
  }

  async select(sku: string, column: string, options: { shift?: boolean } = {}): Promise<void> {
    if (!(await this.header(column).isVisible())) await this.reveal(column);
    await this.cell(sku, column).click(options.shift ? { modifiers: ['Shift'] } : {});
  }

  /** Presses the mouse on one cell and releases it on another, passing over the cells between. */
  async drag(from: { sku: string; column: string }, to: { sku: string; column: string }): Promise<void> {
    const a = (await this.cell(from.sku, from.column).boundingBox())!;
    const b = (await this.cell(to.sku, to.column).boundingBox())!;
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
    await this.page.mouse.up();
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

  /**
   * The SKU of the first row the user sees: rows are rendered a little beyond the view, so this is
   * the first one whose middle is below the (sticky) header, not the first in the DOM.
   */
  async firstVisibleSku(): Promise<string> {
    return this.grid.evaluate((grid) => {
      type El = { getBoundingClientRect(): { top: number; bottom: number }; getAttribute(name: string): string | null; textContent: string | null; querySelector(s: string): El | null; querySelectorAll(s: string): El[] };
      const root = grid as unknown as El;
      const header = root.querySelector('[role="columnheader"][aria-label="SKU"]');
      if (!header) throw new Error('no SKU column');
      const below = header.getBoundingClientRect().bottom;
      const col = header.getAttribute('aria-colindex');
      const rows = [...root.querySelectorAll('[role="row"]')].filter((row) => row.querySelector('[role="gridcell"]'));
      rows.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      const first = rows.find((row) => {
        const r = row.getBoundingClientRect();
        return (r.top + r.bottom) / 2 > below;
      });
      return first?.querySelector(`[role="gridcell"][aria-colindex="${col}"]`)?.textContent?.trim() ?? '';
    });
  }

  /** Scrolls the grid's rows down by this many pixels, as the mouse wheel does, and waits for the paint. */
  async scrollRows(by: number): Promise<void> {
    await this.grid.evaluate((grid, by) => (grid as unknown as { scrollBy(o: { top: number }): void }).scrollBy({ top: by }), by);
    await this.nextFrames();
    // As a hand would: act once the grid has settled (its row elements then hold their final rows).
    await expect(this.grid).not.toHaveAttribute('data-scrolling', /.*/);
  }

  /**
   * Scrolls the rows down by `moves[i]` pixels in animation frame i (a fling: the same large move
   * every frame), then waits for the grid to settle. For each frame after the first move: the cells
   * of the column headers and the fewest cells any rendered row had (rows show the columns of their
   * header when fully painted).
   */
  async scrollFrames(moves: readonly number[]): Promise<Array<{ headers: number; fewest: number }>> {
    const seen = await this.grid.evaluate(
      (grid, moves) =>
        new Promise<Array<{ headers: number; fewest: number }>>((resolve) => {
          type El = { scrollTop: number; querySelectorAll(s: string): El[]; querySelector(s: string): El | null };
          const root = grid as unknown as El;
          const raf = (globalThis as unknown as { requestAnimationFrame(cb: () => void): void }).requestAnimationFrame;
          const out: Array<{ headers: number; fewest: number }> = [];
          let moved = false;
          const count = (row: El) => row.querySelectorAll('[role="gridcell"], [role="rowheader"], [role="columnheader"]').length;
          const step = () => {
            if (out.length > 0 || moved) {
              const rows = [...root.querySelectorAll('[role="row"]')];
              const header = rows.find((r) => r.querySelector('[role="columnheader"]'));
              const body = rows.filter((r) => r.querySelector('[role="gridcell"]') && r !== header);
              out.push({ headers: header ? count(header) : 0, fewest: Math.min(...body.map(count)) });
            }
            if (out.length >= moves.length) return resolve(out);
            root.scrollTop += moves[out.length] ?? 0;
            moved = true;
            raf(step);
          };
          raf(step);
        }),
      moves,
    );
    await this.nextFrames();
    await expect(this.grid).not.toHaveAttribute('data-scrolling', /.*/);
    return seen;
  }

  /** The cell the keyboard is on (the grid's active descendant). */
  async expectActiveCell(sku: string, column: string): Promise<void> {
    const cell = this.cell(sku, column);
    await expect(cell).toHaveAttribute('aria-selected', 'true');
    await expect(this.grid).toHaveAttribute('aria-activedescendant', (await cell.getAttribute('id')) ?? 'missing id');
  }

  /** Whether a cell holds a staged edit (its accessible description says so, as a screen reader hears it). */
  async isStaged(cell: Locator): Promise<boolean> {
    return /\bstaged\b/.test((await cell.getAttribute('aria-description')) ?? '');
  }

  async expectStaged(count: number): Promise<void> {
    await expect(this.staged).toContainText(count === 0 ? 'nothing staged' : `${count.toLocaleString('en-US')} ${count === 1 ? 'change' : 'changes'}`);
  }
}
