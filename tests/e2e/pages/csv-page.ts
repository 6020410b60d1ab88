import { expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** The Products toolbar's CSV export and import, and the import preview. */
export class CsvPage {
  readonly exportDialog: Locator;
  readonly importDialog: Locator;

  constructor(readonly page: Page) {
    this.exportDialog = page.getByRole('dialog', { name: 'Export the view as CSV' });
    this.importDialog = page.getByRole('dialog', { name: /^Import / });
  }

  /** Exports the grid's view with Stockroom's or BigCommerce's headers; resolves to the file's text (BOM included). */
  async exportView(headers: 'Stockroom' | 'BigCommerce'): Promise<{ name: string; text: string }> {
    await this.page.getByRole('button', { name: 'Export CSV…' }).click();
    await expect(this.exportDialog).toBeVisible();
    await this.exportDialog.getByRole('radio', { name: headers === 'Stockroom' ? /Stockroom’s column names/ : /BigCommerce’s product-export names/ }).check();
    const download = this.page.waitForEvent('download');
    await this.exportDialog.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
  }

  /** Picks a file with the Import… button's file picker and waits for the preview. */
  async importFile(name: string, text: string): Promise<void> {
    await this.page.getByLabel('Import a CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    await expect(this.importDialog).toBeVisible();
    await expect(this.section('Matched')).toBeVisible({ timeout: 30_000 });
  }

  /** Drops a file onto the Products grid, as from a file manager, and waits for the preview. */
  async dropFile(name: string, text: string): Promise<void> {
    const grid = this.page.getByRole('grid', { name: 'Products' });
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, text }) => {
        // Runs in the page: the tests' types are Node's, without the DOM's.
        const dom = globalThis as unknown as {
          DataTransfer: new () => { items: { add(file: unknown): void } };
          File: new (parts: string[], name: string, options: { type: string }) => unknown;
        };
        const transfer = new dom.DataTransfer();
        transfer.items.add(new dom.File([text], name, { type: 'text/csv' }));
        return transfer;
      },
      { name, text },
    );
    await grid.dispatchEvent('dragover', { dataTransfer });
    await grid.dispatchEvent('drop', { dataTransfer });
    await expect(this.importDialog).toBeVisible();
    await expect(this.section('Matched')).toBeVisible({ timeout: 30_000 });
  }

  /** A section of the preview: Matched, Unmatched, Invalid or Skipped rows. */
  section(name: 'Matched' | 'Unmatched' | 'Invalid' | 'Skipped'): Locator {
    return this.importDialog.getByRole('region', { name: `${name} rows`, exact: true });
  }

  async stage(changes: number): Promise<void> {
    await this.importDialog.getByRole('button', { name: `Stage ${changes} ${changes === 1 ? 'change' : 'changes'}` }).click();
    await expect(this.importDialog).toBeHidden();
  }
}
