import { expect, type Locator, type Page } from '@playwright/test';
import { ProductsGridPage } from './products-grid';

/** The Products grid plus its bulk-editing tools: the Rules… button, its shortcut and the rule dialog. */
export class ProductsPage extends ProductsGridPage {
  readonly ruleDialog: Locator;

  constructor(page: Page) {
    super(page);
    this.ruleDialog = page.getByRole('dialog', { name: /^Rule over/ });
  }

  /** Selects `count` cells of a column from a row down, by keyboard as a merchant would. */
  async selectDown(sku: string, column: string, count: number): Promise<void> {
    await this.select(sku, column);
    for (let i = 1; i < count; i++) await this.page.keyboard.press('Shift+ArrowDown');
  }

  async openRules(by: 'shortcut' | 'button' = 'shortcut'): Promise<Locator> {
    if (by === 'shortcut') await this.page.keyboard.press('Control+Shift+E');
    else await this.page.getByRole('button', { name: 'Rules…' }).click();
    await expect(this.ruleDialog).toBeVisible();
    return this.ruleDialog;
  }

  /** Fills the rule dialog; the caller reads the preview before staging. */
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
