import type { BigCommerceClient, QueryParams } from './client';
import { BigCommerceError } from './errors';
import type { Priority } from './rate-limiter';

/**
 * Listing whole collections (bigcommerce-facts §3).
 * V3: page 1 tells `meta.pagination.total_pages`; pages 2..N are then requested together (at most
 * `prefetch` ahead; the store's limiter decides how many actually run) and yielded in page order.
 * V2: bare arrays, no totals. With a `/count` path we know the total and go parallel like V3;
 * without one we walk pages until 204/empty or a short page.
 * Data that changes while we list (deletes shift later pages) can skip or repeat an item; callers
 * that need a consistent snapshot should key by id.
 */
export interface Page<T> {
  page: number;
  /** null while unknown (V2 without a count). */
  totalPages: number | null;
  items: T[];
}

export interface PaginateOptions {
  path: string;
  query?: QueryParams;
  /** Page size, default 250 (the documented maximum). */
  limit?: number;
  priority?: Priority;
  /** Pages requested ahead of the consumer (default 8). */
  prefetch?: number;
  onProgress?: (donePages: number, totalPages: number | null) => void;
  signal?: AbortSignal;
}

export interface PaginateV2Options extends PaginateOptions {
  /** e.g. "/orders/count": `{count}` with the same filters, so pages can be fetched in parallel. */
  countPath?: string;
}

/** BigCommerce's default page size; a server that ignored our `limit` would send this many. */
const DEFAULT_PAGE_SIZE = 50;

interface V3Envelope<T> {
  data: T[];
  meta?: { pagination?: { total_pages?: number; links?: { next?: string } } };
}

function badResponse(path: string, what: string): BigCommerceError {
  return new BigCommerceError({ code: 'BAD_RESPONSE', message: `Unexpected list response: ${what}.`, method: 'GET', path });
}

export async function* paginateV3<T>(client: BigCommerceClient, options: PaginateOptions): AsyncGenerator<Page<T>> {
  yield* cancelOnExit(options, (opts) => v3Pages<T>(client, opts));
}

export async function* paginateV2<T>(client: BigCommerceClient, options: PaginateV2Options): AsyncGenerator<Page<T>> {
  yield* cancelOnExit(options, (opts) => v2Pages<T>(client, opts));
}

/** A consumer that stops early (break, throw) cancels the pages still queued or in flight. */
async function* cancelOnExit<O extends PaginateOptions, T>(
  options: O,
  run: (options: O) => AsyncGenerator<Page<T>>,
): AsyncGenerator<Page<T>> {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  try {
    yield* run({ ...options, signal });
  } finally {
    stop.abort();
  }
}

async function* v3Pages<T>(client: BigCommerceClient, options: PaginateOptions): AsyncGenerator<Page<T>> {
  const limit = options.limit ?? 250;
  const get = async (page: number) => {
    const query = { ...options.query, page, limit };
    const res = await client.request<V3Envelope<T> | null>({ ...requestBase(options), version: 'v3', query });
    if (res.data === null) return { items: [] as T[], meta: undefined }; // some sub-collections send 204
    if (!Array.isArray(res.data.data)) throw badResponse(`/v3${options.path}`, 'no data array');
    return { items: res.data.data, meta: res.data.meta?.pagination };
  };
  const first = await get(1);
  const totalPages = typeof first.meta?.total_pages === 'number' ? Math.max(1, first.meta.total_pages) : null;
  options.onProgress?.(1, totalPages);
  yield { page: 1, totalPages, items: first.items };
  if (totalPages !== null) {
    yield* inOrder(2, totalPages, async (page) => (await get(page)).items, options);
    return;
  }
  // No total (e.g. an endpoint without full pagination meta): follow `next` one page at a time.
  let meta = first.meta;
  for (let page = 2; meta?.links?.next; page++) {
    const next = await get(page);
    if (next.items.length === 0) return;
    options.onProgress?.(page, null);
    yield { page, totalPages: null, items: next.items };
    meta = next.meta;
  }
}

