import Big from 'big.js';
import type { CustomerRowData } from '../../../shared/contract';
import { BigCommerceError } from '../bigcommerce';
import { moneyFromApi } from '../catalog';

/** Cached rows are shared with every reader: never mutated, replaced whole. */
export type CustomerRow = Readonly<CustomerRowData>;

type Json = Record<string, unknown>;

function shapeError(field: string, value: unknown): BigCommerceError {
  return new BigCommerceError({
    code: 'BAD_RESPONSE',
    message: `Unexpected customer data: ${field} is ${JSON.stringify(value) ?? 'undefined'}.`,
    method: 'GET',
    path: '/v3/customers',
  });
}

const text = (c: Json, field: string): string => {
  const v = c[field];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw shapeError(field, v);
  return v;
};

/** `store_credit_amounts` ([{amount}], `include=storecredit`) summed exactly, with the store's places. */
function storeCredit(value: unknown, decimalPlaces: number): string {
  if (value === undefined || value === null) return moneyFromApi(0, decimalPlaces);
  if (!Array.isArray(value)) throw shapeError('store_credit_amounts', value);
  let sum = new Big(0);
  for (const item of value) {
    const amount = (item as Json | null)?.amount;
    if (typeof amount !== 'number' && typeof amount !== 'string') throw shapeError('store_credit_amounts.amount', amount);
    sum = sum.plus(new Big(amount));
  }
  return moneyFromApi(sum.toFixed(), decimalPlaces);
}

/** Customers V3 JSON → a grid row; a field of the wrong type fails the sync (the cache is kept). */
export function normalizeCustomer(raw: unknown, decimalPlaces: number): CustomerRow {
  const c = (raw ?? {}) as Json;
  if (typeof c.id !== 'number' || !Number.isInteger(c.id) || c.id <= 0) throw shapeError('id', c.id);
  const group = c.customer_group_id ?? 0;
  if (typeof group !== 'number' || !Number.isInteger(group) || group < 0) throw shapeError('customer_group_id', group);
  return {
    id: c.id,
    first_name: text(c, 'first_name'),
    last_name: text(c, 'last_name'),
    email: text(c, 'email'),
    company: text(c, 'company'),
    phone: text(c, 'phone'),
    customer_group_id: group,
    notes: text(c, 'notes'),
    tax_exempt_category: text(c, 'tax_exempt_category'),
    accepts_product_review_abandoned_cart_emails: c.accepts_product_review_abandoned_cart_emails === true,
    store_credit: storeCredit(c.store_credit_amounts, decimalPlaces),
    date_created: text(c, 'date_created'),
    date_modified: text(c, 'date_modified'),
  };
}
