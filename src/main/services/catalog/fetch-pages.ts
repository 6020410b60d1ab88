import { BigCommerceError, type BigCommerceClient, type QueryParams } from '../bigcommerce';

/**
 * Walk a V3 list (bigcommerce-facts §3). Page 1 goes out at `interactive` priority (the user is
 * waiting for the first rows); once it tells `total_pages`, pages 2..N go out together at `bulk`
 * priority so the store's limiter can put the user's clicks ahead of them. The limiter decides how
 * many run at once; `prefetch` only caps how many we queue.
 *
 * Why not `paginateV3`: it uses one priority for every page and yields in page order; callers here
 * key rows by id, so pages are handed over as they arrive (no head-of-line wait).
 *
 * Offset paging over live data can skip or repeat a row when rows are created or deleted
 * meanwhile. Every page reports the filter's `total`; `consistent` is false when those differ or
 * the rows received don't add up, and the caller then heals (reconcile) or keeps its old watermark.
 */
export interface PageWalkOptions {
  path: string;
  query?: QueryParams;
  limit?: number;
  prefetch?: number;
  signal?: AbortSignal;
  onPage: (items: unknown[]) => void;
  onProgress?: (loaded: number, total: number) => void;
  /** Asked after page 1 with its `total`; false stops the walk there (a cheap count check). */
  continueAfterFirst?: (total: number) => boolean;
}

export interface PageWalkResult {
  /** `total` reported by page 1. */
  total: number;
  /** Rows received over all pages. */
  received: number;
  /** Server clock (Date header of page 1, epoch ms), or null if absent. */
  serverTime: number | null;
  consistent: boolean;
  /** False when `continueAfterFirst` stopped the walk after page 1. */
  complete: boolean;
}

interface V3List {
  data?: unknown;
  meta?: { pagination?: { total?: unknown; total_pages?: unknown } };
}

interface PageData {
  items: unknown[];
  total: number | null;
  totalPages: number | null;
  date: string | null;
}

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

async function getPage(client: BigCommerceClient, opts: PageWalkOptions, page: number, signal: AbortSignal): Promise<PageData> {
  const res = await client.request<V3List | null>({
    method: 'GET',
    version: 'v3',
    path: opts.path,
    query: { ...opts.query, limit: opts.limit ?? 250, page },
    priority: page === 1 ? 'interactive' : 'bulk',
    signal,
  });
  const items = res.data?.data ?? [];
  if (!Array.isArray(items)) {
    throw new BigCommerceError({ code: 'BAD_RESPONSE', message: 'List response has no data array.', method: 'GET', path: `/v3${opts.path}` });
  }
  const pagination = res.data?.meta?.pagination;
  return { items, total: numberOrNull(pagination?.total), totalPages: numberOrNull(pagination?.total_pages), date: res.headers.get('date') };
}

export async function walkPages(client: BigCommerceClient, opts: PageWalkOptions): Promise<PageWalkResult> {
  const stop = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
  try {
    const first = await getPage(client, opts, 1, signal);
    let total = first.total ?? first.items.length;
    const state = { received: first.items.length, totals: new Set([total]) };
    opts.onPage(first.items);
    opts.onProgress?.(state.received, total);
    const complete = opts.continueAfterFirst?.(total) ?? true;
    if (complete && first.totalPages !== null) {
      await walkParallel(client, opts, signal, state, first.totalPages, total);
    } else if (complete) {
      await walkSequential(client, opts, signal, state);
      total = state.received;
      state.totals = new Set([total]);
    }
    const date = first.date === null ? NaN : Date.parse(first.date);
    return {
      total,
      received: state.received,
      serverTime: Number.isNaN(date) ? null : date,
      consistent: state.totals.size === 1 && state.received === total,
      complete,
    };
  } finally {
    stop.abort(); // a failed page cancels its siblings still queued in the limiter
  }
}

type WalkState = { received: number; totals: Set<number> };

async function walkParallel(
  client: BigCommerceClient, opts: PageWalkOptions, signal: AbortSignal, state: WalkState, totalPages: number, total: number,
): Promise<void> {
  let next = 2;
  const worker = async () => {
    while (next <= totalPages) {
      const page = await getPage(client, opts, next++, signal);
      if (page.total !== null) state.totals.add(page.total);
      state.received += page.items.length;
      opts.onPage(page.items);
      opts.onProgress?.(state.received, total);
    }
  };
  const workers = Math.max(1, Math.min(opts.prefetch ?? 8, totalPages - 1));
  await Promise.all(Array.from({ length: workers }, worker));
}

/** No pagination meta (not seen on products, but cheap to survive): walk until a short page. */
async function walkSequential(client: BigCommerceClient, opts: PageWalkOptions, signal: AbortSignal, state: WalkState): Promise<void> {
  const limit = opts.limit ?? 250;
  let last = state.received;
  for (let page = 2; last === limit; page++) {
    const data = await getPage(client, opts, page, signal);
    last = data.items.length;
    state.received += last;
    opts.onPage(data.items);
    opts.onProgress?.(state.received, state.received);
  }
}
