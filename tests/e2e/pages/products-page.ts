import { expect, type Locator, type Page } from '@playwright/test';

/** The Products screen: the grid, its toolbar and the rule dialog. */
export class ProductsPage {
  readonly grid: Locator;
  readonly toolbar: Locator;
  readonly ruleDialog: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Products' });
    this.toolbar = page.getByRole('toolbar', { name: 'Product actions' });
    this.ruleDialog = page.getByRole('dialog', { name: /^Rule over/ });
  }

  async columnIndex(label: string): Promise<number> {
    const labels = await this.grid.getByRole('columnheader').allInnerTexts();
    const index = labels.findIndex((l) => l.trim() === label);
    if (index < 0) throw new Error(`no column "${label}" in ${labels.join(', ')}`);
    return index;
  }

  /** The cell of the n-th data row on screen (0 = first) under a column header. */
  async cell(row: number, column: string): Promise<Locator> {
    return this.grid.getByRole('row').nth(row + 1).getByRole('gridcell').nth(await this.columnIndex(column));
  }

  /** The cell of the (rendered) row that has this SKU, under a column header. */
  async cellFor(sku: string, column: string): Promise<Locator> {
    const row = this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell', { name: sku, exact: true }) });
    return row.getByRole('gridcell').nth(await this.columnIndex(column));
  }

  /** Selects `count` cells of a column from the first data row down, by keyboard as a merchant would. */
  async selectColumnCells(column: string, count: number): Promise<void> {
    await (await this.cell(0, column)).click();
    for (let i = 1; i < count; i++) await this.page.keyboard.press('Shift+ArrowDown');
  }

  async typeInto(sku: string, column: string, text: string): Promise<void> {
    await (await this.cellFor(sku, column)).click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  async openRules(by: 'shortcut' | 'button' = 'shortcut'): Promise<Locator> {
    if (by === 'shortcut') await this.page.keyboard.press('Control+Shift+E');
    else await this.toolbar.getByRole('button', { name: 'Rules…' }).click();
    await expect(this.ruleDialog).toBeVisible();
    return this.ruleDialog;
  }

  /** Fills the rule dialog; the preview is read by the caller before staging. */
  async fillRule(rule: { kind: string; amount?: string; unit?: '%' | 'amount'; round?: string; from?: string }): Promise<void> {
    const d = this.ruleDialog;
    await d.getByRole('combobox', { name: 'Rule' }).selectOption({ label: rule.kind });
    if (rule.from) await d.getByRole('combobox', { name: 'From column' }).selectOption({ label: rule.from });
    if (rule.amount !== undefined) await d.getByRole('textbox', { name: rule.from ? 'Factor' : 'Amount' }).fill(rule.amount);
    if (rule.unit) await d.getByRole('combobox', { name: 'Unit' }).selectOption(rule.unit === '%' ? 'percent' : 'amount');
    if (rule.round) await d.getByRole('combobox', { name: 'Round prices to' }).selectOption({ label: rule.round });
  }

  preview(): Locator {
    return this.ruleDialog.getByRole('region', { name: 'Preview' });
  }

  async stageRule(changes: number): Promise<void> {
    await this.ruleDialog.getByRole('button', { name: `Stage ${changes} ${changes === 1 ? 'change' : 'changes'}` }).click();
    await expect(this.ruleDialog).toBeHidden();
  }
}
