import { expect, type Locator, type Page } from '@playwright/test';

/** The Webhooks screen: hooks table, create form, receiver panel, live events. */
export class WebhooksPage {
  readonly hooks: Locator;
  readonly createForm: Locator;
  readonly receiver: Locator;
  readonly events: Locator;
  readonly inactiveAlert: Locator;

  constructor(readonly page: Page) {
    this.hooks = page.getByRole('table', { name: 'Webhooks' });
    this.createForm = page.getByRole('form', { name: 'New webhook' });
    this.receiver = page.getByRole('region', { name: 'Stockroom’s receiver' });
    this.events = page.getByRole('list', { name: 'Live events' });
    this.inactiveAlert = page.getByRole('alert').filter({ hasText: 'inactive' });
  }

  row(scope: string): Locator {
    return this.hooks.getByRole('row').filter({ has: this.page.getByRole('cell', { name: scope, exact: true }) });
  }

  async create(scope: string, options: { headers?: string } = {}): Promise<void> {
    await this.createForm.getByLabel('Scope').selectOption(scope);
    await this.createForm.getByRole('radio', { name: /Stockroom’s receiver/ }).check();
    if (options.headers) await this.createForm.getByLabel('Custom headers').fill(options.headers);
    await this.createForm.getByRole('button', { name: 'Create webhook' }).click();
    await expect(this.row(scope)).toBeVisible();
  }

  async toggle(scope: string, action: 'Activate' | 'Deactivate'): Promise<void> {
    await this.row(scope).getByRole('button', { name: `${action} ${scope} webhook` }).click();
  }

  async delete(scope: string): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.row(scope).getByRole('button', { name: `Delete ${scope} webhook` }).click();
    await expect(this.row(scope)).toHaveCount(0);
  }

  /** The receiver's address as the screen shows it. */
  async receiverUrl(): Promise<string> {
    const text = await this.receiver.getByText(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\//).first().textContent();
    return text!.trim();
  }
}
