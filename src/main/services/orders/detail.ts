import { z } from 'zod';
import type { OrderDetail, OrderLine, OrderStatus, Shipment } from '../../../shared/contract';
import { AppError } from '../../../shared/rpc';
import { BigCommerceError, collectV2, type BigCommerceClient } from '../bigcommerce';
import type { CatalogSnapshot } from '../catalog';
import { ApiAddress, ApiOrder, isoDate, parseOrThrow, toAddress, toOrderRow } from './normalize';

/**
 * One order as the detail drawer shows it, read from the store (4 interactive requests, in
 * parallel): the order, its lines (`/products`, 250 a page), its shipping addresses and its
 * shipments (204 when none). Bins come from the local catalog: the variant's before its product's.
 */
const text = z.string().nullish().transform((v) => v ?? '');
const int = z.number().int().nullish().transform((v) => v ?? 0);

export const ApiLine = z.object({
  id: z.number().int().positive(),
  order_address_id: int,
  product_id: int,
  variant_id: int,
  sku: text,
  name: text,
  type: text,
  quantity: int,
  quantity_shipped: int,
  quantity_refunded: int,
  price_inc_tax: z.union([z.string(), z.number()]).nullish().transform((v) => String(v ?? '0')),
  product_options: z.array(z.object({ display_name: text, display_value: text })).nullish(),
});
export type ApiLine = z.infer<typeof ApiLine>;

const ApiShippingAddress = ApiAddress.extend({ id: z.number().int().positive(), shipping_method: text });

export const ApiShipment = z.object({
  id: z.number().int().positive(),
  order_address_id: int,
  date_created: text,
  tracking_number: text,
  shipping_provider: text,
  tracking_carrier: text,
  shipping_method: text,
  comments: text,
  tracking_link: text,
  generated_tracking_link: text,
  items: z.array(z.object({ order_product_id: int, quantity: int })).nullish(),
});

export function linesOf(client: BigCommerceClient, orderId: number): Promise<ApiLine[]> {
  return collectV2<unknown>(client, { path: `/orders/${orderId}/products`, limit: 250 }).then((all) => all.map((l) => parseOrThrow(ApiLine, l, `/v2/orders/${orderId}/products`)));
}

export async function shipmentsOf(client: BigCommerceClient, orderId: number): Promise<Shipment[]> {
  const all = await collectV2<unknown>(client, { path: `/orders/${orderId}/shipments`, limit: 250 });
  return all.map((s) => {
    const x = parseOrThrow(ApiShipment, s, `/v2/orders/${orderId}/shipments`);
    const { generated_tracking_link, items, date_created, ...rest } = x;
    return { ...rest, date_created: isoDate(date_created), tracking_link: rest.tracking_link || generated_tracking_link, items: items ?? [] };
  });
}

/** Units of a line still to ship: ordered − shipped − refunded. */
export const leftToShip = (l: Pick<ApiLine, 'quantity' | 'quantity_shipped' | 'quantity_refunded'>): number => Math.max(0, l.quantity - l.quantity_shipped - l.quantity_refunded);

export const isPhysical = (l: Pick<ApiLine, 'type'>): boolean => l.type !== 'digital' && l.type !== 'giftcertificate';

function binLookup(snapshot: CatalogSnapshot | null): (productId: number, variantId: number) => string | null {
  if (!snapshot) return () => null;
  const products = snapshot.products;
  return (productId, variantId) => {
    let lo = 0;
    let hi = products.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = products[mid]!;
      if (p.id === productId) return p.variants.find((v) => v.id === variantId)?.bin_picking_number || p.bin_picking_number || null;
      if (p.id < productId) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  };
}

function toLine(l: ApiLine, bin: ReturnType<typeof binLookup>): OrderLine {
  return {
    id: l.id, order_address_id: l.order_address_id, product_id: l.product_id, variant_id: l.variant_id, sku: l.sku, name: l.name,
    options: (l.product_options ?? []).map((o) => `${o.display_name}: ${o.display_value}`),
    quantity: l.quantity, quantity_shipped: l.quantity_shipped, quantity_refunded: l.quantity_refunded, price_inc_tax: l.price_inc_tax,
    bin: bin(l.product_id, l.variant_id), physical: isPhysical(l),
  };
}

export async function fetchOrderDetail(client: BigCommerceClient, orderId: number, statuses: readonly OrderStatus[], snapshot: CatalogSnapshot | null): Promise<OrderDetail> {
  const path = `/orders/${orderId}`;
  const orderRes = await client.request<unknown>({ method: 'GET', version: 'v2', path, query: { include: 'consignments', consignment_structure: 'object' } }).catch((error: unknown) => {
    if (error instanceof BigCommerceError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', `The store has no order ${orderId}.`);
    throw error;
  });
  const [lines, addresses, shipments] = await Promise.all([
    linesOf(client, orderId),
    collectV2<unknown>(client, { path: `${path}/shipping_addresses`, limit: 250 }),
    shipmentsOf(client, orderId),
  ]);
  const order = parseOrThrow(ApiOrder, orderRes.data, `/v2${path}`);
  const bin = binLookup(snapshot);
  return {
    order: toOrderRow(order, new Map(statuses.map((s) => [s.id, s.name]))),
    billing_address: toAddress(order.billing_address ?? parseOrThrow(ApiAddress, {}, `/v2${path}`)),
    shipping_addresses: addresses.map((a) => {
      const x = parseOrThrow(ApiShippingAddress, a, `/v2${path}/shipping_addresses`);
      return { ...toAddress(x), id: x.id, shipping_method: x.shipping_method };
    }),
    lines: lines.map((l) => toLine(l, bin)),
    shipments,
  };
}
