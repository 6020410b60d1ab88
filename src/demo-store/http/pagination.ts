import type { Query } from './query';
import { ApiError } from './errors';

export interface Paging {
  page: number;
  limit: number;
}

export interface PageOptions {
  defaultLimit?: number;
  maxLimit?: number;
}

/**
 * Reads `page`/`limit`. A limit above the maximum is clamped rather than rejected
 * ([unverified]: the status-code page lists 413 for it, clients are not known to rely on either).
 */
export function readPaging(q: Query, opts: PageOptions = {}): Paging {
  const defaultLimit = opts.defaultLimit ?? 50;
  const maxLimit = opts.maxLimit ?? 250;
  const page = q.int('page') ?? 1;
  let limit = q.int('limit') ?? defaultLimit;
  if (page < 1) throw new ApiError(422, 'Invalid page', { errors: { page: 'page must be 1 or greater' } });
  if (limit < 1) limit = defaultLimit;
  if (limit > maxLimit) limit = maxLimit;
  return { page, limit };
}

export function slicePage<T>(items: readonly T[], p: Paging): T[] {
  const start = (p.page - 1) * p.limit;
  return items.slice(start, start + p.limit);
}

const enc = (s: string): string => encodeURIComponent(s).replace(/%3A/gi, ':').replace(/%2C/gi, ',');

/** Relative link query string keeping the caller's filters ([unverified]: spec examples show only page/limit). */
function link(q: Query, page: number, limit: number): string {
  const parts: string[] = [];
  for (const [k, v] of q.raw) if (k !== 'page' && k !== 'limit') parts.push(`${enc(k)}=${enc(v)}`);
  parts.push(`page=${page}`, `limit=${limit}`);
  return '?' + parts.join('&');
}

export interface V3Pagination {
  total: number;
  count: number;
  per_page: number;
  current_page: number;
  total_pages: number;
  links: { previous?: string; current: string; next?: string };
}

export function v3Pagination(q: Query, p: Paging, total: number, count: number): V3Pagination {
  const totalPages = Math.ceil(total / p.limit);
  const links: V3Pagination['links'] = { current: link(q, p.page, p.limit) };
  if (p.page > 1) links.previous = link(q, p.page - 1, p.limit);
  if (p.page < totalPages) links.next = link(q, p.page + 1, p.limit);
  return { total, count, per_page: p.limit, current_page: p.page, total_pages: totalPages, links };
}

/** Standard V3 collection envelope. */
export function v3List<T>(q: Query, p: Paging, all: readonly T[], map: (item: T) => unknown = (x) => x) {
  const page = slicePage(all, p);
  return { data: page.map(map), meta: { pagination: v3Pagination(q, p, all.length, page.length) } };
}
