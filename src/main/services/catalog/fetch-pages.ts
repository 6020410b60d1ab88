import { BigCommerceError, type BigCommerceClient, type Priority, type QueryParams } from '../bigcommerce';

/**
 * Walk a V3 list by id ranges ("keyset" paging), several ranges at once.
 *
 * Why not `?page=N` in parallel (what `paginateV3` does): offset pages shift when a product is
 * deleted meanwhile, so a row moves onto a page already read and is silently skipped; with a
 * create in the same window the total doesn't even change, so nothing would reveal it. Here
 * every request is `sort=id&id:greater=<last id seen>&id:max=<end of its range>`, which no
 * delete or create can shift. (BigCommerce documents `id:greater`, `id:max` and `sort=id` for
 * products: bigcommerce-facts §6.)
 *
 * 1. Page 1 (`interactive`: the user is waiting) gives the first rows and `total`.
 * 2. If there is more, one tiny request (`sort=id&direction=desc&limit=1&include_fields=id`) gives the
 *    highest id; (last id of page 1, highest id] is cut into `lanes` equal id ranges.
 * 3. Each lane pages through its range at `bulk` priority until a short page. The store's rate
 *    limiter decides how many requests actually run at once.
 * Cost: about total/limit requests plus one per lane plus one; products created after step 2 get
 * higher ids and are left to the next delta sync (their date_modified is after this walk began).
 */
export interface WalkOptions {
  path: string;
  query?: QueryParams;
  limit?: number;
  /** Upper bound on id ranges walked at once (default 8). */
  lanes?: number;
  signal?: AbortSignal;
  onPage: (items: unknown[]) => void;
  onProgress?: (loaded: number, total: number) => void;
  /** Asked after page 1 with its `total`; false stops the walk there (a cheap count check). */
  continueAfterFirst?: (total: number) => boolean;
  /** Page 1's size, when it should differ from `limit`: a count check needs 1 row, not 250. */
  firstLimit?: number;
}

export interface WalkResult {
  /** `total` reported by page 1. */
  total: number;
  received: number;
  /** Server clock when page 1 was answered (its Date header, epoch ms), or null if absent. */
  serverTime: number | null;
  /** False when `continueAfterFirst` stopped the walk after page 1. */
  complete: boolean;
}

interface V3List {
  data?: unknown;
  meta?: { pagination?: { total?: unknown } };
}

interface Page {
  items: unknown[];
  ids: number[];
  total: number | null;
  date: string | null;
}

function badResponse(path: string, what: string): BigCommerceError {
  return new BigCommerceError({ code: 'BAD_RESPONSE', message: `Unexpected list response: ${what}.`, method: 'GET', path: `/v3${path}` });
}

async function getPage(client: BigCommerceClient, opts: WalkOptions, query: QueryParams, priority: Priority, signal: AbortSignal): Promise<Page> {
  const res = await client.request<V3List | null>({
    method: 'GET', version: 'v3', path: opts.path, priority, signal,
    query: { ...opts.query, sort: 'id', limit: opts.limit ?? 250, ...query },
  });
  const items = res.data?.data ?? [];
  if (!Array.isArray(items)) throw badResponse(opts.path, 'no data array');
  const ids = items.map((item: unknown) => (item as { id?: unknown } | null)?.id);
  if (!ids.every((id): id is number => typeof id === 'number' && Number.isInteger(id))) throw badResponse(opts.path, 'a row without an integer id');
  const total = res.data?.meta?.pagination?.total;
  return { items, ids, total: typeof total === 'number' ? total : null, date: res.headers.get('date') };
}

export async function walkList(client: BigCommerceClient, opts: WalkOptions): Promise<WalkResult> {
  const stop = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
  const limit = opts.limit ?? 250;
  try {
    const firstLimit = opts.firstLimit ?? limit;
    const first = await getPage(client, opts, { limit: firstLimit }, 'interactive', signal);
    const total = first.total ?? first.items.length;
    const state = { received: 0, total };
    const take = (page: Page) => {
      state.received += page.items.length;
      opts.onPage(page.items);
      opts.onProgress?.(state.received, Math.max(state.total, state.received));
    };
    take(first);
    const complete = opts.continueAfterFirst?.(total) ?? true;
    if (complete && first.items.length >= firstLimit) {
      const maxId = await highestId(client, opts, signal);
      const lanes = splitRange(Math.max(...first.ids), maxId, laneCount(opts, total - first.items.length, limit));
      await Promise.all(lanes.map(([after, upTo]) => walkLane(client, opts, after, upTo, signal, take)));
    }
    const date = first.date === null ? NaN : Date.parse(first.date);
    return { total, received: state.received, serverTime: Number.isNaN(date) ? null : date, complete };
  } finally {
    stop.abort(); // a failed request cancels its siblings still queued in the limiter
  }
}

async function highestId(client: BigCommerceClient, opts: WalkOptions, signal: AbortSignal): Promise<number> {
  const page = await getPage(client, opts, { direction: 'desc', limit: 1, include_fields: 'id', include: undefined }, 'bulk', signal);
  return page.ids[0] ?? 0;
}

/** Enough lanes to keep the limiter busy, few enough that the one extra request per lane stays small. */
function laneCount(opts: WalkOptions, remaining: number, limit: number): number {
  const pages = Math.ceil(remaining / limit);
  return Math.max(1, Math.min(opts.lanes ?? 8, Math.ceil(pages / 3)));
}

/** (after, upTo] cut into `count` ranges of equal id width: [after_i, upTo_i] pairs, exclusive start. */
export function splitRange(after: number, upTo: number, count: number): Array<[number, number]> {
  if (upTo <= after) return [];
  const width = Math.ceil((upTo - after) / count);
  const out: Array<[number, number]> = [];
  for (let start = after; start < upTo; start += width) out.push([start, Math.min(upTo, start + width)]);
  return out;
}

async function walkLane(
  client: BigCommerceClient, opts: WalkOptions, after: number, upTo: number, signal: AbortSignal, take: (page: Page) => void,
): Promise<void> {
  const limit = opts.limit ?? 250;
  for (let cursor = after; ; ) {
    const page = await getPage(client, opts, { 'id:greater': cursor, 'id:max': upTo }, 'bulk', signal);
    take(page);
    if (page.items.length < limit) return;
    cursor = Math.max(...page.ids); // max, not last: correct even if a server ignored sort=id
  }
}
