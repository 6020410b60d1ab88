import type { Ctx, Reply, RouteDef } from '../../http/router';
import { ApiError } from '../../http/errors';
import { v2Page } from '../../http/v2';
import type { OrderRow, ShipmentItem, ShipmentRow } from '../../state/types';
import { isObject } from '../../model/validate';
import { statusAfterShipping } from '../../model/order-math';
import { roundMoney } from '../../util/money';
import { shipmentJson } from './serialize';
import { requireOrder, saveOrder, v2Invalid } from './order-write';

const SPEC = 'orders.v2.oas2.yml';
const TEXT_FIELDS = ['tracking_number', 'shipping_method', 'shipping_provider', 'tracking_carrier', 'tracking_link', 'comments'] as const;
const MAX_LEN: Record<string, number> = { tracking_number: 50, tracking_link: 500, comments: 65535 };

function requireShipment(ctx: Ctx, o: OrderRow): ShipmentRow {
  const s = ctx.store.db.shipments.get(Number(ctx.params.shipment_id));
  if (!s || s.order_id !== o.id) throw new ApiError(404, 'The requested resource was not found.');
  return s;
}

function readText(body: Record<string, unknown>, out: Partial<ShipmentRow>): void {
  for (const k of TEXT_FIELDS) {
    if (body[k] === undefined) continue;
    if (typeof body[k] !== 'string') throw v2Invalid(`The field '${k}' must be a string.`);
    if (MAX_LEN[k] && (body[k] as string).length > MAX_LEN[k]) throw v2Invalid(`The field '${k}' is longer than ${MAX_LEN[k]} characters.`);
    out[k] = body[k] as string;
  }
  if (body.merchant_shipping_cost !== undefined) {
    const n = Number(body.merchant_shipping_cost);
    if (!Number.isFinite(n) || n < 0) throw v2Invalid("The field 'merchant_shipping_cost' must be a non-negative amount.");
    out.merchant_shipping_cost = roundMoney(n);
  }
}

/** Check items against what is still unshipped on the order's lines ([unverified] 400 wording). */
function readItems(ctx: Ctx, o: OrderRow, raw: unknown, addressId: number): ShipmentItem[] {
  if (!Array.isArray(raw) || raw.length === 0) throw v2Invalid("The field 'items' is required.");
  const wanted = new Map<number, number>();
  for (const item of raw) {
    if (!isObject(item) || typeof item.order_product_id !== 'number' || typeof item.quantity !== 'number' || !Number.isInteger(item.quantity) || item.quantity < 1) {
      throw v2Invalid('Each item needs an order_product_id and a positive integer quantity.');
    }
    wanted.set(item.order_product_id, (wanted.get(item.order_product_id) ?? 0) + item.quantity);
  }
  return [...wanted].map(([lineId, qty]) => {
    const line = ctx.store.db.orderProducts.get(lineId);
    if (!line || line.order_id !== o.id) throw v2Invalid(`Order product ${lineId} does not belong to order ${o.id}.`);
    if (line.order_address_id !== addressId) throw v2Invalid(`Order product ${lineId} is not shipped to address ${addressId}.`);
    // Refunded units are not there to ship (BigCommerce refuses them like shipped ones).
    const left = line.quantity - line.quantity_shipped - (line.quantity_refunded ?? 0);
    if (qty > left) throw v2Invalid(`Cannot ship ${qty} of order product ${lineId}: only ${left} left to ship.`);
    return { order_product_id: lineId, product_id: line.product_id, quantity: qty };
  });
}

/** Apply +/- shipped quantities to lines, address and order, moving the status like BigCommerce. */
function bookShipped(ctx: Ctx, o: OrderRow, items: ShipmentItem[], sign: 1 | -1): OrderRow {
  let delta = 0;
  for (const it of items) {
    const line = ctx.store.db.orderProducts.get(it.order_product_id);
    if (!line) continue;
    const shipped = Math.max(0, Math.min(line.quantity - (line.quantity_refunded ?? 0), line.quantity_shipped + sign * it.quantity));
    delta += shipped - line.quantity_shipped;
    ctx.tx.put('orderProducts', { ...line, quantity_shipped: shipped });
  }
  const itemsShipped = o.items_shipped + delta;
  const addresses = o.shipping_addresses.map((a) => {
    const lines = ctx.store.db.itemsOf(o.id).filter((l) => l.order_address_id === a.id);
    return { ...a, items_shipped: lines.reduce((n, l) => n + l.quantity_shipped, 0) };
  });
  // Shipped once everything not refunded has gone: refunded units never ship.
  const refunded = ctx.store.db.itemsOf(o.id).reduce((n, l) => n + (l.quantity_refunded ?? 0), 0);
  // [unverified] removing every shipment puts a shipped order back to Awaiting Fulfillment.
  const status = itemsShipped === 0 && (o.status_id === 2 || o.status_id === 3) ? 11 : statusAfterShipping(itemsShipped, o.items_total - refunded, o.status_id);
  const next: OrderRow = { ...o, items_shipped: itemsShipped, shipping_addresses: addresses, status_id: status, shipped_ms: itemsShipped > 0 ? Math.floor(ctx.now / 1000) * 1000 : null };
  return saveOrder(ctx, o, next);
}

