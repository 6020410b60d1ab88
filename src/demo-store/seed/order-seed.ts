import type { Rng } from '../util/prng';
import type { StoreDb } from '../state/store-db';
import type { StoreProfile } from './profiles';
import type { OrderAddress, OrderProductRow, OrderRow, ProductRow, ShipmentRow, ShippingAddressRow, VariantRow } from '../state/types';
import { lineMoney, orderTotals, taxOn } from '../model/order-math';
import { orderProductOptions } from '../model/order-lines';
import { variantCalculatedPrice } from '../model/product';
import { EU_CITIES, EU_STREETS, FIRST_NAMES, LAST_NAMES, STREETS, US_CITIES } from './words';
import { BRANDS } from './words';
import { roundMoney } from '../util/money';
import { createDemand, type OrderPlan, type PlannedLine } from './order-demand';

const DAY = 86_400_000;
/** status id → weight; most orders are Awaiting Fulfillment, Shipped or Completed. */
const STATUS_WEIGHTS: Array<[number, number]> = [
  [11, 30], [2, 24], [10, 24], [1, 3], [3, 3], [7, 3], [5, 3], [4, 2], [9, 2], [8, 1], [6, 1], [12, 1], [14, 1], [13, 1],
];
const PAYMENT_STATUS: Record<number, string> = {
  1: 'pending', 7: 'pending', 5: 'void', 4: 'refunded', 14: 'partially refunded', 6: 'declined', 12: 'held for review',
};
const SHIPPED = new Set([2, 10, 14]);

/**
 * Generator versions: 1 = the original lines (1–4 random products per order, no refunds), kept so
 * a data dir seeded by it still replays its journal onto the same rows; 2 = demand (order-demand.ts)
 * with refunded and partly shipped lines.
 */
export type OrderGenerator = 1 | 2;

export function seedOrders(db: StoreDb, profile: StoreProfile, rng: Rng, count: number, seedNow: number, generator: OrderGenerator = 2): void {
  const products = db.products.all();
  if (products.length === 0) return;
  const customers = db.customers.all();
  const totalWeight = STATUS_WEIGHTS.reduce((n, [, w]) => n + w, 0);
  const created: number[] = [];
  for (let i = 0; i < count; i++) created.push(seedNow - rng.int(0, 540 * DAY));
  created.sort((a, b) => a - b); // order ids grow with their creation date, as in a real store
  const demand = generator === 2 ? createDemand(db, products, rng.fork('demand')) : null;
  created.forEach((createdMs, index) => {
    let roll = rng.next() * totalWeight, status = 11;
    for (const [id, w] of STATUS_WEIGHTS) if ((roll -= w) < 0) { status = id; break; }
    const customer = customers.length && rng.chance(0.85) ? rng.pick(customers) : undefined;
    const plan = () => (demand ? demand.plan(rng, index) : legacyPlan(db, rng, products));
    seedOrder(db, profile, rng, { status, createdMs, plan, customer, seedNow, refunds: generator === 2 });
  });
}

interface OrderSeedInput {
  status: number;
  createdMs: number;
  /** Drawn after the billing address (generator v1's order of random draws). */
  plan: () => OrderPlan;
  /** Generator v2: refunded lines in Refunded, Partially Refunded and some open orders. */
  refunds: boolean;
  customer?: { id: number; first_name: string; last_name: string; email: string; company: string; phone: string; addresses: Array<{ address1: string; address2: string; city: string; state_or_province: string; postal_code: string; country: string; country_code: string }> };
  seedNow: number;
}

