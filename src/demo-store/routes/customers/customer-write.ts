import { ApiError, TYPE_URL } from '../../http/errors';
import type { Ctx } from '../../http/router';
import type { AddressRow, CustomerRow } from '../../state/types';
import { isoDate } from '../../util/dates';
import { roundMoney } from '../../util/money';
import { isObject, pickWritable, validateFields, type Rules } from '../../model/validate';

const s = (maxLength?: number, minLength?: number) => ({ type: 'string' as const, maxLength, minLength });
export const CUSTOMER_RULES: Rules = {
  email: s(250, 3), first_name: s(100, 1), last_name: s(100, 1), company: s(255), phone: s(50), notes: s(),
  tax_exempt_category: s(255), customer_group_id: { type: 'integer', min: 0 }, registration_ip_address: s(30),
  accepts_product_review_abandoned_cart_emails: { type: 'boolean' }, origin_channel_id: { type: 'integer' },
  channel_ids: { type: 'array', items: 'integer' }, addresses: { type: 'array', items: 'object' },
  authentication: { type: 'object' }, store_credit_amounts: { type: 'array', items: 'object' },
  attributes: { type: 'array', items: 'object' }, form_fields: { type: 'array', items: 'object' },
  trigger_account_created_notification: { type: 'boolean' },
};
const ADDRESS_RULES: Rules = {
  first_name: s(255, 1), last_name: s(255, 1), company: s(255), address1: s(), address2: s(), city: s(100),
  state_or_province: s(100), postal_code: s(30), country_code: s(2, 2), phone: s(50),
  address_type: { type: 'string', enum: ['residential', 'commercial'] },
};
const ADDRESS_REQUIRED = ['first_name', 'last_name', 'address1', 'city', 'state_or_province', 'postal_code', 'country_code'];
const COUNTRIES: Record<string, string> = {
  US: 'United States', DE: 'Germany', NL: 'Netherlands', AT: 'Austria', FR: 'France', IT: 'Italy', ES: 'Spain', GB: 'United Kingdom', CA: 'Canada',
};
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Collects per-item errors of a customer batch so the whole batch is refused with one 422. */
export class BatchErrors {
  readonly errors: Record<string, string> = {};
  add(errs: Record<string, string>): void {
    Object.assign(this.errors, errs);
  }
  throwIfAny(title: string, key: string, message: string): void {
    if (Object.keys(this.errors).length === 0) return;
    throw new ApiError(422, title, { errors: { [key]: message, ...this.errors }, type: TYPE_URL });
  }
}

/** Validate one customer of a batch; `claimed` holds emails taken by earlier items. */
export function prepareCustomer(ctx: Ctx, body: unknown, i: number, create: boolean, claimed: Map<string, number>, errs: BatchErrors): Partial<CustomerRow> & { rawAddresses?: unknown[] } {
  if (!isObject(body)) {
    errs.add({ [`${i}`]: 'Each customer must be an object.' });
    return {};
  }
  const e = validateFields(body, CUSTOMER_RULES, create ? ['email', 'first_name', 'last_name'] : ['id'], `${i}.`);
  if (!create && (typeof body.id !== 'number' || !ctx.store.db.customers.has(body.id))) e[`${i}.id`] = `Customer ${String(body.id)} was not found.`;
  const id = create ? -1 - i : (body.id as number);
  if (typeof body.email === 'string') {
    if (!EMAIL_RE.test(body.email)) e[`${i}.email`] = 'email must be a valid email address.';
    const owner = ctx.store.db.emails.get(body.email) ?? claimed.get(body.email.toLowerCase());
    if (owner !== undefined && owner !== id) e[`${i}.email`] = `The email address ${body.email} is already in use by another customer.`;
    claimed.set(body.email.toLowerCase(), id);
  }
  if (typeof body.customer_group_id === 'number' && body.customer_group_id !== 0 && !ctx.store.db.groups.has(body.customer_group_id)) {
    e[`${i}.customer_group_id`] = `Customer group ${body.customer_group_id} does not exist.`;
  }
  if (create && Array.isArray(body.addresses)) {
    if (body.addresses.length > 10) e[`${i}.addresses`] = 'A customer can be created with at most 10 addresses.';
    body.addresses.forEach((a, j) => Object.assign(e, validateFields(isObject(a) ? a : {}, ADDRESS_RULES, ADDRESS_REQUIRED, `${i}.addresses.${j}.`)));
  }
  errs.add(e);
  const f = pickWritable<CustomerRow>(body, CUSTOMER_RULES) as Partial<CustomerRow> & { rawAddresses?: unknown[] };
  delete (f as Record<string, unknown>).addresses;
  if (create && Array.isArray(body.addresses)) f.rawAddresses = body.addresses;
  if (Array.isArray(body.store_credit_amounts) && isObject(body.store_credit_amounts[0])) {
    f.store_credit = roundMoney(Number(body.store_credit_amounts[0].amount ?? 0));
  }
  return f;
}

export function newAddress(ctx: Ctx, customerId: number, raw: Record<string, unknown>): AddressRow {
  const code = String(raw.country_code ?? '').toUpperCase();
  const f = pickWritable<AddressRow>(raw, ADDRESS_RULES);
  return {
    id: ctx.tx.counter('address'), customer_id: customerId, first_name: '', last_name: '', company: '', address1: '', address2: '',
    city: '', state_or_province: '', postal_code: '', phone: '', address_type: 'residential', ...f, country_code: code,
    country: COUNTRIES[code] ?? code,
  };
}

export function createCustomer(ctx: Ctx, f: Partial<CustomerRow> & { rawAddresses?: unknown[] }): CustomerRow {
  const id = ctx.tx.newId('customers');
  const { rawAddresses, ...fields } = f;
  const now = Math.floor(ctx.now / 1000) * 1000;
  const row: CustomerRow = {
    id, email: '', first_name: '', last_name: '', company: '', phone: '', notes: '', tax_exempt_category: '',
    customer_group_id: 0, registration_ip_address: '', date_created: isoDate(now), date_modified: isoDate(now), created_ms: now,
    modified_ms: now, accepts_product_review_abandoned_cart_emails: false, origin_channel_id: 1, channel_ids: null,
    store_credit: 0, ...fields, addresses: [],
  };
  row.addresses = (rawAddresses ?? []).filter(isObject).map((a) => newAddress(ctx, id, a));
  ctx.tx.put('customers', row);
  ctx.tx.emit('store/customer/created', { type: 'customer', id });
  return row;
}

/** Sub-resources (addresses, attributes) are not updatable through PUT /customers (spec). */
export function updateCustomer(ctx: Ctx, prev: CustomerRow, f: Partial<CustomerRow> & { rawAddresses?: unknown[] }): CustomerRow {
  const { rawAddresses: _a, ...fields } = f;
  const now = Math.floor(ctx.now / 1000) * 1000;
  const row = ctx.tx.put('customers', { ...prev, ...fields, id: prev.id, addresses: prev.addresses, date_modified: isoDate(now), modified_ms: now });
  ctx.tx.emit('store/customer/updated', { type: 'customer', id: row.id });
  return row;
}
