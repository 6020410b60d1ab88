import { describe, expect, it } from 'vitest';
import type { CustomerRowData } from '../../../../shared/contract';
import { AppError } from '../../../../shared/rpc';
import { customerRows, patchCustomerRows } from '../../api/customer-rows';
import { indexCatalog, nameHeaders, formatStaged, rowName } from '../staging/review';
import { dateTime, groupIdText, groupText, type GroupLookup } from './customer-columns';
import { checkDraft, createErrors, EMPTY_DRAFT } from './new-customer';

const groups: GroupLookup = { names: new Map([[1, 'Retail'], [2, 'Wholesale']]), options: ['Retail', 'Wholesale'] };
const customer = (id: number, extra: Partial<CustomerRowData> = {}): CustomerRowData => ({
  id, first_name: 'Ada', last_name: `L${id}`, email: `ada${id}@example.com`, company: '', phone: '', customer_group_id: 1, notes: '',
  tax_exempt_category: '', accepts_product_review_abandoned_cart_emails: false, store_credit: '0.00', date_created: '2025-03-05T14:07:00+00:00',
  date_modified: '2025-03-05T14:07:00+00:00', ...extra,
});

describe('the Customer group column', () => {
  it('shows names for ids and reads names, "No group" or ids back as ids', () => {
    expect([groupText(groups, 2), groupText(groups, 0), groupText(groups, 9)]).toEqual(['Wholesale', 'No group', 'Group #9']);
    expect([groupIdText(groups, ' wholesale '), groupIdText(groups, 'No group'), groupIdText(groups, '#2'), groupIdText(groups, '7')]).toEqual(['2', '0', '2', '7']);
    // A word that names no group goes through as typed, so the integer field refuses it.
    expect(groupIdText(groups, 'Gold')).toBe('gold');
  });

  it('dates read as sortable local "YYYY-MM-DD HH:mm", so "contains 2025-03" finds a month', () => {
    expect(dateTime('2025-03-05T14:07:00Z')).toMatch(/^2025-03-0[45] \d\d:\d\d$/);
    expect(dateTime('')).toBe('');
  });
});

describe('the New customer form', () => {
  it('checks required fields and the email before sending', () => {
    const result = checkDraft({ ...EMPTY_DRAFT, last_name: 'Hopper', email: 'grace@' });
    expect(result).toEqual({ errors: { first_name: 'First name is required.', email: 'Enter an email address such as name@example.com.' } });
  });

  it('sends only what was filled in, trimmed, with the group as a number', () => {
    expect(checkDraft({ ...EMPTY_DRAFT, first_name: ' Grace ', last_name: 'Hopper', email: 'g@example.com', customer_group_id: '2' })).toEqual({
      customer: { first_name: 'Grace', last_name: 'Hopper', email: 'g@example.com', customer_group_id: 2, accepts_product_review_abandoned_cart_emails: false },
    });
  });

  it("puts the store's 422 and main's validation on their fields, anything else on the form", () => {
    expect(createErrors(new AppError('VALIDATION', 'taken', { fields: { email: 'The email address is already in use.' } }))).toEqual({ email: 'The email address is already in use.' });
    expect(createErrors(new AppError('VALIDATION', 'bad', { issues: [{ path: ['customer', 'phone'], message: 'Phone must be at most 50 characters.' }] }))).toEqual({ phone: 'Phone must be at most 50 characters.' });
    expect(createErrors(new AppError('NETWORK', 'The store did not answer.'))).toEqual({ form: 'The store did not answer.' });
  });
});

describe('customer rows in the query cache', () => {
  it('replaces changed rows in place and rebuilds the list for a new row', () => {
    const current = customerRows([customer(1), customer(3)]);
    const rows = current.rows;
    const patched = patchCustomerRows(current, { storeId: 's', entity: 'customer', rows: [customer(3, { customer_group_id: 2 })], cause: { kind: 'job', jobId: 'j' } });
    expect(patched.rows).toBe(rows);
    expect(patched.version).toBe(1);
    expect(patched.rows[1]!.customer_group_id).toBe(2);
    const grown = patchCustomerRows(patched, { storeId: 's', entity: 'customer', rows: [customer(2)], cause: { kind: 'call', method: 'customers.create' } });
    expect(grown.rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(grown.version).toBe(2);
  });
});

describe('the review names customers, not ids', () => {
  const index = indexCatalog([], { customers: { rows: [customer(5, { first_name: 'Grace', last_name: 'Hopper' })], groups: groups.names } });
  it('by name and email, and group ids by group name', () => {
    expect(rowName({ entity: 'customer', id: 5 }, index)).toEqual({ name: 'Grace Hopper', sku: 'ada5@example.com' });
    expect(rowName({ entity: 'customer', id: 6 }, index).name).toBe('Customer #6');
    expect(formatStaged('customer', 'customer_group_id', 2, 2, index)).toBe('Wholesale');
    expect(formatStaged('customer', 'customer_group_id', 0, 2, index)).toBe('No group');
    expect(nameHeaders([{ entity: 'customer' }])).toEqual(['Customer', 'Email']);
    expect(nameHeaders([{ entity: 'customer' }, { entity: 'product' }])).toEqual(['Item', 'Email / SKU']);
    expect(nameHeaders([{ entity: 'order' }, { entity: 'variant' }])).toEqual(['Item', 'Customer / SKU']);
    expect(nameHeaders([{ entity: 'order' }])).toEqual(['Order', 'Customer']);
    expect(nameHeaders([{ entity: 'product' }])).toEqual(['Product', 'SKU']);
  });
});
