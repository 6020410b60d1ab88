import type { Ctx, Reply, RouteDef } from '../../http/router';
import type { Query } from '../../http/query';
import type { StoreRuntime } from '../../server/store-runtime';
import type { OrderProductRow, OrderRow, ShippingAddressRow } from '../../state/types';
import { addressJson, link, orderProductJson } from './serialize';
import { requireOrder } from './order-write';

/**
 * Order consignments (orders.v2.oas2.yml `orderConsignment_Get`, facts §7).
 * - `include=consignments`: each consignment lists its lines as links to `/orders/{id}/products/{line}`.
 * - `include=consignments.line_items`: the lines themselves (the `/orders/{id}/products` shape), at
 *   most 50 per consignment; a consignment cut short carries BigCommerce's `__warning__`
 *   (undocumented in the spec: bigcommerce/docs issue #960).
 * - `consignment_structure=object` gives `{pickups, shipping, downloads, email}`; without it the
 *   legacy structure wraps that object in a one-element array (BigCommerce's 2025 change notice).
 * Unknown `include` values are ignored ([unverified]: the spec lists the enum, not what happens otherwise).
 */
export type LineMode = 'links' | 'items';

/** How many lines BigCommerce inlines per consignment before it adds `__warning__`. */
export const INLINE_LINE_LIMIT = 50;

const CUT_SHORT = {
  message: `Not all line items of this consignment are returned with this response, only ${INLINE_LINE_LIMIT} are included. Please use the \`/v2/orders/{order_id}/products\` endpoint to fetch all line items.`,
};

export interface ConsignmentRequest {
  lines: LineMode;
  structure: 'object' | 'array';
}

/** What the query asks for, or null when consignments stay a resource link. */
export function consignmentRequest(q: Query): ConsignmentRequest | null {
  const include = q.list('include') ?? [];
  const structure = q.str('consignment_structure') === 'object' ? 'object' : 'array';
  if (include.includes('consignments.line_items')) return { lines: 'items', structure };
  if (include.includes('consignments')) return { lines: 'links', structure };
  return null;
}

export function consignmentsJson(store: StoreRuntime, o: OrderRow, lines: readonly OrderProductRow[], mode: LineMode): Record<string, unknown> {
  const physical = lines.filter((l) => l.type !== 'digital');
  const digital = lines.filter((l) => l.type === 'digital');
  return {
    pickups: [],
    shipping: o.shipping_addresses.map((a) => shippingJson(store, a, physical.filter((l) => l.order_address_id === a.id), mode)),
    downloads: digital.length ? [{ recipient_email: o.billing_address.email, ...lineItems(store, digital, mode) }] : [],
    email: { gift_certificates: [] },
  };
}

function lineItems(store: StoreRuntime, lines: readonly OrderProductRow[], mode: LineMode): Record<string, unknown> {
  if (mode === 'links') return { line_items: lines.map((l) => link(store, `/orders/${l.order_id}/products/${l.id}`)) };
  const shown = lines.slice(0, INLINE_LINE_LIMIT).map(orderProductJson);
  return lines.length > INLINE_LINE_LIMIT ? { line_items: shown, __warning__: CUT_SHORT } : { line_items: shown };
}

function shippingJson(store: StoreRuntime, a: ShippingAddressRow, lines: readonly OrderProductRow[], mode: LineMode): Record<string, unknown> {
  const { id, order_id, items_total, items_shipped, shipping_method, base_cost, cost_ex_tax, cost_inc_tax, cost_tax, ...addr } = a;
  return {
    id, ...addressJson(addr), shipping_method, ...lineItems(store, lines, mode), items_total, items_shipped,
    base_cost, cost_ex_tax, cost_inc_tax, cost_tax, cost_tax_class_id: 2, base_handling_cost: 0, handling_cost_ex_tax: 0,
    handling_cost_inc_tax: 0, handling_cost_tax: 0, handling_cost_tax_class_id: 2, shipping_zone_id: 1,
    shipping_zone_name: store.profile.currency === 'USD' ? 'United States' : 'Deutschland',
    shipping_quotes: link(store, `/orders/${order_id}/consignments/shipping/${id}/shipping_quotes`),
  };
}

/** The order's `consignments` field for a request that asked to include them. */
export function includedConsignments(store: StoreRuntime, o: OrderRow, req: ConsignmentRequest): unknown {
  const value = consignmentsJson(store, o, store.db.itemsOf(o.id), req.lines);
  return req.structure === 'object' ? value : [value];
}

function getConsignments(ctx: Ctx): Reply {
  const o = requireOrder(ctx);
  const lines = ctx.query.list('include')?.includes('consignments.line_items') ? 'items' : 'links';
  return { status: 200, body: consignmentsJson(ctx.store, o, ctx.store.db.itemsOf(o.id), lines) };
}

export const consignmentRoutes: RouteDef[] = [
  { method: 'GET', path: '/v2/orders/{order_id}/consignments', area: 'orders', spec: 'orders.v2.oas2.yml', handler: getConsignments },
];