function seedOrder(db: StoreDb, profile: StoreProfile, rng: Rng, seed: OrderSeedInput): void {
  const id = Math.max(db.orders.peekNextId(), 100);
  const billing = seed.customer ? customerAddress(seed.customer) : guestAddress(rng, profile);
  const addressId = db.nextCounter('orderAddress');
  const plan = seed.plan();
  const input = { ...seed, status: plan.status ?? seed.status };
  const lines = buildLines(db, profile, id, addressId, plan.lines);
  if (input.status === 3 && lines.length === 1 && lines[0].quantity === 1) lines[0].quantity = 2; // leave something unshipped
  const base = orderTotals(lines, 0, 0, 0);
  const us = profile.currency === 'USD';
  const free = base.subtotal_ex_tax >= 75;
  const express = !free && rng.chance(0.2);
  const shippingEx = free ? 0 : express ? 12.95 : 5.99;
  const shippingTax = us ? 0 : taxOn(shippingEx, profile.taxRate);
  const totals = orderTotals(lines, shippingEx, shippingTax, 0);
  const method = us ? (free ? 'Free Shipping' : express ? 'Expedited (2-3 days)' : 'Standard Shipping')
    : free ? 'Kostenloser Versand' : express ? 'DHL Express' : 'DHL Paket';
  const modified = Math.min(input.seedNow, input.createdMs + rng.int(0, 9) * DAY + rng.int(0, DAY));
  const shipTo: ShippingAddressRow = {
    ...billing, id: addressId, order_id: id, items_total: totals.items_total, items_shipped: 0, shipping_method: method,
    base_cost: shippingEx, cost_ex_tax: shippingEx, cost_inc_tax: roundMoney(shippingEx + shippingTax), cost_tax: shippingTax,
  };
  const order: OrderRow = {
    id, customer_id: input.customer?.id ?? 0, created_ms: sec(input.createdMs), modified_ms: sec(modified), shipped_ms: null,
    status_id: input.status, ...totals, shipping_cost_ex_tax: shippingEx, shipping_cost_tax: shippingTax, items_shipped: 0,
    payment_method: rng.pick(['Credit Card', 'Credit Card', 'PayPal', 'Apple Pay']),
    payment_status: PAYMENT_STATUS[input.status] ?? 'captured', currency_code: profile.currency, staff_notes: '',
    customer_message: rng.chance(0.05) ? 'Please leave the parcel with the neighbour if nobody is home.' : '',
    discount_amount: 0, ip_address: `198.51.100.${rng.int(1, 254)}`, is_deleted: false, billing_address: billing,
    shipping_addresses: [shipTo], external_id: null, channel_id: 1, cart_id: cartId(rng), extra: {},
    refunded_amount: input.status === 4 ? roundMoney(totals.total_ex_tax + totals.total_tax) : input.status === 14 ? roundMoney(lines[0].price_inc_tax) : 0,
  };
  if (input.refunds) refundLines(rng, order, lines);
  if (SHIPPED.has(input.status) || input.status === 3) shipOrder(db, rng, order, lines, input.status === 3, profile, modified);
  for (const l of lines) db.orderProducts.put(l);
  db.orders.put(order);
}

/** Generator v1's lines, drawing from `rng` in exactly the order it always did. */
function legacyPlan(db: StoreDb, rng: Rng, products: readonly ProductRow[]): OrderPlan {
  const n = rng.chance(0.5) ? 1 : rng.int(2, 4);
  const lines: PlannedLine[] = [];
  const used = new Set<number>();
  for (let i = 0; i < n; i++) {
    const product = rng.pick(products);
    const variants = db.variantsOf(product.id);
    const variant: VariantRow | undefined = variants.length ? rng.pick(variants) : undefined;
    if (!variant || used.has(variant.id)) continue;
    used.add(variant.id);
    lines.push({ product, variant, quantity: rng.chance(0.75) ? 1 : rng.int(2, 3) });
  }
  return { lines };
}

function buildLines(db: StoreDb, profile: StoreProfile, orderId: number, addressId: number, planned: readonly PlannedLine[]): OrderProductRow[] {
  const firstId = db.orderProducts.peekNextId();
  return planned.map(({ product: p, variant: v, quantity }, i) => {
    const lineId = firstId + i;
    return {
      id: lineId, order_id: orderId, product_id: p.id, variant_id: v.id, order_address_id: addressId,
      name: p.name, sku: v.sku, upc: v.upc ?? '', type: p.type, bin_picking_number: v.bin_picking_number || p.bin_picking_number,
      brand: BRANDS[p.brand_id - 1] ?? '', ...lineMoney(variantCalculatedPrice(v, p), profile.taxRate),
      base_cost_price: v.cost_price ?? p.cost_price, quantity, quantity_shipped: 0, weight: v.weight ?? p.weight,
      product_options: orderProductOptions(db, v, lineId, () => db.nextCounter('orderProductOption')),
    };
  });
}