function create(ctx: Ctx): Reply {
  const o = requireOrder(ctx);
  if (!isObject(ctx.body)) throw v2Invalid('The request body must be a JSON object.');
  const addressId = ctx.body.order_address_id;
  if (typeof addressId !== 'number' || !o.shipping_addresses.some((a) => a.id === addressId)) {
    throw v2Invalid("The field 'order_address_id' must be the id of one of the order's shipping addresses.");
  }
  const items = readItems(ctx, o, ctx.body.items, addressId);
  const fields: Partial<ShipmentRow> = {};
  readText(ctx.body, fields);
  const s: ShipmentRow = {
    id: ctx.tx.newId('shipments'), order_id: o.id, customer_id: o.customer_id, order_address_id: addressId,
    created_ms: Math.floor(ctx.now / 1000) * 1000, tracking_number: '', merchant_shipping_cost: 0,
    shipping_method: o.shipping_addresses.find((a) => a.id === addressId)!.shipping_method, comments: '', shipping_provider: '',
    tracking_carrier: '', tracking_link: '', items, ...fields,
  };
  ctx.tx.put('shipments', s);
  const order = bookShipped(ctx, o, items, 1);
  ctx.tx.emit('store/shipment/created', { type: 'shipment', id: s.id, orderId: o.id });
  return { status: 201, body: shipmentJson(order, s) };
}

function update(ctx: Ctx): Reply {
  const o = requireOrder(ctx);
  const prev = requireShipment(ctx, o);
  if (!isObject(ctx.body)) throw v2Invalid('The request body must be a JSON object.');
  if (ctx.body.items !== undefined) throw v2Invalid("The field 'items' cannot be written to. Please remove it from your request before trying again.");
  const fields: Partial<ShipmentRow> = {};
  readText(ctx.body, fields);
  if (ctx.body.order_address_id !== undefined && ctx.body.order_address_id !== prev.order_address_id) {
    throw v2Invalid("The field 'order_address_id' cannot be changed on an existing shipment.");
  }
  const s = ctx.tx.put('shipments', { ...prev, ...fields });
  ctx.tx.emit('store/shipment/updated', { type: 'shipment', id: s.id, orderId: o.id });
  return { status: 200, body: shipmentJson(o, s) };
}

function removeShipment(ctx: Ctx, o: OrderRow, s: ShipmentRow): OrderRow {
  ctx.tx.del('shipments', s.id);
  ctx.tx.emit('store/shipment/deleted', { type: 'shipment', id: s.id, orderId: o.id });
  return bookShipped(ctx, o, s.items, -1);
}

function remove(ctx: Ctx): Reply {
  const o = requireOrder(ctx);
  removeShipment(ctx, o, requireShipment(ctx, o));
  return { status: 204 };
}

function removeAll(ctx: Ctx): Reply {
  let o = requireOrder(ctx);
  for (const s of ctx.store.db.shipmentsOf(o.id)) o = removeShipment(ctx, o, s);
  return { status: 204 };
}

const base = '/v2/orders/{order_id}/shipments';
const r = (method: RouteDef['method'], path: string, handler: RouteDef['handler']): RouteDef => ({ method, path, area: 'orders', spec: SPEC, handler });
export const shipmentRoutes: RouteDef[] = [
  r('GET', base, (ctx) => { const o = requireOrder(ctx); return v2Page(ctx.query, ctx.store.db.shipmentsOf(o.id), (s) => shipmentJson(o, s)); }),
  r('POST', base, create),
  r('DELETE', base, removeAll),
  r('GET', `${base}/count`, (ctx) => ({ status: 200, body: { count: ctx.store.db.shipmentsOf(requireOrder(ctx).id).length } })),
  r('GET', `${base}/{shipment_id}`, (ctx) => { const o = requireOrder(ctx); return { status: 200, body: shipmentJson(o, requireShipment(ctx, o)) }; }),
  r('PUT', `${base}/{shipment_id}`, update),
  r('DELETE', `${base}/{shipment_id}`, remove),
];
