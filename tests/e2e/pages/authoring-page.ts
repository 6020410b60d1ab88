import { expect, type Locator, type Page } from '@playwright/test';
import { ProductsGridPage } from './products-grid';

export interface NewProductInput {
  name: string;
  sku: string;
  price: string;
  weight?: string;
  stock?: string;
  /** Option name and its values, one variant per value. */
  option?: { name: string; values: string };
}

/** The Products grid's New product / New variants / Delete tools and the Catalog changes panel. */
export class AuthoringPage extends ProductsGridPage {
  readonly changes: Locator;
  readonly productDialog: Locator;

  constructor(page: Page) {
    super(page);
    this.changes = page.getByRole('region', { name: 'Catalog changes' });
    this.productDialog = page.getByRole('dialog', { name: 'New product' });
  }

  /** Sorts by ID, newest first: what a job creates comes to the top of the grid. */
  async sortNewestFirst(): Promise<void> {
    const button = this.header('ID').getByRole('button', { name: 'Sort by ID' });
    // A numeric column sorts descending first.
    await this.sortBy('ID');
    await expect(button).toHaveText('▼');
  }

  async openNewProduct(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'New product…' }).click();
    await expect(this.productDialog).toBeVisible();
    return this.productDialog;
  }

  async fillNewProduct(input: NewProductInput): Promise<void> {
    const d = this.productDialog;
    await d.getByRole('textbox', { name: 'Name' }).fill(input.name);
    await d.getByRole('textbox', { name: 'SKU', exact: true }).fill(input.sku);
    await d.getByRole('textbox', { name: /^Price( \([A-Z]{3}\))?$/ }).fill(input.price);
    if (input.weight) await d.getByRole('textbox', { name: 'Weight' }).fill(input.weight);
    if (input.stock) await d.getByRole('textbox', { name: 'Stock', exact: true }).fill(input.stock);
    if (input.option) {
      await d.getByRole('button', { name: 'Add an option' }).click();
      const option = d.getByRole('group', { name: 'Option 1' });
      await option.getByRole('textbox', { name: 'Option name' }).fill(input.option.name);
      await option.getByRole('textbox', { name: 'Values' }).fill(input.option.values);
    }
  }

  /** A variant's input in the new-variants table, e.g. ('Price', 'M'). */
  variantInput(dialog: Locator, column: string, variant: string): Locator {
    return dialog.getByRole('textbox', { name: `${column} of ${variant}`, exact: true });
  }

  async stageNewProduct(): Promise<void> {
    await this.productDialog.getByRole('button', { name: 'Stage new product' }).click();
    await expect(this.productDialog).toBeHidden();
  }

  /** Selects the rows (by SKU) and opens Delete; returns the confirmation dialog. */
  async openDelete(...skus: string[]): Promise<Locator> {
    await this.select(skus[0]!, 'Name');
    for (const sku of skus.slice(1)) await this.select(sku, 'Name', { shift: true });
    await this.page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Delete / });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async expectCatalogStaged(count: number): Promise<void> {
    await expect(this.changes.getByRole('status').first()).toHaveText(count === 0 ? 'nothing staged' : `${count} staged`, { timeout: 20_000 });
  }

  async applyChanges(): Promise<void> {
    await this.changes.getByRole('button', { name: 'Review and apply catalog changes…' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Apply: / });
    await dialog.getByRole('button', { name: /^Apply \d+ catalog changes?$/ }).click();
    await expect(dialog).toBeHidden();
  }

  lastJob(): Locator {
    return this.changes.getByLabel('Last catalog job');
  }

  async expectLastJob(title: string, status: string): Promise<void> {
    await expect(this.lastJob()).toContainText(`${title}: ${status}`, { timeout: 30_000 });
  }

  /** The quick-entry row at the grid's end. */
  newRow(): Locator {
    return this.page.getByRole('row', { name: 'New product', exact: true });
  }

  newRowInput(column: string): Locator {
    return this.newRow().getByRole('textbox', { name: `New product: ${column}`, exact: true });
  }

  /** Types a product into the new row and presses Enter (staging it, or showing why not). */
  async typeNewRow(input: { name: string; sku: string; price: string; stock?: string }): Promise<void> {
    await this.newRowInput('Name').fill(input.name);
    await this.newRowInput('SKU').fill(input.sku);
    await this.newRowInput('Price').fill(input.price);
    if (input.stock !== undefined) await this.newRowInput('Stock').fill(input.stock);
    await this.newRowInput('Price').press('Enter');
  }

  /** The message the new row shows beside a cell. */
  newRowProblem(): Locator {
    return this.newRow().getByRole('note');
  }

  /** A staged create shown in the grid as a pending row. */
  pendingRow(label: string | RegExp): Locator {
    return this.page.getByRole('grid', { name: 'Products' }).getByRole('row', { name: label });
  }
}
