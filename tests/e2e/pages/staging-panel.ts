import { expect, type Locator, type Page } from '@playwright/test';

/** The Staged changes panel under the Products grid. */
export class StagingPanel {
  readonly root: Locator;
  readonly edits: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Staged changes' });
    this.edits = this.root.getByRole('table', { name: 'Staged edits' });
  }

  /** "nothing staged", "1 change", "3 changes". */
  async expectCount(text: string, timeout?: number): Promise<void> {
    await expect(this.root).toContainText(text, timeout === undefined ? undefined : { timeout });
  }

  /** A staged edit's row, by its key `entity:id:field`. */
  edit(index: number): Locator {
    return this.edits.getByRole('row').nth(index + 1);
  }

  async discard(key: string): Promise<void> {
    await this.root.getByRole('button', { name: `Discard ${key}` }).click();
  }

  /** Apply every ready edit as a job named `title` (answers the title prompt). */
  async apply(title: string): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept(title));
    await this.root.getByRole('button', { name: /^Apply / }).click();
  }
}
