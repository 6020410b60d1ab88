import { expect, type Locator, type Page } from '@playwright/test';

/** The Pick lists screen: what to print (document, orders, paper) and the preview of what prints. */
export class PrintPage {
  readonly options: Locator;
  readonly preview: Locator;
  readonly pickList: Locator;
  readonly packingSlips: Locator;
  readonly orderNumbers: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.options = page.getByRole('group', { name: 'Print options' });
    this.preview = page.getByRole('region', { name: 'Print preview' });
    this.pickList = this.preview.getByRole('article', { name: 'Pick list document' });
    this.packingSlips = this.preview.getByRole('article', { name: 'Packing slips document' });
    this.orderNumbers = this.options.getByRole('textbox', { name: 'Order numbers' });
    this.summary = page.locator('.print-actions').getByText(/orders? ·|packing slips?|Building…/);
  }

  async chooseDocument(name: 'Pick list' | 'Packing slips'): Promise<void> {
    await this.options.getByRole('radio', { name }).click();
    await expect(this.options.getByRole('radio', { name })).toHaveAttribute('aria-checked', 'true');
  }

  /** Types the order numbers and waits until the preview shows the document built for them. */
  async useOrders(ids: readonly number[]): Promise<void> {
    await this.orderNumbers.fill(ids.join(', '));
    await this.options.getByRole('button', { name: 'Use these orders' }).click();
    await expect(this.options.getByText(`${ids.length} chosen orders`)).toBeVisible();
    await this.settled();
  }

  /** After printing: moves the document's orders to a status (a bulk job; Activity has its Undo). */
  async moveOrdersTo(status: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'After printing' });
    await form.getByLabel('Then move to').selectOption({ label: status });
    await form.getByRole('button', { name: /^Move \d+ orders?$/ }).click();
    await expect(this.page.getByText(/progress and Undo in Activity/)).toBeVisible();
  }

  /** The "then move to" picker: its choices and the one chosen, as the store names them. */
  async moveChoices(): Promise<{ choices: string[]; chosen: string }> {
    const picker = this.page.getByRole('form', { name: 'After printing' }).getByLabel('Then move to');
    return { choices: await picker.locator('option').allTextContents(), chosen: (await picker.locator('option:checked').textContent()) ?? '' };
  }

  /** The statuses whose orders are printed (the summary of the status choice). */
  statusScope(): Locator {
    return this.options.locator('summary', { hasText: /^Statuses:/ });
  }

  async setPaper(paper: 'A4' | 'Letter'): Promise<void> {
    await this.options.getByLabel('Paper').selectOption(paper);
  }

  async settled(): Promise<void> {
    await expect(this.preview).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  }

  /** The page printed as the browser prints it (print media, the document's own @page size). */
  async pdf(): Promise<Buffer> {
    return this.page.pdf({ preferCSSPageSize: true, printBackground: true });
  }
}
