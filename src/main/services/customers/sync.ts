import type { CustomersSyncResult } from '../../../shared/contract';
import type { BigCommerceClient } from '../bigcommerce';
import { fetchStoreMoney } from '../catalog/run-sync';
import { createState, orderedRows, upsertRows, type CustomersState } from './customers-state';
import { countCustomers, fetchCustomers, fetchModifiedSince, type FetchContext } from './fetch';

export type CustomersEvent =
  | { type: 'syncProgressed'; storeId: string; loaded: number; total: number }
  | ({ type: 'synced' } & CustomersSyncResult)
  | { type: 'syncFailed'; storeId: string; message: string; code: string }
  | { type: 'cacheRejected'; reason: string };

export interface SyncInput {
  client: BigCommerceClient;
  storeId: string;
  storeHash: string;
  /** The cache to refresh by delta; null loads everything. */
  base: CustomersState | null;
  now(): number;
  emit(event: CustomersEvent): void;
}

/** Re-fetch changes this much before the last sync's start: clock skew, second-precision dates, listing lag. */
const MARGIN_MS = 5 * 60_000;
const PROGRESS_MS = 250;

function progressOf(input: SyncInput): FetchContext['onProgress'] {
  let last = -Infinity;
  return (loaded, total) => {
    const t = input.now();
    if (loaded < total && t - last < PROGRESS_MS) return;
    last = t;
    input.emit({ type: 'syncProgressed', storeId: input.storeId, loaded, total });
  };
}

/**
 * One sync, committed by the caller only when it returns. A delta takes every customer modified
 * since the last sync (minus a margin), then compares the store's count with the merged cache:
 * equal means nothing was deleted (creates and edits are in the delta); different means a
 * deletion, and since Customers V3 can't list ids alone, everything is reloaded.
 */
export async function runCustomersSync(input: SyncInput): Promise<{ state: CustomersState; result: CustomersSyncResult }> {
  const startedAt = input.now();
  const signal = new AbortController().signal;
  const decimalPlaces = input.base?.meta.decimalPlaces ?? (await fetchStoreMoney(input.client, signal)).decimalPlaces;
  const ctx: FetchContext = { client: input.client, decimalPlaces, signal, onProgress: progressOf(input) };
  const meta = (deltaFrom: number | null) => ({
    storeId: input.storeId, storeHash: input.storeHash, syncedAt: new Date(input.now()).toISOString(), deltaFrom: deltaFrom ?? startedAt, decimalPlaces,
  });
  const result = (mode: 'full' | 'delta', state: CustomersState, upserted: number, removed: number): CustomersSyncResult => ({
    storeId: input.storeId, mode, customers: state.byId.size, at: state.meta.syncedAt, upserted, removed,
  });
  if (input.base) {
    const delta = await fetchModifiedSince(ctx, input.base.meta.deltaFrom - MARGIN_MS);
    const merged = createState(meta(delta.serverTime), orderedRows(input.base));
    const upserted = upsertRows(merged, delta.rows);
    if ((await countCustomers(ctx)) === merged.byId.size) return { state: merged, result: result('delta', merged, upserted, 0) };
  }
  const full = await fetchCustomers(ctx);
  const state = createState(meta(full.serverTime), full.rows);
  const removed = input.base ? [...input.base.byId.keys()].filter((id) => !state.byId.has(id)).length : 0;
  return { state, result: result('full', state, state.byId.size, removed) };
}