async function* v2Pages<T>(client: BigCommerceClient, options: PaginateV2Options): AsyncGenerator<Page<T>> {
  const limit = options.limit ?? 250;
  const get = async (page: number): Promise<T[]> => {
    const query = { ...options.query, page, limit };
    const res = await client.request<T[] | null>({ ...requestBase(options), version: 'v2', query });
    if (res.data === null) return []; // 204: past the last page
    if (!Array.isArray(res.data)) throw badResponse(`/v2${options.path}`, 'not an array');
    return res.data;
  };
  if (options.countPath) {
    yield* countedV2(client, options, limit, get);
    return;
  }
  // A short first page normally ends the list, but exactly DEFAULT_PAGE_SIZE items may mean the
  // server ignored our limit, so in that case we keep going until a page is short of *that* size.
  let pageSize = limit;
  for (let page = 1; ; page++) {
    const items = await get(page);
    if (items.length === 0) return;
    if (page === 1 && items.length === DEFAULT_PAGE_SIZE && limit > DEFAULT_PAGE_SIZE) pageSize = DEFAULT_PAGE_SIZE;
    options.onProgress?.(page, null);
    yield { page, totalPages: null, items };
    if (items.length < pageSize) return;
  }
}

async function* countedV2<T>(
  client: BigCommerceClient,
  options: PaginateV2Options,
  limit: number,
  get: (page: number) => Promise<T[]>,
): AsyncGenerator<Page<T>> {
  const res = await client.request<{ count?: unknown } | null>({
    ...requestBase(options),
    path: options.countPath!,
    version: 'v2',
    query: options.query,
  });
  const count = res.data?.count;
  if (typeof count !== 'number') throw badResponse(`/v2${options.countPath}`, 'no count');
  if (count === 0) {
    options.onProgress?.(0, 0);
    return;
  }
  const first = await get(1);
  // If page 1 is short of both the limit and the total, the server capped the page size.
  const pageSize = first.length < Math.min(limit, count) && first.length > 0 ? first.length : limit;
  const totalPages = Math.ceil(count / pageSize);
  options.onProgress?.(1, totalPages);
  yield { page: 1, totalPages, items: first };
  yield* inOrder(2, totalPages, get, options);
}

function requestBase(options: PaginateOptions) {
  return {
    method: 'GET' as const,
    path: options.path,
    priority: options.priority,
    signal: options.signal,
  };
}

/**
 * Fetch pages from..to with up to `prefetch` requests outstanding, yielding in page order.
 * If the consumer stops early, nothing awaits the pages already requested; their failures are
 * swallowed so they don't surface as unhandled rejections.
 */
async function* inOrder<T>(
  from: number,
  to: number,
  fetchPage: (page: number) => Promise<T[]>,
  options: PaginateOptions,
): AsyncGenerator<Page<T>> {
  const prefetch = Math.max(1, options.prefetch ?? 8);
  const pending = new Map<number, Promise<T[]>>();
  let next = from;
  const fill = () => {
    while (next <= to && pending.size < prefetch) {
      const promise = fetchPage(next);
      promise.catch(() => {});
      pending.set(next++, promise);
    }
  };
  for (let page = from; page <= to; page++) {
    fill();
    const items = await pending.get(page)!;
    pending.delete(page);
    options.onProgress?.(page, to);
    yield { page, totalPages: to, items };
  }
}

async function collect<T>(pages: AsyncGenerator<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page.items);
  return all;
}

export function collectV3<T>(client: BigCommerceClient, options: PaginateOptions): Promise<T[]> {
  return collect(paginateV3<T>(client, options));
}

export function collectV2<T>(client: BigCommerceClient, options: PaginateV2Options): Promise<T[]> {
  return collect(paginateV2<T>(client, options));
}
