import { systemClock, type Clock } from './clock';
import { capsFor, DEFAULT_ENDPOINT_CAPS, type EndpointCap } from './endpoint-caps';
import { parseRateLimitHeaders, type HeaderSource } from './rate-limit-headers';
import { QuotaTracker, type DispatchTicket, type Priority, type QuotaOptions } from './quota-tracker';

/**
 * ONE limiter per store, shared by everything the app does with that store (quota is per store,
 * bigcommerce-facts §2). Callers `acquire()` a permit before each HTTP attempt and hand the
 * response (or its absence) back through the permit; the limiter learns the quota from it.
 * Queue order: interactive before bulk, FIFO within a priority; a request held back only by its
 * endpoint cap doesn't block others behind it.
 */
export type { Priority } from './quota-tracker';

export interface RateLimiterOptions extends Partial<Omit<QuotaOptions, 'random'>> {
  clock?: Clock;
  /**
   * Requests in flight at once for this store (default 12). The docs state no general cap and
   * endorse parallel requests; against a remote store a window's last requests are bound by
   * latency, not quota (90 writes at 100 ms: 1.5 s at 6 in flight, 0.75 s at 12).
   */
  maxConcurrency?: number;
  endpointCaps?: readonly EndpointCap[];
}

export interface AcquireOptions {
  method: string;
  version: 'v2' | 'v3';
  /** Relative to the version root, e.g. "/catalog/products". */
  path: string;
  priority?: Priority;
  signal?: AbortSignal;
}

/** Every permit must be settled exactly once, with complete() or fail(), or its slot leaks. */
export interface Permit {
  /**
   * Report the response. Returns the ms the limiter will hold everyone back when it was a 429
   * (the caller just acquires again), else null. Calling twice is a no-op.
   */
  complete(response: { status: number; headers: HeaderSource }): { retryAfterMs: number | null };
  /** Report that no response arrived (network error, timeout, abort). */
  fail(): void;
}

export interface RateLimiterState {
  mode: 'unknown' | 'metered' | 'unmetered';
  left: number | null;
  quota: number | null;
  windowMs: number | null;
  resetAt: number | null;
  inFlight: number;
  queued: { interactive: number; bulk: number };
  /** How much longer the queue is expected to wait on the quota right now (0 if not waiting). */
  waitingMs: number;
  /** Cumulative time requests sat queued because of the quota or a 429 pause (not concurrency). */
  totalWaitedMs: number;
  rateLimitedResponses: number;
}

export interface RateLimiter {
  acquire(options: AcquireOptions): Promise<Permit>;
  state(): RateLimiterState;
  /** Called on every change; returns an unsubscribe function. */
  onState(listener: (state: RateLimiterState) => void): () => void;
  /** Reject everything queued and stop timers (store removed, app quitting). */
  close(): void;
}

