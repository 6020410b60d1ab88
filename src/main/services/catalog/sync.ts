import type { BigCommerceClient } from '../bigcommerce';
import { walkList } from './fetch-pages';
import { normalizeProduct } from './normalize';
import type { ProductRow, SyncPhase } from './types';

/**
 * The network passes of a catalog sync. They only fetch and normalise; the service decides what
 * to commit, so a failed pass leaves the cache exactly as it was.
 */
export interface SyncContext {
  client: BigCommerceClient;
  decimalPlaces: number;
  signal: AbortSignal;
  lanes?: number;
  progress: (phase: SyncPhase, loaded: number, total: number) => void;
}

export interface FetchedRows {
  rows: Map<number, ProductRow>;
  /** Server time when the pass began (epoch ms), or null when the server sent no Date. */
  serverTime: number | null;
}

const PRODUCTS = '/catalog/products';
/** Ids per `id:in` request: one page's worth, and the URL stays well under 2 KB. */
const IDS_PER_REQUEST = 250;

/** `date_modified:min` wants ISO 8601 with a time (a bare date gets "now" appended; spec). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

async function fetchProducts(ctx: SyncContext, phase: SyncPhase, query: Record<string, string>, onePage = false): Promise<FetchedRows> {
  const rows = new Map<number, ProductRow>();
  const walk = await walkList(ctx.client, {
    path: PRODUCTS,
    query: { include: 'variants,primary_image', ...query },
    lanes: ctx.lanes,
    signal: ctx.signal,
    continueAfterFirst: onePage ? () => false : undefined,
    onPage: (items) => {
      for (const item of items) {
        const row = normalizeProduct(item, ctx.decimalPlaces);
        rows.set(row.id, row);
      }
    },
    onProgress: (loaded, total) => ctx.progress(phase, loaded, total),
  });
  return { rows, serverTime: walk.serverTime };
}

export function fetchAll(ctx: SyncContext): Promise<FetchedRows> {
  return fetchProducts(ctx, 'full', {});
}

export function fetchModifiedSince(ctx: SyncContext, sinceMs: number): Promise<FetchedRows> {
  return fetchProducts(ctx, 'delta', { 'date_modified:min': isoSeconds(sinceMs) });
}

export interface IdScan {
  ids: Set<number>;
  total: number;
  /** The count check matched after page 1, so the other pages were not fetched. */
  stoppedEarly: boolean;
}

/**
 * Every product id, 250 per request with `include_fields=id` (a few bytes per row).
 * With `skipIfCount`, page 1 is a 1-row page whose `total` is compared first: equal to the cached
 * count → stop there (one request of ~200 bytes).
 */
export async function scanIds(ctx: SyncContext, skipIfCount?: number): Promise<IdScan> {
  const ids = new Set<number>();
  const walk = await walkList(ctx.client, {
    path: PRODUCTS,
    query: { include_fields: 'id' },
    lanes: ctx.lanes,
    signal: ctx.signal,
    continueAfterFirst: (total) => total !== skipIfCount,
    firstLimit: skipIfCount === undefined ? undefined : 1,
    onPage: (items) => items.forEach((item) => ids.add((item as { id: number }).id)),
    onProgress: (loaded, total) => ctx.progress('reconcile', loaded, total),
  });
  if (!walk.complete) ctx.progress('reconcile', walk.total, walk.total); // the count check settled it
  return { ids, total: walk.total, stoppedEarly: !walk.complete };
}

/** Products by id (those the id scan found but the cache lacks), 250 per request. */
export async function fetchByIds(ctx: SyncContext, ids: readonly number[]): Promise<ProductRow[]> {
  const out: ProductRow[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
    const chunk = ids.slice(i, i + IDS_PER_REQUEST);
    const fetched = await fetchProducts({ ...ctx, progress: () => {} }, 'reconcile', { 'id:in': chunk.join(',') }, true);
    out.push(...fetched.rows.values());
  }
  return out;
}
