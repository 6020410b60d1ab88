import { z } from 'zod';
import type { PackingSlip, PackingSlips, PostalAddress } from '../../../shared/contract/picklists';
import type { BigCommerceClient } from '../bigcommerce';
import { countingClient, fetchOrdersWithLines, orderProducts, parse, statusOf, ApiLine, type ApiOrder } from './fetch-orders';

/**
 * Packing slips in few requests, like the pick list: the orders come with their shipping
 * consignments inline (address, method and lines: `include=consignments.line_items`,
 * `consignment_structure=object`), plus one `/v2/store` for the sender. Only an order whose
 * inline lines were cut short (`__warning__`) costs its own `/orders/{id}/products`.
 */
export interface PackingSlipsOptions {
  statusIds?: readonly number[];
  orderIds?: readonly number[];
  signal?: AbortSignal;
}

const Str = z.string().nullish().transform((s) => s ?? '');
const ApiAddress = z.object({
  first_name: Str, last_name: Str, company: Str, street_1: Str, street_2: Str, city: Str, state: Str, zip: Str, country: Str, phone: Str,
});
const Shipping = ApiAddress.extend({ id: z.number(), shipping_method: Str, line_items: z.array(z.unknown()).nullish(), __warning__: z.unknown().optional() });
const SlipOrder = z.object({
  id: z.number(),
  date_created: z.string(),
  customer_message: Str,
  consignments: z.union([z.object({ shipping: z.array(Shipping).nullish() }), z.array(z.object({ shipping: z.array(Shipping).nullish() }))]),
});
type Shipping = z.infer<typeof Shipping>;
const StoreInfo = z.object({ name: Str, address: Str, country: Str, phone: Str, order_email: Str, admin_email: Str });

export type PackingSlipsData = Omit<PackingSlips, 'storeId' | 'builtAt'>;

export async function fetchPackingSlips(client: BigCommerceClient, options: PackingSlipsOptions): Promise<PackingSlipsData> {
  const counted = countingClient(client);
  const [info, { orders, missingOrderIds }] = await Promise.all([
    counted.request<unknown>({ method: 'GET', version: 'v2', path: '/store', signal: options.signal }),
    fetchOrdersWithLines(counted, options),
  ]);
  const store = parse(StoreInfo, info.data, '/v2/store');
  const slips = await Promise.all([...orders.values()].sort((a, b) => a.id - b.id).map((o) => toSlip(counted, o, options.signal)));
  return {
    store: { name: store.name, address: store.address, country: store.country, phone: store.phone, email: store.order_email || store.admin_email },
    slips, missingOrderIds, requests: counted.requests(),
  };
}

async function toSlip(client: BigCommerceClient, raw: ApiOrder, signal?: AbortSignal): Promise<PackingSlip> {
  const order = parse(SlipOrder, raw, '/v2/orders');
  const consignments = Array.isArray(order.consignments) ? order.consignments[0] : order.consignments;
  const shipping = consignments?.shipping ?? [];
  const cutShort = shipping.some((c) => c.__warning__ !== undefined || !c.line_items);
  const all = cutShort ? await orderProducts(client, order.id, signal) : null;
  return {
    orderId: order.id,
    statusId: statusOf(raw),
    dateCreated: isoDate(order.date_created),
    customerMessage: order.customer_message,
    shipments: shipping.map((c) => ({
      shipTo: toAddress(c),
      shippingMethod: c.shipping_method,
      lines: (all ? all.filter((l) => l.order_address_id === c.id) : (c.line_items ?? []).map((l) => parse(ApiLine, l, '/v2/orders'))).map(toSlipLine),
    })),
  };
}

function toSlipLine(l: ApiLine): PackingSlip['shipments'][number]['lines'][number] {
  return {
    sku: l.sku ?? '', name: l.name ?? '',
    options: (l.product_options ?? []).map((o) => `${o.display_name ?? ''}: ${o.display_value ?? ''}`),
    quantity: Math.max(0, l.quantity - (l.quantity_refunded ?? 0)), shipped: l.quantity_shipped ?? 0,
  };
}

function toAddress(a: Shipping): PostalAddress {
  return {
    name: `${a.first_name} ${a.last_name}`.trim(), company: a.company, street1: a.street_1, street2: a.street_2,
    city: a.city, state: a.state, zip: a.zip, country: a.country, phone: a.phone,
  };
}

/** V2 dates are RFC 2822 ("Tue, 20 Nov 2012 00:00:00 +0000"); an unreadable one is passed on as it came. */
function isoDate(rfc2822: string): string {
  const ms = Date.parse(rfc2822);
  return Number.isNaN(ms) ? rfc2822 : new Date(ms).toISOString();
}
