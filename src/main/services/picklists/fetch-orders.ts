import { z } from 'zod';
import { BigCommerceError, collectV2, type BigCommerceClient, type QueryParams } from '../bigcommerce';
import type { OrderLine } from './aggregate';

/**
 * The orders of a pick list with their lines, in few requests (bigcommerce-facts §7):
 * `GET /v2/orders?include=consignments.line_items&consignment_structure=object` brings each
 * order's lines inline, 250 orders a page, so 1,000 orders cost 4 requests, not 1,000 calls to
 * `/orders/{id}/products` (200 s at a Standard store's 150 requests / 30 s).
 * - Pages are walked by id (`sort=id:asc&min_id=<last id + 1>`), not by page number: an order
 *   that leaves the status while we read (someone ships it) would shift later pages and hide
 *   another order. One walk per status: `status_id` takes one value.
 * - Chosen order ids: V2 has no `id:in`, so ids are cut into runs (gap ≤ 250) and each run is
 *   walked with `min_id`/`max_id`; orders in a run that were not chosen are dropped.
 * - Only an order whose inline lines are cut short (`__warning__` past 50 lines per consignment)
 *   or missing is completed from `/orders/{id}/products`.
 * Lines of shipping and pickup consignments are picked; downloads and gift certificates are not.
 */
export interface FetchPickOrdersOptions {
  statusIds?: readonly number[];
  orderIds?: readonly number[];
  signal?: AbortSignal;
}

export interface FetchedPickOrders {
  /** Orders found, ascending. */
  orderIds: number[];
  /** Their statuses, in the same order. */
  statusIds: number[];
  missingOrderIds: number[];
  lines: OrderLine[];
  /** Orders whose lines came from `/orders/{id}/products`. */
  completedSeparately: number[];
  requests: number;
}

const PAGE = 250;
/** BigCommerce's default page size: a full page of exactly this many may mean our limit was ignored. */
const DEFAULT_PAGE = 50;
const RUN_GAP = 250;

export const ApiLine = z.object({
  id: z.number(),
  order_id: z.number(),
  product_id: z.number().nullish(),
  variant_id: z.number().nullish(),
  name: z.string().nullish(),
  sku: z.string().nullish(),
  type: z.string().nullish(),
  quantity: z.number(),
  quantity_shipped: z.number().nullish(),
  quantity_refunded: z.number().nullish(),
  order_address_id: z.number().nullish(),
  product_options: z.array(z.object({ display_name: z.string().nullish(), display_value: z.string().nullish() })).nullish(),
});
export type ApiLine = z.infer<typeof ApiLine>;

const Consignment = z.object({ line_items: z.array(z.unknown()).nullish(), __warning__: z.unknown().optional() });
const ConsignmentsObject = z.object({ shipping: z.array(Consignment).nullish(), pickups: z.array(Consignment).nullish() });
// Loose: the packing slips read more of the order (date, message) than the pick list.
const ApiOrder = z.looseObject({ id: z.number(), consignments: z.unknown() });
export type ApiOrder = z.infer<typeof ApiOrder>;

export async function fetchPickOrders(client: BigCommerceClient, options: FetchPickOrdersOptions): Promise<FetchedPickOrders> {
  const counted = countingClient(client);
  const { orders, missingOrderIds } = await fetchOrdersWithLines(counted, options);
  const lines: OrderLine[] = [];
  const completedSeparately: number[] = [];
  await Promise.all(
    [...orders.values()].map(async (o) => {
      const inline = inlineLines(o);
      if (inline) return void lines.push(...inline.map(toOrderLine));
      completedSeparately.push(o.id);
      lines.push(...(await orderProducts(counted, o.id, options.signal)).filter((l) => l.type !== 'digital' && l.type !== 'giftcertificate').map(toOrderLine));
    }),
  );
  const orderIds = [...orders.keys()].sort((a, b) => a - b);
  const statusIds = orderIds.map((id) => statusOf(orders.get(id)!));
  return { orderIds, statusIds, missingOrderIds, lines, completedSeparately: completedSeparately.sort((a, b) => a - b), requests: counted.requests() };
}

/** A client that counts its requests (the pick list and the packing slips report theirs). */
export function countingClient(client: BigCommerceClient): BigCommerceClient & { requests(): number } {
  let requests = 0;
  return {
    storeHash: client.storeHash,
    request: (req) => {
      requests++;
      return client.request(req);
    },
    requests: () => requests,
  };
}

