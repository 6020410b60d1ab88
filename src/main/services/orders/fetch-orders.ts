import { z } from 'zod';
import type { OrderRowData, OrderStatus } from '../../../shared/contract';
import type { BigCommerceClient, QueryParams } from '../bigcommerce';
import { ApiOrder, ApiStatus, parseOrThrow, toOrderRow, toStatus } from './normalize';

/**
 * Reading orders for the cache (bigcommerce-facts §7):
 * - Walked by id (`sort=id:asc&min_id=<last + 1>`, 250 a page), not by page number: an order that
 *   changes or is archived while we read cannot shift later pages and hide another.
 * - `include=consignments&consignment_structure=object` brings the shipping consignments (method,
 *   country) inline without their lines: the grid needs no per-order call.
 * - The server's clock (the `Date` header of the first answer) is where the next delta starts, so
 *   a skewed local clock cannot skip changes.
 */
export interface WalkResult {
  rows: OrderRowData[];
  /** Server time (epoch ms) when the walk began; null when the server sent no Date. */
  serverTime: number | null;
}

export interface WalkOptions {
  filter?: QueryParams;
  /** The first id to read (min_id); default: from the start. */
  startId?: number;
  statusNames: ReadonlyMap<number, string>;
  signal?: AbortSignal;
  priority?: 'interactive' | 'bulk';
  onPage?(loaded: number): void;
}

const PAGE = 250;
/** BigCommerce's default page size: a full page of exactly this many may mean our limit was ignored. */
const DEFAULT_PAGE = 50;

export async function walkOrders(client: BigCommerceClient, options: WalkOptions): Promise<WalkResult> {
  const rows: OrderRowData[] = [];
  let serverTime: number | null = null;
  for (let minId = options.startId ?? 0; ; ) {
    const query = { ...options.filter, min_id: minId || undefined, sort: 'id:asc', limit: PAGE, include: 'consignments', consignment_structure: 'object' };
    const res = await client.request<unknown>({ method: 'GET', version: 'v2', path: '/orders', query, signal: options.signal, priority: options.priority ?? 'interactive' });
    if (serverTime === null) serverTime = dateHeader(res.headers.get('date'));
    const page = res.data === null ? [] : parseOrThrow(z.array(ApiOrder), res.data, '/v2/orders');
    for (const o of page) rows.push(toOrderRow(o, options.statusNames));
    options.onPage?.(rows.length);
    if (page.length === 0 || (page.length < PAGE && page.length !== DEFAULT_PAGE)) return { rows, serverTime };
    minId = page[page.length - 1]!.id + 1;
  }
}

export async function countOrders(client: BigCommerceClient, signal?: AbortSignal): Promise<number> {
  const res = await client.request<{ count?: unknown } | null>({ method: 'GET', version: 'v2', path: '/orders/count', signal });
  return typeof res.data?.count === 'number' ? res.data.count : 0;
}

export async function fetchStatuses(client: BigCommerceClient, signal?: AbortSignal): Promise<OrderStatus[]> {
  const res = await client.request<unknown>({ method: 'GET', version: 'v2', path: '/order_statuses', signal });
  const list = parseOrThrow(z.array(ApiStatus), res.data ?? [], '/v2/order_statuses');
  return list.map(toStatus).sort((a, b) => a.order - b.order || a.id - b.id);
}

/**
 * A delta by `min_date_modified` never sees an order archived (`DELETE /v2/orders/{id}`, or a PUT
 * of `is_deleted: true`): it just stops being listed, in `/orders` and `/orders/count` alike. So
 * after a delta the store's count (one cheap request) is compared with what the cache will hold;
 * only when they differ is every order walked again, and the cached ids it no longer lists are
 * dropped (the catalog's count check, catalog/sync.ts). The walk's rows are fresh, so they are
 * kept too: an order restored from the archive comes back the same way.
 */
export async function findRemoved(client: BigCommerceClient, cachedIds: ReadonlySet<number>, statusNames: ReadonlyMap<number, string>, signal?: AbortSignal): Promise<{ rows: OrderRowData[]; removedIds: number[] } | null> {
  if ((await countOrders(client, signal)) === cachedIds.size) return null;
  const walk = await walkOrders(client, { statusNames, signal });
  const listed = new Set(walk.rows.map((row) => row.id));
  return { rows: walk.rows, removedIds: [...cachedIds].filter((id) => !listed.has(id)) };
}

/**
 * Chosen orders (V2 has no `id:in`): one `min_id`/`max_id` range per run of ids less than a page
 * apart, walked 250 orders a page: a burst of webhooks for recent orders costs one request,
 * scattered ids one each. Ids the store no longer lists (archived) are absent from the answer.
 */
export async function fetchOrdersByIds(client: BigCommerceClient, ids: readonly number[], statusNames: ReadonlyMap<number, string>): Promise<OrderRowData[]> {
  const wanted = new Set(ids);
  const runs = idRuns([...wanted]);
  const found = await Promise.all(runs.map(([min, max]) => walkOrders(client, { filter: { max_id: max }, startId: min, statusNames })));
  return found.flatMap((r) => r.rows).filter((row) => wanted.has(row.id));
}

/** Sorted ids cut where the next one is more than a page of ids away: [first, last] per run. */
function idRuns(ids: number[]): Array<[number, number]> {
  const sorted = [...ids].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const id of sorted) {
    const last = runs[runs.length - 1];
    if (last && id - last[1] <= PAGE) last[1] = id;
    else runs.push([id, id]);
  }
  return runs;
}

function dateHeader(value: string | null): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** `min_date_modified` as ISO 8601 with seconds (the spec accepts RFC-2822 or ISO-8601). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
