import Big from 'big.js';
import type { Ctx } from '../../http/router';
import type { OrderAddress, OrderProductRow, OrderRow, ShippingAddressRow } from '../../state/types';
import { isObject } from '../../model/validate';
import { lineMoney, orderTotals, taxOn } from '../../model/order-math';
import { orderProductOptions } from '../../model/order-lines';
import { STATUS_BY_ID } from '../../model/order-statuses';
import { variantCalculatedPrice } from '../../model/product';
import { roundMoney } from '../../util/money';
import { mergeAddress, v2Invalid } from './order-write';

const EMPTY_ADDRESS: OrderAddress = {
  first_name: '', last_name: '', company: '', street_1: '', street_2: '', city: '', state: '', zip: '', country: '', country_iso2: '', phone: '', email: '',
};

function money(v: unknown, label: string): number {
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw v2Invalid(`${label} must be a non-negative amount.`);
  return roundMoney(n);
}

/** Build one order line from a catalog product (optionally a variant) or a custom line. */
function buildLine(ctx: Ctx, item: unknown, i: number, orderId: number, addressId: number, lineId: number): OrderProductRow {
  const db = ctx.store.db;
  if (!isObject(item)) throw v2Invalid(`products[${i}] must be an object.`);
  const quantity = item.quantity;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) throw v2Invalid(`products[${i}].quantity must be a positive integer.`);
  const rate = ctx.store.profile.taxRate;
  if (item.product_id === undefined || item.product_id === 0) {
    if (typeof item.name !== 'string' || item.price_ex_tax === undefined) throw v2Invalid(`products[${i}] needs product_id, or name and price_ex_tax for a custom product.`);
    const unit = money(item.price_ex_tax, `products[${i}].price_ex_tax`);
    return {
      id: lineId, order_id: orderId, product_id: 0, variant_id: 0, order_address_id: addressId, name: item.name,
      sku: typeof item.sku === 'string' ? item.sku : '', upc: '', type: 'physical', bin_picking_number: '', brand: '',
      ...lineMoney(unit, rate), base_cost_price: 0, quantity, quantity_shipped: 0, weight: 0, product_options: [],
    };
  }
  const p = typeof item.product_id === 'number' ? db.products.get(item.product_id) : undefined;
  if (!p) throw v2Invalid(`products[${i}].product_id does not match a product.`);
  const variants = db.variantsOf(p.id);
  let v = typeof item.variant_id === 'number' ? variants.find((x) => x.id === item.variant_id) : undefined;
  if (!v && Array.isArray(item.product_options)) {
    const wanted = item.product_options.filter(isObject).map((po) => Number(po.value));
    v = variants.find((x) => x.option_values.length === wanted.length && x.option_values.every((ov) => wanted.includes(ov.id)));
  }
  if (!v && variants.length === 1) v = variants[0];
  if (!v) throw v2Invalid(`products[${i}] needs variant_id or product_options that select one variant.`);
  const unit = item.price_ex_tax !== undefined ? money(item.price_ex_tax, `products[${i}].price_ex_tax`) : variantCalculatedPrice(v, p);
  return {
    id: lineId, order_id: orderId, product_id: p.id, variant_id: v.id, order_address_id: addressId, name: p.name, sku: v.sku,
    upc: v.upc ?? '', type: p.type, bin_picking_number: v.bin_picking_number || p.bin_picking_number,
    brand: db.brands.get(p.brand_id)?.name ?? '', ...lineMoney(unit, rate), base_cost_price: v.cost_price ?? p.cost_price,
    quantity, quantity_shipped: 0, weight: v.weight ?? p.weight,
    product_options: orderProductOptions(db, v, lineId, () => ctx.tx.counter('orderProductOption')),
  };
}

/** POST /orders: requires billing_address and products; status defaults to Pending (1). */
export function createOrder(ctx: Ctx, body: unknown): OrderRow {
  if (!isObject(body)) throw v2Invalid('The request body must be a JSON object.');
  if (!isObject(body.billing_address)) throw v2Invalid('The field billing_address is required.');
  if (!Array.isArray(body.products) || body.products.length === 0) throw v2Invalid('The field products is required.');
  const status = body.status_id ?? 1;
  if (typeof status !== 'number' || !STATUS_BY_ID.has(status)) throw v2Invalid('The status_id is not a valid order status.');
  const customerId = body.customer_id ?? 0;
  if (typeof customerId !== 'number' || (customerId !== 0 && !ctx.store.db.customers.has(customerId))) throw v2Invalid('The customer_id does not match an existing customer.');
  const billing = mergeAddress(EMPTY_ADDRESS, body.billing_address, 'billing_address');
  const shipRaw = Array.isArray(body.shipping_addresses) && isObject(body.shipping_addresses[0]) ? body.shipping_addresses[0] : undefined;
  const shipAddr = shipRaw ? mergeAddress(EMPTY_ADDRESS, shipRaw, 'shipping_addresses') : billing;
  const orderId = Math.max(ctx.tx.newId('orders'), 100);
  const addressId = ctx.tx.counter('orderAddress');
  const firstLine = ctx.store.db.orderProducts.peekNextId();
  const lines = body.products.map((item, i) => buildLine(ctx, item, i, orderId, addressId, firstLine + i));
  const shippingEx = body.shipping_cost_ex_tax !== undefined ? money(body.shipping_cost_ex_tax, 'shipping_cost_ex_tax') : 0;
  const shippingTax = ctx.store.profile.currency === 'USD' ? 0 : taxOn(shippingEx, ctx.store.profile.taxRate);
  const totals = orderTotals(lines, shippingEx, shippingTax, 0);
  const shipTo: ShippingAddressRow = {
    ...shipAddr, id: addressId, order_id: orderId, items_total: totals.items_total, items_shipped: 0,
    shipping_method: typeof shipRaw?.shipping_method === 'string' ? shipRaw.shipping_method : 'Standard Shipping',
    base_cost: shippingEx, cost_ex_tax: shippingEx, cost_inc_tax: roundMoney(new Big(shippingEx).plus(shippingTax)), cost_tax: shippingTax,
  };
  const now = Math.floor(ctx.now / 1000) * 1000;
  const order: OrderRow = {
    id: orderId, customer_id: customerId, created_ms: now, modified_ms: now, shipped_ms: null, status_id: status, ...totals,
    shipping_cost_ex_tax: shippingEx, shipping_cost_tax: shippingTax, items_shipped: 0,
    payment_method: typeof body.payment_method === 'string' ? body.payment_method : 'Manual', payment_status: status === 1 ? 'pending' : 'captured',
    currency_code: ctx.store.profile.currency, staff_notes: typeof body.staff_notes === 'string' ? body.staff_notes : '',
    customer_message: typeof body.customer_message === 'string' ? body.customer_message : '', discount_amount: 0,
    ip_address: typeof body.ip_address === 'string' ? body.ip_address : '', is_deleted: false, billing_address: billing,
    shipping_addresses: [shipTo], external_id: null, channel_id: typeof body.channel_id === 'number' ? body.channel_id : 1,
    cart_id: '', refunded_amount: 0, extra: {},
  };
  for (const l of lines) ctx.tx.put('orderProducts', l);
  ctx.tx.put('orders', order);
  ctx.tx.emit('store/order/created', { type: 'order', id: orderId });
  return order;
}
