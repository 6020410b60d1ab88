import { systemClock, type Clock } from './clock';
import { createBigCommerceClient, type BigCommerceClient } from './client';
import { createRateLimiter, type RateLimiter, type RateLimiterOptions, type RateLimiterState } from './rate-limiter';

/** Where a store profile's requests go. Two profiles may share a hash (a sandbox and production). */
export interface StoreTarget {
  storeHash: string;
  apiOrigin: string;
}

/** A store that is not (or not yet) a profile: the connection test of a new token. */
export interface DraftTarget extends StoreTarget {
  token: string;
}

/**
 * The per-store registry: exactly one limiter (and one client) per store profile id, so every
 * feature that talks to a store (grid loads, bulk jobs, connection tests, webhooks) shares that
 * profile's quota view. Profiles, not hashes: one hash on two origins is two stores.
 */
export interface BigCommerceServiceDeps {
  /** The profile's hash and origin; throws (NOT_FOUND) for an unknown profile. */
  target: (storeId: string) => StoreTarget;
  getToken: (storeId: string) => Promise<string>;
  fetch?: typeof fetch;
  clock?: Clock;
  timeoutMs?: number;
  limiter?: Omit<RateLimiterOptions, 'clock'>;
}

export interface ProbeOptions {
  timeoutMs: number;
  maxRetries: number;
}

export interface BigCommerceService {
  clientFor(storeId: string): BigCommerceClient;
  limiterFor(storeId: string): RateLimiter;
  /**
   * A client for a connection test: on a profile's limiter when `storeId` is given, else on one
   * limiter per (origin, hash) draft target, so repeated tests of a new store share a quota view too.
   */
  probeClient(target: DraftTarget, options: ProbeOptions, storeId?: string): BigCommerceClient;
  /** Limiter state of every store, for the status bar. Returns an unsubscribe function. */
  onLimiterState(listener: (storeId: string, state: RateLimiterState) => void): () => void;
  /** Forget a removed or re-pointed profile: its queued requests are rejected. (A new token needs nothing: getToken runs per attempt.) */
  forget(storeId: string): void;
  close(): void;
}

interface Entry {
  limiter: RateLimiter;
  client: BigCommerceClient | null;
  unsubscribe: () => void;
}

export function createBigCommerceService(deps: BigCommerceServiceDeps): BigCommerceService {
  const clock = deps.clock ?? systemClock;
  const stores = new Map<string, Entry>();
  const drafts = new Map<string, RateLimiter>();
  const listeners = new Set<(storeId: string, state: RateLimiterState) => void>();

  // The limiter needs no profile (a removed store's job still reports its waits); the client does.
  function entry(storeId: string): Entry {
    let found = stores.get(storeId);
    if (!found) {
      const limiter = createRateLimiter({ ...deps.limiter, clock });
      const unsubscribe = limiter.onState((state) => listeners.forEach((l) => l(storeId, state)));
      found = { limiter, client: null, unsubscribe };
      stores.set(storeId, found);
    }
    return found;
  }

  function clientFor(storeId: string): BigCommerceClient {
    const found = entry(storeId);
    if (!found.client) {
      const { storeHash, apiOrigin } = deps.target(storeId);
      const getToken = () => deps.getToken(storeId);
      found.client = createBigCommerceClient({ storeHash, apiOrigin, getToken, fetch: deps.fetch, limiter: found.limiter, timeoutMs: deps.timeoutMs, clock });
    }
    return found.client;
  }

  function probeClient(target: DraftTarget, options: ProbeOptions, storeId?: string): BigCommerceClient {
    let limiter = storeId === undefined ? drafts.get(`${target.apiOrigin} ${target.storeHash}`) : entry(storeId).limiter;
    if (!limiter) drafts.set(`${target.apiOrigin} ${target.storeHash}`, (limiter = createRateLimiter({ ...deps.limiter, clock })));
    const { storeHash, apiOrigin, token } = target;
    return createBigCommerceClient({ storeHash, apiOrigin, getToken: async () => token, fetch: deps.fetch, limiter, clock, ...options });
  }

  function forget(storeId: string): void {
    const found = stores.get(storeId);
    if (!found) return;
    found.unsubscribe();
    found.limiter.close();
    stores.delete(storeId);
  }

  return {
    clientFor,
    limiterFor: (storeId) => entry(storeId).limiter,
    probeClient,
    onLimiterState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    forget,
    close() {
      [...stores.keys()].forEach(forget);
      drafts.forEach((limiter) => limiter.close());
      drafts.clear();
    },
  };
}
