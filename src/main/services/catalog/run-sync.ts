import { BigCommerceError, type BigCommerceClient } from '../bigcommerce';
import type { StoreCatalog } from './catalog-state';
import { fetchAll, fetchByIds, fetchModifiedSince, scanIds, type SyncContext } from './sync';
import type { ProductRow } from './types';

/**
 * What a sync decided, before anything is committed to the cache:
 * - full: the complete new row set;
 * - delta: rows to upsert and ids to drop on top of the current cache.
 * `deltaFrom` is where the next delta starts (server time at the start of this sync).
 */
export type SyncOutcome =
  | { mode: 'full'; rows: ProductRow[]; deltaFrom: number }
  | { mode: 'delta'; upserts: ProductRow[]; removals: number[]; deltaFrom: number };

export interface DeltaOptions {
  /** Re-fetch changes this much before the last sync's start: clock skew, second-precision dates, listing lag. */
  marginMs: number;
  /** Always scan every id, instead of stopping when BigCommerce's count equals the cache's. */
  fullReconcile: boolean;
}

/**
 * Compare the store's ids with `known`: ids we lack are fetched, ids the store lacks are dropped.
 * The count shortcut (1 request instead of total/250): every product the store has is in `known`,
 * because full loads and deltas walk by id ranges (deletes cannot shift them) and anything
 * created or changed since the last sync is in the delta. So equal counts mean nothing was
 * deleted. That holds as long as BigCommerce's listing lags its writes by less than the delta
 * margin; `fullReconcile` scans every id regardless (e.g. a periodic or user-asked deep check).
 */
async function reconcile(ctx: SyncContext, known: ReadonlySet<number>, countShortcut: boolean) {
  const scan = await scanIds(ctx, countShortcut ? known.size : undefined);
  if (scan.stoppedEarly) return { add: [] as ProductRow[], remove: [] as number[] };
  const missing = [...scan.ids].filter((id) => !known.has(id));
  const remove = [...known].filter((id) => !scan.ids.has(id));
  const add = missing.length ? await fetchByIds(ctx, missing) : [];
  return { add, remove };
}

export async function runFull(ctx: SyncContext, startedAt: number): Promise<SyncOutcome> {
  const fetched = await fetchAll(ctx);
  return { mode: 'full', rows: [...fetched.rows.values()], deltaFrom: fetched.serverTime ?? startedAt };
}

export async function runDelta(
  ctx: SyncContext,
  current: StoreCatalog,
  startedAt: number,
  options: DeltaOptions,
): Promise<SyncOutcome> {
  const fetched = await fetchModifiedSince(ctx, current.meta.deltaFrom - options.marginMs);
  const known = new Set(current.byId.keys());
  for (const id of fetched.rows.keys()) known.add(id);
  const healed = await reconcile(ctx, known, !options.fullReconcile);
  return {
    mode: 'delta',
    upserts: [...fetched.rows.values(), ...healed.add],
    removals: healed.remove,
    deltaFrom: fetched.serverTime ?? startedAt,
  };
}

/**
 * The store's currency and its decimal places from `GET /v2/store` (`currency`, `decimal_places`, facts §10).
 * Falls back to 2 (the usual case) when the endpoint is unavailable: a token without the
 * store-information scope gets 403, the demo store answers 404 until it implements /v2/store.
 * A store with e.g. a 0-decimal currency then needs the service's `decimalPlaces` dependency.
 */
export async function fetchStoreMoney(client: BigCommerceClient, signal: AbortSignal): Promise<{ decimalPlaces: number; currency: string | null }> {
  try {
    const res = await client.request<{ decimal_places?: unknown; currency?: unknown } | null>({
      method: 'GET', version: 'v2', path: '/store', priority: 'interactive', signal,
    });
    const dp = res.data?.decimal_places;
    const currency = res.data?.currency;
    return {
      decimalPlaces: typeof dp === 'number' && Number.isInteger(dp) && dp >= 0 && dp <= 10 ? dp : 2,
      currency: typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : null,
    };
  } catch (error) {
    if (error instanceof BigCommerceError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return { decimalPlaces: 2, currency: null };
    throw error;
  }
}
