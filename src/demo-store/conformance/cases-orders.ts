import { c, type Case } from './case-types';

const O = '/v2/orders';
const OID = `${O}/{order_id}`;
const arr = (r: { body: unknown }) => r.body as Array<Record<string, unknown>>;
const obj = (r: { body: unknown }) => r.body as Record<string, unknown>;

type Line = { quantity: number; quantity_shipped: number; quantity_refunded?: number };
const unitsLeft = (l: Line) => l.quantity - l.quantity_shipped - (l.quantity_refunded ?? 0);
const hasUnitsLeft = (o: Record<string, unknown>) =>
  ((o.consignments as { shipping?: Array<{ line_items?: Line[] }> } | undefined)?.shipping ?? []).some((c) => (c.line_items ?? []).some((l) => unitsLeft(l) > 0));

export const orderCases: Case[] = [
  // An open order with units left to ship (refunded units are not), for the shipment cases below.
  c('list orders', 'GET', O, 200, `${O}?status_id=11&limit=20&sort=date_created:desc&include=consignments.line_items&consignment_structure=object`, { save: (r, f) => { f.oid = (arr(r).find(hasUnitsLeft) ?? arr(r)[0]).id as number; } }),
  c('list orders past the end', 'GET', O, 204, `${O}?page=9999`),
  c('count orders', 'GET', '/v2/orders/count', 200, '/v2/orders/count'),
  c('get order', 'GET', OID, 200, (f) => `${O}/${f.oid}`),
  c('get missing order', 'GET', OID, 404, `${O}/999999`),
  // The legacy array structure (no consignment_structure) is not in the spec: consignments.test.ts covers it.
  c('list orders with consignments (links, object)', 'GET', O, 200, `${O}?status_id=11&limit=5&include=consignments&consignment_structure=object`),
  c('list orders with consignment line items (object)', 'GET', O, 200, `${O}?status_id=11&limit=50&include=consignments.line_items&consignment_structure=object`),
  c('get order with consignment line items (object)', 'GET', OID, 200, (f) => `${O}/${f.oid}?include=consignments.line_items&consignment_structure=object`),
  c('get order consignments', 'GET', `${OID}/consignments`, 200, (f) => `${O}/${f.oid}/consignments`),
  c('get order consignments with line items', 'GET', `${OID}/consignments`, 200, (f) => `${O}/${f.oid}/consignments?include=consignments.line_items`),
  c('get consignments of a missing order', 'GET', `${OID}/consignments`, 404, `${O}/999999/consignments`),
  c('update order status', 'PUT', OID, 200, (f) => `${O}/${f.oid}`, { body: () => ({ status_id: 9, staff_notes: 'checked' }) }),
  c('update order, read-only field', 'PUT', OID, 400, (f) => `${O}/${f.oid}`, { body: () => ({ date_modified: 'x' }) }),
  c('create order', 'POST', O, 200, O, {
    body: () => ({ billing_address: { first_name: 'Ada', last_name: 'L', email: 'ada@example.com', zip: '97205', country_iso2: 'US' }, products: [{ name: 'Gift wrap', quantity: 1, price_ex_tax: 4.5, price_inc_tax: 4.5 }], status_id: 11 }),
    save: (r, f) => { f.newOrder = obj(r).id as number; },
  }),
  c('list order products', 'GET', `${OID}/products`, 200, (f) => `${O}/${f.oid}/products`, { save: (r, f) => { f.lineId = (arr(r).find((l) => unitsLeft(l as unknown as Line) > 0) ?? arr(r)[0]).id as number; } }),
  c('get order product', 'GET', `${OID}/products/{product_id}`, 200, (f) => `${O}/${f.oid}/products/${f.lineId}`),
  c('list shipping addresses', 'GET', `${OID}/shipping_addresses`, 200, (f) => `${O}/${f.oid}/shipping_addresses`, { save: (r, f) => { f.addrId = arr(r)[0].id as number; } }),
  c('get shipping address', 'GET', `${OID}/shipping_addresses/{id}`, 200, (f) => `${O}/${f.oid}/shipping_addresses/${f.addrId}`),
  c('update shipping address', 'PUT', `${OID}/shipping_addresses/{id}`, 200, (f) => `${O}/${f.oid}/shipping_addresses/${f.addrId}`, { body: () => ({ street_2: 'Suite 9' }) }),
  c('update missing shipping address', 'PUT', `${OID}/shipping_addresses/{id}`, 404, (f) => `${O}/${f.oid}/shipping_addresses/999999`, { body: () => ({ street_2: 'x' }) }),
  c('update shipping address, invalid', 'PUT', `${OID}/shipping_addresses/{id}`, 400, (f) => `${O}/${f.oid}/shipping_addresses/${f.addrId}`, { body: () => ({ zip: 97205 }) }),
  c('list shipments, none', 'GET', `${OID}/shipments`, 204, (f) => `${O}/${f.oid}/shipments`),
  c('create shipment', 'POST', `${OID}/shipments`, 201, (f) => `${O}/${f.oid}/shipments`, {
    body: (f) => ({ order_address_id: f.addrId, tracking_number: 'TRK123', shipping_provider: 'usps', items: [{ order_product_id: f.lineId, quantity: 1 }] }),
    save: (r, f) => { f.shipId = obj(r).id as number; },
  }),
  c('create shipment, too many items', 'POST', `${OID}/shipments`, 400, (f) => `${O}/${f.oid}/shipments`, {
    body: (f) => ({ order_address_id: f.addrId, items: [{ order_product_id: f.lineId, quantity: 999 }] }),
  }),
  c('list shipments', 'GET', `${OID}/shipments`, 200, (f) => `${O}/${f.oid}/shipments`),
  c('count shipments', 'GET', `${OID}/shipments/count`, 200, (f) => `${O}/${f.oid}/shipments/count`),
  c('get shipment', 'GET', `${OID}/shipments/{shipment_id}`, 200, (f) => `${O}/${f.oid}/shipments/${f.shipId}`),
  c('update shipment', 'PUT', `${OID}/shipments/{shipment_id}`, 200, (f) => `${O}/${f.oid}/shipments/${f.shipId}`, { body: () => ({ comments: 'Left at door' }) }),
  c('delete shipment', 'DELETE', `${OID}/shipments/{shipment_id}`, 204, (f) => `${O}/${f.oid}/shipments/${f.shipId}`),
  c('delete all shipments', 'DELETE', `${OID}/shipments`, 204, (f) => `${O}/${f.oid}/shipments`),
  c('archive order', 'DELETE', OID, 204, (f) => `${O}/${f.newOrder}`),
  c('list order statuses', 'GET', '/v2/order_statuses', 200, '/v2/order_statuses'),
  c('get order status', 'GET', '/v2/order_statuses/{status_id}', 200, '/v2/order_statuses/11'),
];
