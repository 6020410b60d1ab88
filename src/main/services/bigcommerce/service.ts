import { systemClock, type Clock } from './clock';
import { createBigCommerceClient, type BigCommerceClient } from './client';
import { createRateLimiter, type RateLimiter, type RateLimiterOptions, type RateLimiterState } from './rate-limiter';

/**
 * The per-store registry: exactly one limiter (and one client) per store hash, so every feature
 * that talks to a store (grid loads, bulk jobs, webhooks) shares that store's quota view.
 */
export interface BigCommerceServiceDeps {
  /** "https://api.bigcommerce.com" in production; the demo store's URL in browser/dev mode. */
  apiOrigin: string | ((storeHash: string) => string);
  getToken: (storeHash: string) => Promise<string>;
  fetch?: typeof fetch;
  clock?: Clock;
  timeoutMs?: number;
  limiter?: Omit<RateLimiterOptions, 'clock'>;
}

export interface BigCommerceService {
  clientFor(storeHash: string): BigCommerceClient;
  limiterFor(storeHash: string): RateLimiter;
  /** Limiter state of every store, for the status bar. Returns an unsubscribe function. */
  onLimiterState(listener: (storeHash: string, state: RateLimiterState) => void): () => void;
  /** Forget a removed store: its queued requests are rejected. (A new token needs nothing: getToken runs per attempt.) */
  forget(storeHash: string): void;
  close(): void;
}

export function createBigCommerceService(deps: BigCommerceServiceDeps): BigCommerceService {
  const clock = deps.clock ?? systemClock;
  const stores = new Map<string, { limiter: RateLimiter; client: BigCommerceClient; unsubscribe: () => void }>();
  const listeners = new Set<(storeHash: string, state: RateLimiterState) => void>();

  function entry(storeHash: string) {
    let found = stores.get(storeHash);
    if (!found) {
      const limiter = createRateLimiter({ ...deps.limiter, clock });
      const apiOrigin = typeof deps.apiOrigin === 'function' ? deps.apiOrigin(storeHash) : deps.apiOrigin;
      const client = createBigCommerceClient({
        storeHash,
        apiOrigin,
        getToken: () => deps.getToken(storeHash),
        fetch: deps.fetch,
        limiter,
        timeoutMs: deps.timeoutMs,
        clock,
      });
      const unsubscribe = limiter.onState((state) => listeners.forEach((l) => l(storeHash, state)));
      found = { limiter, client, unsubscribe };
      stores.set(storeHash, found);
    }
    return found;
  }

  function forget(storeHash: string): void {
    const found = stores.get(storeHash);
    if (!found) return;
    found.unsubscribe();
    found.limiter.close();
    stores.delete(storeHash);
  }

  return {
    clientFor: (storeHash) => entry(storeHash).client,
    limiterFor: (storeHash) => entry(storeHash).limiter,
    onLimiterState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    forget,
    close: () => [...stores.keys()].forEach(forget),
  };
}
