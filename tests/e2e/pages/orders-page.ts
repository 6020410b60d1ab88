import { expect, type Locator, type Page } from '@playwright/test';

const quote = (text: string) => (text.includes('"') ? `concat("${text.split('"').join(`", '"', "`)}")` : `"${text}"`);

/**
 * The Orders screen, driven as a user would: orders are found by their number (the pinned Order
 * column), columns by their header's name, narrowed with the screen's own filters.
 */
export class OrdersPage {
  readonly grid: Locator;
  readonly cachePanel: Locator;
  readonly statuses: Locator;
  readonly drawer: Locator;
  readonly shipDialog: Locator;
  readonly statusDialog: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Orders' });
    this.cachePanel = page.getByLabel('Orders cache');
    this.statuses = page.getByRole('group', { name: 'Statuses' });
    this.drawer = page.getByRole('complementary', { name: /^Order #\d+$/ });
    this.shipDialog = page.getByRole('dialog', { name: /^Ship / });
    this.statusDialog = page.getByRole('dialog', { name: /^Change the status of / });
  }

  /** Loads the orders into the local cache the first time (a refresh after that). */
  async load(): Promise<void> {
    const load = this.cachePanel.getByRole('button', { name: 'Load orders' });
    await expect(load.or(this.cachePanel.getByRole('button', { name: 'Refresh' }))).toBeVisible();
    if (await load.isVisible()) await load.click();
    await expect(this.cachePanel.getByText(/orders · loaded/)).toBeVisible({ timeout: 60_000 });
  }

  /** Asks the store for what changed since the last load, and waits until the load has ended. */
  async refresh(): Promise<void> {
    await this.cachePanel.getByRole('button', { name: 'Refresh' }).click();
    await expect(this.page.getByRole('status', { name: 'Orders load progress' })).toBeHidden({ timeout: 60_000 });
    await expect(this.cachePanel.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  }

  /** The status choices of the Change status dialog, as the store names them (opens and closes it). */
  async statusChoices(): Promise<string[]> {
    await this.page.getByRole('button', { name: 'Change status…' }).click();
    const choices = await this.statusDialog.getByRole('combobox', { name: 'New status' }).locator('option').allTextContents();
    await this.statusDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(this.statusDialog).toBeHidden();
    return choices;
  }

  async toggleStatus(name: string): Promise<void> {
    await this.statuses.getByRole('button', { name, exact: true }).click();
  }

  /** Narrows the grid to orders first..last with the API's own id filter (More filters). */
  async showIds(first: number, last: number): Promise<void> {
    const more = this.page.getByRole('button', { name: /^More filters/ });
    if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
    await this.page.getByRole('textbox', { name: 'Order from' }).fill(String(first));
    await this.page.getByRole('textbox', { name: 'Order to' }).fill(String(last));
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear filters' }).click();
  }

  /** The cell of an order (by number) in a column (by header name), whatever the column order. */
  cell(orderId: number, column: string): Locator {
    const header = `ancestor::*[@role="grid"][1]//*[@role="columnheader"][@aria-label=${quote(column)}]/@aria-colindex`;
    const orderCol = `ancestor::*[@role="grid"][1]//*[@role="columnheader"][@aria-label="Order"]/@aria-colindex`;
    return this.grid.locator(`xpath=.//*[@role="row"][*[@role="gridcell"][@aria-colindex=${orderCol}][normalize-space(.)="${orderId}"]]/*[@role="gridcell"][@aria-colindex=${header}]`);
  }

  /** Selects orders first..last as they stand in the grid (a click, then a Shift-click). */
  async select(first: number, last = first): Promise<void> {
    await this.cell(first, 'Order').click();
    if (last !== first) await this.cell(last, 'Order').click({ modifiers: ['Shift'] });
    const n = await this.page.getByRole('status', { name: 'Selected orders' }).textContent();
    expect(n).toMatch(/orders? selected$/);
  }

  async openDetails(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Details', exact: true }).click();
    await expect(this.drawer.getByRole('region', { name: 'Items' })).toBeVisible({ timeout: 30_000 });
    return this.drawer;
  }

  /** Stages the selected orders' move to a status (by the store's name for it). */
  async changeStatus(status: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Change status…' }).click();
    await this.statusDialog.getByRole('combobox', { name: 'New status' }).selectOption({ label: status });
    await this.statusDialog.getByRole('button', { name: /^Stage \d+ changes?$/ }).click();
    await expect(this.statusDialog).toBeHidden();
  }

  /** Opens the drawer's shipment dialog and fills what is common to every shipment. */
  async startShipment(fields: { trackingNumber: string; provider: string }): Promise<Locator> {
    await this.drawer.getByRole('button', { name: 'Ship items…' }).click();
    await expect(this.shipDialog).toBeVisible();
    await this.shipDialog.getByRole('textbox', { name: 'Tracking number' }).fill(fields.trackingNumber);
    await this.shipDialog.getByRole('combobox', { name: 'Shipping provider' }).selectOption({ label: fields.provider });
    return this.shipDialog;
  }

  quantityToShip(skuOrName: string): Locator {
    return this.shipDialog.getByRole('textbox', { name: `Quantity to ship of ${skuOrName}` });
  }
}
