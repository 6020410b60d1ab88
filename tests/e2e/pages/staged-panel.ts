import { expect, type Locator, type Page } from '@playwright/test';

/** The staged-changes review panel and its Apply dialog. */
export class StagedPanel {
  readonly panel: Locator;
  readonly list: Locator;
  readonly applyDialog: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Staged changes' });
    this.list = this.panel.getByRole('table', { name: 'Staged edits' });
    this.applyDialog = page.getByRole('dialog', { name: /^Apply \d+ changes? to / });
  }

  async expectCount(count: number): Promise<void> {
    await expect(this.panel.getByRole('status')).toHaveText(count === 0 ? 'nothing staged' : new RegExp(`^${count} changes?\\b`), { timeout: 20_000 });
  }

  /** The list row of a product (by name) and column label. */
  row(name: string, column: string): Locator {
    return this.list.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) }).filter({ has: this.page.getByRole('cell', { name: column, exact: true }) });
  }

  async openReview(): Promise<Locator> {
    await this.panel.getByRole('button', { name: 'Review and apply…' }).click();
    await expect(this.applyDialog).toBeVisible();
    return this.applyDialog;
  }

  /** Review, confirm any warnings, and start the job. */
  async apply(title: string, options: { confirmWarnings?: boolean } = {}): Promise<void> {
    const dialog = await this.openReview();
    if (options.confirmWarnings) await dialog.getByRole('checkbox', { name: 'Apply these anyway' }).check();
    await dialog.getByRole('textbox', { name: 'Job name' }).fill(title);
    await dialog.getByRole('button', { name: /^Apply \d+ changes?$/ }).click();
    await expect(this.applyDialog).toBeHidden();
  }
}
