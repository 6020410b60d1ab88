import { expect, type Locator, type Page } from '@playwright/test';

/** The add/edit store dialog. */
export class StoreDialog {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog');
  }

  async fill(values: { name?: string; storeHash?: string; token?: string; apiOrigin?: string }): Promise<void> {
    if (values.name !== undefined) await this.root.getByLabel('Name').fill(values.name);
    if (values.storeHash !== undefined) await this.root.getByLabel('Store hash').fill(values.storeHash);
    if (values.token !== undefined) await this.root.getByLabel('Access token').fill(values.token);
    if (values.apiOrigin !== undefined) {
      await this.root.getByText('Advanced').click();
      await this.root.getByLabel('API origin').fill(values.apiOrigin);
    }
  }

  async testConnection(): Promise<Locator> {
    await this.root.getByRole('button', { name: 'Test connection' }).click();
    const result = this.root.getByRole('status', { name: 'Connection test result' });
    await expect(result.or(this.error)).toBeVisible();
    return result;
  }

  get error(): Locator {
    return this.root.getByRole('alert');
  }

  async submit(label: 'Add store' | 'Save'): Promise<void> {
    await this.root.getByRole('button', { name: label }).click();
  }
}
