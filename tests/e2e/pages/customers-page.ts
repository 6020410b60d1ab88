import { expect, type Locator, type Page } from '@playwright/test';
import { ProductsGridPage } from './products-grid';

const quote = (text: string) => (text.includes('"') ? `concat("${text.split('"').join(`", '"', "`)}")` : `"${text}"`);

export interface NewCustomerInput {
  firstName?: string;
  lastName?: string;
  email?: string;
  company?: string;
  group?: string;
}

/**
 * The Customers screen, driven as a user would: rows are found by their email, columns by their
 * header's name; the toolbar's Assign to group, the New customer form and the Groups dialog.
 */
export class CustomersPage {
  readonly grid: Locator;
  readonly panel: Locator;
  readonly quickFilter: Locator;
  readonly form: Locator;
  readonly groupsDialog: Locator;
  /** The shared grid's own controls (column filters, rows shown), as on every screen. */
  readonly tools: ProductsGridPage;

  constructor(readonly page: Page) {
    this.tools = new ProductsGridPage(page, 'Customers', 'customers');
    this.grid = page.getByRole('grid', { name: 'Customers' });
    this.panel = page.getByLabel('Customers cache');
    this.quickFilter = page.getByRole('searchbox', { name: 'Quick filter' });
    this.form = page.getByRole('dialog', { name: 'New customer' });
    this.groupsDialog = page.getByRole('dialog', { name: 'Customer groups' });
  }

  /** Loads the customers the first time (or finds them cached) and waits for the grid. */
  async load(): Promise<void> {
    const load = this.panel.getByRole('button', { name: 'Load customers' });
    if (await load.isVisible()) await load.click();
    await expect(this.panel.getByText(/customers ·/)).toBeVisible({ timeout: 60_000 });
    await expect(this.grid).toBeVisible();
  }

  row(email: string): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell', { name: email, exact: true }) });
  }

  /** The cell of a customer (by email) in a column (by its header's accessible name). */
  cell(email: string, column: string): Locator {
    const header = `ancestor::*[@role="grid"][1]//*[@role="columnheader"][@aria-label=${quote(column)}]/@aria-colindex`;
    return this.grid.locator(`xpath=.//*[@role="row"][*[@role="gridcell"][normalize-space(.)=${quote(email)}]]/*[@role="gridcell"][@aria-colindex=${header}]`);
  }

  async show(text: string): Promise<void> {
    await this.quickFilter.fill(text);
  }

  /** Selects a block from one customer's cell to another's (Shift+click), by email. */
  async selectRange(fromEmail: string, toEmail: string): Promise<void> {
    await this.cell(fromEmail, 'Email').click();
    await this.cell(toEmail, 'Email').click({ modifiers: ['Shift'] });
  }

  async assignToGroup(group: string): Promise<void> {
    await this.page.getByRole('toolbar', { name: 'customers tools' }).getByRole('button', { name: 'Assign…' }).click();
    await this.page.getByRole('combobox', { name: 'Group to assign' }).selectOption({ label: group });
    await this.page.getByRole('button', { name: 'Assign to group' }).click();
  }

  async openNewCustomer(): Promise<void> {
    await this.panel.getByRole('button', { name: 'New customer…' }).click();
    await expect(this.form).toBeVisible();
  }

  /** Fills the New customer form (only the fields given) and submits it. */
  async submitNewCustomer(input: NewCustomerInput): Promise<void> {
    const fill = async (label: string, value: string | undefined) => value !== undefined && (await this.form.getByRole('textbox', { name: label, exact: true }).fill(value));
    await fill('First name', input.firstName);
    await fill('Last name', input.lastName);
    await fill('Email', input.email);
    await fill('Company', input.company);
    if (input.group) await this.form.getByRole('combobox', { name: 'Customer group' }).selectOption({ label: input.group });
    await this.form.getByRole('button', { name: 'Create customer' }).click();
  }

  /** The message shown under a form field (its accessible description). */
  fieldError(label: string): Locator {
    return this.form.getByRole('textbox', { name: label, exact: true });
  }

  async openGroups(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Groups…' }).click();
    await expect(this.groupsDialog).toBeVisible();
  }

  groupRow(name: string): Locator {
    return this.groupsDialog.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  async createGroup(name: string): Promise<void> {
    await this.groupsDialog.getByRole('textbox', { name: 'New group' }).fill(name);
    await this.groupsDialog.getByRole('button', { name: 'Create group' }).click();
    await expect(this.groupRow(name)).toBeVisible();
  }

  /** Renames a group in the Groups dialog (its Rename button, a new name, Enter). */
  async renameGroup(from: string, to: string): Promise<void> {
    await this.groupsDialog.getByRole('button', { name: `Rename ${from}` }).click();
    await this.groupsDialog.getByRole('textbox', { name: `New name for ${from}` }).fill(to);
    await this.page.keyboard.press('Enter');
    await expect(this.groupRow(to)).toBeVisible();
  }

  /** Deletes a group, accepting the confirmation; resolves to what the confirmation said. */
  async deleteGroup(name: string): Promise<string> {
    const asked = new Promise<string>((resolve) => {
      this.page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.accept();
      });
    });
    await this.groupsDialog.getByRole('button', { name: `Delete ${name}` }).click();
    const message = await asked;
    await expect(this.groupRow(name)).toHaveCount(0);
    return message;
  }

  async closeDialog(): Promise<void> {
    await this.page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  }
}