interface Waiter {
  priority: Priority;
  caps: EndpointCap[];
  resolve: (permit: Permit) => void;
  reject: (reason: unknown) => void;
  cleanup: () => void;
}

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const clock = options.clock ?? systemClock;
  const maxConcurrency = options.maxConcurrency ?? 12;
  const allCaps = options.endpointCaps ?? DEFAULT_ENDPOINT_CAPS;
  const quota = new QuotaTracker({
    interactiveReserve: options.interactiveReserve ?? null,
    releaseFraction: options.releaseFraction ?? 0.1,
    baseBackoffMs: options.baseBackoffMs ?? 1000,
    maxBackoffMs: options.maxBackoffMs ?? 60_000,
    resetGuardMs: options.resetGuardMs ?? 10,
    contendedTail: options.contendedTail ?? maxConcurrency,
    random: () => clock.random(),
  });
  const queues: Record<Priority, Waiter[]> = { interactive: [], bulk: [] };
  const capInFlight = new Map<string, number>();
  const listeners = new Set<(state: RateLimiterState) => void>();
  let inFlight = 0;
  let closed = false;
  let wake: { at: number; controller: AbortController } | null = null;
  let waitingSince: number | null = null;
  let waitingUntil: number | null = null;
  let totalWaited = 0;

  const queuedCount = () => queues.interactive.length + queues.bulk.length;
  const capsAllow = (caps: EndpointCap[]) => caps.every((c) => (capInFlight.get(c.key) ?? 0) < c.max);

  function state(): RateLimiterState {
    const now = clock.now();
    return {
      mode: quota.mode,
      left: quota.left,
      quota: quota.quota,
      windowMs: quota.windowMs,
      resetAt: quota.resetAt,
      inFlight,
      queued: { interactive: queues.interactive.length, bulk: queues.bulk.length },
      waitingMs: waitingSince !== null && waitingUntil !== null ? Math.max(0, waitingUntil - now) : 0,
      totalWaitedMs: totalWaited + (waitingSince !== null ? now - waitingSince : 0),
      rateLimitedResponses: quota.rateLimitedResponses,
    };
  }

  function emit(): void {
    if (listeners.size === 0) return;
    const snapshot = state();
    for (const listener of listeners) {
      try {
        listener(snapshot);
      } catch {
        // A broken status-bar listener must not stall the store's requests.
      }
    }
  }

  function pump(): void {
    if (closed) return;
    const now = clock.now();
    let blocked = false;
    let wakeAt: number | null = null;
    for (const priority of ['interactive', 'bulk'] as const) {
      const queue = queues[priority];
      for (let i = 0; i < queue.length && inFlight < maxConcurrency; ) {
        const waiter = queue[i]!;
        if (!capsAllow(waiter.caps)) {
          i++;
          continue;
        }
        const decision = quota.canDispatch(priority, now);
        if (!decision.ok) {
          blocked = true;
          if (decision.wakeAt !== null) wakeAt = Math.min(wakeAt ?? Infinity, decision.wakeAt);
          break;
        }
        queue.splice(i, 1);
        dispatch(waiter);
      }
    }
    trackWaiting(blocked && queuedCount() > 0, wakeAt, now);
    scheduleWake(wakeAt);
    emit();
  }

  function trackWaiting(waiting: boolean, until: number | null, now: number): void {
    if (waiting && waitingSince === null) waitingSince = now;
    if (!waiting && waitingSince !== null) {
      totalWaited += now - waitingSince;
      waitingSince = null;
    }
    waitingUntil = waiting ? until : null;
  }

  function scheduleWake(at: number | null): void {
    if (at === null || queuedCount() === 0) return cancelWake();
    if (wake && wake.at <= at) return;
    cancelWake();
    const controller = new AbortController();
    wake = { at, controller };
    void clock.sleep(Math.max(0, at - clock.now()), controller.signal).then(() => {
      if (wake?.controller !== controller) return;
      wake = null;
      pump();
    });
  }

  function cancelWake(): void {
    wake?.controller.abort();
    wake = null;
  }

  function dispatch(waiter: Waiter): void {
    waiter.cleanup();
    const ticket = quota.onDispatch();
    inFlight++;
    for (const cap of waiter.caps) capInFlight.set(cap.key, (capInFlight.get(cap.key) ?? 0) + 1);
    waiter.resolve(makePermit(ticket, waiter.caps));
  }

  function makePermit(ticket: DispatchTicket, caps: EndpointCap[]): Permit {
    let done = false;
    const release = () => {
      done = true;
      inFlight--;
      for (const cap of caps) capInFlight.set(cap.key, (capInFlight.get(cap.key) ?? 1) - 1);
    };
    return {
      complete({ status, headers }) {
        if (done) return { retryAfterMs: null };
        const h = parseRateLimitHeaders(headers);
        const retryAfterMs = quota.onResponse(ticket, status, h, clock.now());
        release();
        pump();
        return { retryAfterMs };
      },
      fail() {
        if (done) return;
        quota.onNoResponse(ticket);
        release();
        pump();
      },
    };
  }

  function acquire(opts: AcquireOptions): Promise<Permit> {
    if (closed) return Promise.reject(new Error('Rate limiter closed'));
    const { signal } = opts;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Permit>((resolve, reject) => {
      const priority = opts.priority ?? 'interactive';
      const onAbort = () => {
        const queue = queues[priority];
        const index = queue.indexOf(waiter);
        if (index >= 0) queue.splice(index, 1);
        reject(signal?.reason);
        pump();
      };
      const waiter: Waiter = {
        priority,
        caps: capsFor(allCaps, opts),
        resolve,
        reject,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (priority === 'interactive') quota.noteInteractive(clock.now());
      queues[priority].push(waiter);
      pump();
    });
  }

  return {
    acquire,
    state,
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      cancelWake();
      for (const waiter of [...queues.interactive, ...queues.bulk]) {
        waiter.cleanup();
        waiter.reject(new Error('Rate limiter closed'));
      }
      queues.interactive = [];
      queues.bulk = [];
      emit();
    },
  };
}
