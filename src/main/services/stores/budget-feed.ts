import type { RateBudget } from '../../../shared/contract';
import type { BigCommerceService, RateLimiterState } from '../bigcommerce';

const MIN_INTERVAL_MS = 250;

export function toBudget(storeId: string, storeHash: string, state: RateLimiterState): RateBudget {
  return {
    storeId,
    storeHash,
    left: state.left,
    quota: state.quota,
    windowMs: state.windowMs,
    resetAt: state.resetAt,
    inFlight: state.inFlight,
    queued: state.queued.interactive + state.queued.bulk,
    waitingMs: state.waitingMs,
  };
}

/**
 * Forwards each store's limiter state to the status bar at most 4 times a second per store
 * (a bulk job changes it hundreds of times a second), always delivering the latest state.
 */
export function startBudgetFeed(
  bigcommerce: BigCommerceService,
  storeHashOf: (storeId: string) => string | undefined,
  emit: (budget: RateBudget) => void,
): () => void {
  const last = new Map<string, number>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const unsubscribe = bigcommerce.onLimiterState((storeId) => {
    if (pending.has(storeId)) return;
    const wait = Math.max(0, (last.get(storeId) ?? 0) + MIN_INTERVAL_MS - Date.now());
    pending.set(
      storeId,
      setTimeout(() => {
        pending.delete(storeId);
        last.set(storeId, Date.now());
        const storeHash = storeHashOf(storeId);
        if (storeHash) emit(toBudget(storeId, storeHash, bigcommerce.limiterFor(storeId).state()));
      }, wait),
    );
  });
  return () => {
    unsubscribe();
    for (const timer of pending.values()) clearTimeout(timer);
  };
}
