import { expect, type Locator, type Page } from '@playwright/test';
import { ProductsGridPage } from './products-grid';

/** The Compare screen: which stores and SKUs, the comparison grid, and the Copy form. */
export class ComparePage {
  readonly form: Locator;
  readonly summary: Locator;
  readonly grid: ProductsGridPage;
  readonly copy: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Compare stores' });
    this.summary = page.getByRole('status').filter({ hasText: /^\d[\d,]* SKUs?\b/ });
    this.grid = new ProductsGridPage(page, 'Comparison', 'compare');
    this.copy = page.getByRole('form', { name: 'Copy between stores' });
  }

  /** Compares these stores (by name); SKUs empty = every SKU they share. */
  async compare(stores: readonly string[], skus: readonly string[] = []): Promise<void> {
    for (const box of await this.form.getByRole('checkbox').all()) {
      const label = (await box.locator('xpath=..').textContent()) ?? '';
      const wanted = stores.some((name) => label.includes(name));
      if ((await box.isChecked()) !== wanted) await box.click();
    }
    await this.form.getByRole('textbox', { name: 'SKUs' }).fill(skus.join('\n'));
    await this.form.getByRole('button', { name: 'Compare' }).click();
  }

  async expectRows(count: number): Promise<void> {
    await expect(this.summary).toContainText(`${count} ${count === 1 ? 'SKU' : 'SKUs'}`);
  }

  async selectAll(): Promise<void> {
    await this.grid.grid.getByRole('button', { name: 'Select all cells' }).click();
  }

  /** Fills the Copy form (From, To, fields, factor) and returns its submit button. */
  async fillCopy(options: { from: string; to: string; price?: boolean; stock?: boolean; factor?: string }): Promise<Locator> {
    await this.copy.getByRole('combobox', { name: 'From', exact: true }).selectOption({ label: options.from });
    await this.copy.getByRole('combobox', { name: 'To', exact: true }).selectOption({ label: options.to });
    await this.copy.getByRole('checkbox', { name: 'Price' }).setChecked(options.price ?? false);
    await this.copy.getByRole('checkbox', { name: 'Stock' }).setChecked(options.stock ?? false);
    if (options.factor !== undefined) await this.copy.getByLabel(/^Price factor/).fill(options.factor);
    return this.copy.getByRole('button', { name: /^Stage \d+ SKUs? on / });
  }
}
