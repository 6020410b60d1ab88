import { BigCommerceError, type BigCommerceClient, type Priority, type QueryParams } from '../bigcommerce';
import { isoSeconds } from '../catalog/sync';
import { normalizeCustomer, type CustomerRow } from './normalize';

/**
 * The network passes of a customers sync: they fetch and normalise, the service decides what to
 * commit. Customers V3 has no `id:greater` (customers.v3.yml), so unlike the catalog these walk
 * `page=N`: page 1 gives `total_pages`, the rest are asked for at once and the store's limiter
 * decides how many run. A delete during the walk can shift a row onto a page already read; the
 * count check of the next refresh (see `countCustomers`) then reloads everything.
 */
export interface FetchContext {
  client: BigCommerceClient;
  decimalPlaces: number;
  signal: AbortSignal;
  onProgress?: (loaded: number, total: number) => void;
}

export interface Fetched {
  rows: CustomerRow[];
  /** Server clock when page 1 was answered (its Date header), or null. */
  serverTime: number | null;
}

const LIMIT = 250;

interface V3List {
  data?: unknown;
  meta?: { pagination?: { total?: unknown; total_pages?: unknown } };
}

function badResponse(what: string): BigCommerceError {
  return new BigCommerceError({ code: 'BAD_RESPONSE', message: `Unexpected customers list: ${what}.`, method: 'GET', path: '/v3/customers' });
}

async function getPage(ctx: FetchContext, query: QueryParams, priority: Priority) {
  const res = await ctx.client.request<V3List | null>({ method: 'GET', version: 'v3', path: '/customers', query, priority, signal: ctx.signal });
  const items = res.data?.data ?? [];
  if (!Array.isArray(items)) throw badResponse('no data array');
  const pagination = res.data?.meta?.pagination;
  const total = typeof pagination?.total === 'number' ? pagination.total : items.length;
  const pages = typeof pagination?.total_pages === 'number' ? pagination.total_pages : 1;
  return { items, total, pages, date: res.headers.get('date') };
}

/** Every customer matching `filter`, with store credit. */
export async function fetchCustomers(ctx: FetchContext, filter: QueryParams = {}): Promise<Fetched> {
  const base = { ...filter, include: 'storecredit', limit: LIMIT };
  const first = await getPage(ctx, { ...base, page: 1 }, 'interactive');
  const rows = first.items.map((item) => normalizeCustomer(item, ctx.decimalPlaces));
  ctx.onProgress?.(rows.length, first.total);
  const rest: Array<Promise<void>> = [];
  for (let page = 2; page <= first.pages; page++) {
    rest.push(
      getPage(ctx, { ...base, page }, 'bulk').then((next) => {
        for (const item of next.items) rows.push(normalizeCustomer(item, ctx.decimalPlaces));
        ctx.onProgress?.(rows.length, Math.max(first.total, rows.length));
      }),
    );
  }
  await Promise.all(rest);
  const date = first.date === null ? NaN : Date.parse(first.date);
  return { rows, serverTime: Number.isNaN(date) ? null : date };
}

export function fetchModifiedSince(ctx: FetchContext, sinceMs: number): Promise<Fetched> {
  return fetchCustomers(ctx, { 'date_modified:min': isoSeconds(sinceMs) });
}

/** How many customers the store has (one 1-row request). */
export async function countCustomers(ctx: FetchContext): Promise<number> {
  return (await getPage(ctx, { limit: 1, page: 1 }, 'interactive')).total;
}

/** Customers by email (`email:in`): the look-up after a create whose answer was lost. */
export async function findByEmail(ctx: FetchContext, email: string): Promise<CustomerRow | null> {
  const page = await getPage(ctx, { 'email:in': email, include: 'storecredit', limit: 10, page: 1 }, 'interactive');
  const rows = page.items.map((item) => normalizeCustomer(item, ctx.decimalPlaces));
  return rows.find((row) => row.email.toLowerCase() === email.toLowerCase()) ?? null;
}