function shipOrder(db: StoreDb, rng: Rng, order: OrderRow, lines: OrderProductRow[], partial: boolean, profile: StoreProfile, modified: number): void {
  const toShip = partial ? lines.slice(0, Math.max(1, lines.length - 1)) : lines;
  const items = toShip.map((l) => ({ line: l, qty: partial && l === toShip[0] && lines.length === 1 ? Math.max(1, l.quantity - 1) : l.quantity }));
  for (const { line, qty } of items) line.quantity_shipped = qty;
  const shippedQty = items.reduce((n, i) => n + i.qty, 0);
  order.items_shipped = shippedQty;
  order.shipping_addresses[0].items_total = order.items_total;
  order.shipping_addresses[0].items_shipped = shippedQty;
  order.shipped_ms = order.modified_ms;
  const us = profile.currency === 'USD';
  const shipment: ShipmentRow = {
    id: db.shipments.peekNextId(), order_id: order.id, customer_id: order.customer_id,
    order_address_id: order.shipping_addresses[0].id, created_ms: sec(modified),
    tracking_number: us ? `1Z${rng.int(100000, 999999)}${rng.int(10000000, 99999999)}` : `00340${rng.int(1000000, 9999999)}${rng.int(1000, 9999)}`,
    merchant_shipping_cost: order.shipping_cost_ex_tax, shipping_method: order.shipping_addresses[0].shipping_method,
    comments: '', shipping_provider: us ? 'ups' : '', tracking_carrier: us ? 'ups' : 'dhl', tracking_link: '',
    items: items.map(({ line, qty }) => ({ order_product_id: line.id, product_id: line.product_id, quantity: qty })),
  };
  db.shipments.put(shipment);
}

/**
 * Generator v2: Refunded orders have every line refunded; Partially Refunded ones their first line
 * (one unit, as `refunded_amount` says); about one open order in 12 had one unit of a line refunded
 * before it shipped (out of stock), which a pick list must leave out.
 */
function refundLines(rng: Rng, order: OrderRow, lines: OrderProductRow[]): void {
  if (order.status_id === 4) for (const l of lines) l.quantity_refunded = l.quantity;
  else if (order.status_id === 14) lines[0].quantity_refunded = 1;
  else if ((order.status_id === 11 || order.status_id === 9) && rng.chance(1 / 12)) {
    const line = rng.pick(lines);
    line.quantity_refunded = 1;
    order.refunded_amount = line.price_inc_tax;
    order.payment_status = 'partially refunded';
  }
}

function customerAddress(c: NonNullable<OrderSeedInput['customer']>): OrderAddress {
  const a = c.addresses[0];
  return {
    first_name: c.first_name, last_name: c.last_name, company: c.company, street_1: a?.address1 ?? '', street_2: a?.address2 ?? '',
    city: a?.city ?? '', state: a?.state_or_province ?? '', zip: a?.postal_code ?? '', country: a?.country ?? '',
    country_iso2: a?.country_code ?? '', phone: c.phone, email: c.email,
  };
}

function guestAddress(rng: Rng, profile: StoreProfile): OrderAddress {
  const us = profile.currency === 'USD';
  const city = rng.pick(us ? US_CITIES : EU_CITIES);
  const first = rng.pick(FIRST_NAMES), last = rng.pick(LAST_NAMES);
  return {
    first_name: first, last_name: last, company: '',
    street_1: us ? `${rng.int(10, 9999)} ${rng.pick(STREETS)}` : `${rng.pick(EU_STREETS)} ${rng.int(1, 120)}`, street_2: '',
    city: city.city, state: city.state, zip: city.zip, country: city.country, country_iso2: city.iso2,
    phone: us ? `${city.phonePrefix}-555-0${rng.int(100, 199)}` : `${city.phonePrefix} ${rng.int(100000, 999999)}`,
    email: `${first}.${last}.guest${rng.int(100, 999)}@example.net`.toLowerCase().normalize('NFD').replace(/[^a-z0-9.@]/g, ''),
  };
}

function cartId(rng: Rng): string {
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[rng.int(0, 15)]).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

const sec = (ms: number): number => Math.floor(ms / 1000) * 1000;
