import { ApiError } from '../../http/errors';
import type { Ctx } from '../../http/router';
import type { OrderAddress, OrderRow, ShippingAddressRow } from '../../state/types';
import { isObject } from '../../model/validate';
import { STATUS_BY_ID } from '../../model/order-statuses';
import { parseDateParam } from '../../util/dates';

/** V2 400 body for a field the API refuses to write (wording from the orders spec example). */
export function readOnly(field: string): ApiError {
  const message = `The field '${field}' cannot be written to. Please remove it from your request before trying again.`;
  return new ApiError(400, message, { message });
}

export function v2Invalid(message: string): ApiError {
  return new ApiError(400, message, { message });
}

const ADDRESS_FIELDS = ['first_name', 'last_name', 'company', 'street_1', 'street_2', 'city', 'state', 'zip', 'country', 'country_iso2', 'phone', 'email'] as const;
const EXTRA_FIELDS = [
  'payment_provider_id', 'ip_address_v6', 'geoip_country', 'geoip_country_iso2', 'external_source', 'external_merchant_id',
  'external_order_id', 'order_source', 'customer_locale', 'tax_provider_id', 'ebay_order_id',
];
/** Writable in the spec but not modelled by the demo store (it would have to re-price the order). */
const UNSUPPORTED = new Set([
  'products', 'consignments', 'fees', 'base_handling_cost', 'base_shipping_cost', 'base_wrapping_cost', 'discount_amount',
  'handling_cost_ex_tax', 'handling_cost_inc_tax', 'items_shipped', 'items_total', 'order_is_digital', 'refunded_amount',
  'shipping_cost_ex_tax', 'shipping_cost_inc_tax', 'subtotal_ex_tax', 'subtotal_inc_tax', 'total_ex_tax', 'total_inc_tax',
  'wrapping_cost_ex_tax', 'wrapping_cost_inc_tax', 'default_currency_code',
]);
const SIMPLE = new Set(['is_deleted', 'status_id', 'customer_id', 'billing_address', 'customer_message', 'staff_notes', 'payment_method', 'ip_address', 'channel_id', 'date_created', 'shipping_addresses', ...EXTRA_FIELDS]);

export function mergeAddress<T extends OrderAddress>(a: T, patch: Record<string, unknown>, label: string): T {
  const out = { ...a };
  for (const k of ADDRESS_FIELDS) {
    if (patch[k] === undefined) continue;
    if (typeof patch[k] !== 'string') throw v2Invalid(`${label}.${k} must be a string.`);
    (out as OrderAddress)[k] = patch[k] as string;
  }
  return out;
}

function str(body: Record<string, unknown>, key: string): string {
  if (typeof body[key] !== 'string') throw v2Invalid(`The field '${key}' must be a string.`);
  return body[key] as string;
}

/** Validate a PUT /orders/{id} body and return the patched order (not yet stored). */
export function patchOrder(ctx: Ctx, prev: OrderRow, body: unknown): OrderRow {
  if (!isObject(body)) throw v2Invalid('The request body must be a JSON object.');
  for (const k of Object.keys(body)) {
    if (UNSUPPORTED.has(k)) throw v2Invalid(`The demo store does not support updating '${k}' on an existing order.`);
    if (!SIMPLE.has(k)) throw readOnly(k);
  }
  const next: OrderRow = { ...prev, extra: { ...prev.extra } };
  if (body.status_id !== undefined) {
    if (typeof body.status_id !== 'number' || !STATUS_BY_ID.has(body.status_id)) throw v2Invalid('The status_id is not a valid order status.');
    next.status_id = body.status_id;
  }
  if (body.customer_id !== undefined) {
    if (typeof body.customer_id !== 'number' || (body.customer_id !== 0 && !ctx.store.db.customers.has(body.customer_id))) {
      throw v2Invalid('The customer_id does not match an existing customer.');
    }
    next.customer_id = body.customer_id;
  }
  if (body.billing_address !== undefined) {
    if (!isObject(body.billing_address)) throw v2Invalid('billing_address must be an object.');
    next.billing_address = mergeAddress(prev.billing_address, body.billing_address, 'billing_address');
  }
  for (const k of ['customer_message', 'staff_notes', 'payment_method', 'ip_address'] as const) if (body[k] !== undefined) next[k] = str(body, k);
  for (const k of EXTRA_FIELDS) if (body[k] !== undefined) next.extra[k] = body[k] === null ? null : String(body[k]);
  if (body.channel_id !== undefined) next.channel_id = Number(body.channel_id);
  if (body.date_created !== undefined) {
    const ms = parseDateParam(str(body, 'date_created'));
    if (Number.isNaN(ms)) throw v2Invalid('date_created must be an RFC-2822 date.');
    next.created_ms = ms;
  }
  if (body.is_deleted !== undefined) {
    // The spec: `is_deleted: true` in a PUT "has the same result as the DELETE an order request"; false restores ([unverified]).
    if (typeof body.is_deleted !== 'boolean') throw v2Invalid('is_deleted must be true or false.');
    next.is_deleted = body.is_deleted;
  }
  if (body.shipping_addresses !== undefined) next.shipping_addresses = patchShippingAddresses(prev, body.shipping_addresses);
  return next;
}

function patchShippingAddresses(prev: OrderRow, raw: unknown): ShippingAddressRow[] {
  if (!Array.isArray(raw)) throw v2Invalid('shipping_addresses must be an array.');
  const out = [...prev.shipping_addresses];
  for (const item of raw) {
    const i = isObject(item) ? out.findIndex((a) => a.id === item.id) : -1;
    if (i < 0 || !isObject(item)) throw v2Invalid('Each shipping address needs the id of an existing order address.');
    out[i] = mergeAddress(out[i], item, 'shipping_addresses');
    if (typeof item.shipping_method === 'string') out[i] = { ...out[i], shipping_method: item.shipping_method };
  }
  return out;
}

/** Store the order and emit updated / statusUpdated webhooks. */
export function saveOrder(ctx: Ctx, prev: OrderRow | undefined, next: OrderRow): OrderRow {
  const row = ctx.tx.put('orders', { ...next, modified_ms: Math.floor(ctx.now / 1000) * 1000 });
  if (!prev) return row;
  ctx.tx.emit('store/order/updated', { type: 'order', id: row.id });
  if (!prev.is_deleted && row.is_deleted) ctx.tx.emit('store/order/archived', { type: 'order', id: row.id });
  if (prev.status_id !== row.status_id) {
    ctx.tx.emit('store/order/statusUpdated', {
      type: 'order', id: row.id, status: { previous_status_id: prev.status_id, new_status_id: row.status_id },
    });
  }
  return row;
}

export function requireOrder(ctx: Ctx): OrderRow {
  const o = ctx.store.db.orders.get(Number(ctx.params.order_id));
  if (!o) throw new ApiError(404, 'The requested resource was not found.');
  return o;
}