/** The orders of some statuses (default Awaiting Fulfillment) or of chosen ids, with their consignments' lines inline. */
export async function fetchOrdersWithLines(client: BigCommerceClient, options: FetchPickOrdersOptions): Promise<{ orders: Map<number, ApiOrder>; missingOrderIds: number[] }> {
  const wanted = options.orderIds ? new Set(options.orderIds) : null;
  const queries = wanted ? idRuns([...wanted]).map(([min, max]) => ({ max_id: max, start: min })) : (options.statusIds ?? [11]).map((s) => ({ status_id: s, start: 0 }));
  const pages = await Promise.all(queries.map(({ start, ...query }) => walk(client, query, start, options.signal)));
  const orders = new Map<number, ApiOrder>();
  for (const o of pages.flat()) if (!wanted || wanted.has(o.id)) orders.set(o.id, o);
  const missingOrderIds = wanted ? [...wanted].filter((id) => !orders.has(id)).sort((a, b) => a - b) : [];
  return { orders, missingOrderIds };
}

/** The order's `status_id` (the list carries it loose, as the packing slips read more of the order). */
export function statusOf(o: ApiOrder): number {
  const id = (o as { status_id?: unknown }).status_id;
  if (typeof id === 'number' && Number.isInteger(id) && id >= 0) return id;
  throw new BigCommerceError({ code: 'BAD_RESPONSE', message: `Unexpected response from /v2/orders: order ${o.id} has no status_id.`, method: 'GET', path: '/v2/orders' });
}

/** All of an order's lines, for an order whose inline lines were cut short. */
export async function orderProducts(client: BigCommerceClient, orderId: number, signal?: AbortSignal): Promise<ApiLine[]> {
  const all = await collectV2<unknown>(client, { path: `/orders/${orderId}/products`, limit: PAGE, signal });
  return all.map((l) => parse(ApiLine, l, `/v2/orders/${orderId}/products`));
}

async function walk(client: BigCommerceClient, filter: QueryParams, start: number, signal?: AbortSignal): Promise<ApiOrder[]> {
  const out: ApiOrder[] = [];
  for (let minId = start; ; ) {
    const query = { ...filter, min_id: minId || undefined, sort: 'id:asc', limit: PAGE, include: 'consignments.line_items', consignment_structure: 'object' };
    const res = await client.request<unknown>({ method: 'GET', version: 'v2', path: '/orders', query, signal });
    const page = res.data === null ? [] : parse(z.array(ApiOrder), res.data, '/v2/orders');
    out.push(...page);
    if (page.length === 0 || (page.length < PAGE && page.length !== DEFAULT_PAGE)) return out;
    minId = page[page.length - 1].id + 1;
  }
}

/** The order's pickable lines when all of them came inline; null when some must be fetched. */
function inlineLines(o: ApiOrder): ApiLine[] | null {
  // The legacy structure is a one-element array; a server that ignored `include` sends a link.
  const raw = Array.isArray(o.consignments) ? o.consignments[0] : o.consignments;
  const parsed = ConsignmentsObject.safeParse(raw);
  if (!parsed.success) return null;
  const consignments = [...(parsed.data.shipping ?? []), ...(parsed.data.pickups ?? [])];
  if (consignments.some((c) => c.__warning__ !== undefined || !c.line_items)) return null;
  const items = consignments.flatMap((c) => c.line_items ?? []);
  const lines = items.map((l) => ApiLine.safeParse(l));
  return lines.every((l) => l.success) ? lines.map((l) => l.data!) : null;
}

function toOrderLine(l: ApiLine): OrderLine {
  return {
    orderId: l.order_id, sku: l.sku ?? '', productId: l.product_id ?? 0, variantId: l.variant_id || null, name: l.name ?? '',
    options: (l.product_options ?? []).map((o) => ({ name: o.display_name ?? '', value: o.display_value ?? '' })),
    quantity: l.quantity, quantityRefunded: l.quantity_refunded ?? 0, quantityShipped: l.quantity_shipped ?? 0,
  };
}

/** Sorted ids cut where the next one is more than a page of ids away: [first, last] per run. */
function idRuns(ids: number[]): Array<[number, number]> {
  const sorted = [...ids].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const id of sorted) {
    const last = runs[runs.length - 1];
    if (last && id - last[1] <= RUN_GAP) last[1] = id;
    else runs.push([id, id]);
  }
  return runs;
}

export function parse<T>(schema: z.ZodType<T>, data: unknown, path: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new BigCommerceError({ code: 'BAD_RESPONSE', message: `Unexpected response from ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}.`, method: 'GET', path });
}
