/**
 * Time and randomness, injected so rate-limit and back-off logic is deterministic in tests
 * (GUIDE §4). Everything in this folder that waits or jitters goes through a Clock.
 */
export interface Clock {
  /** Milliseconds, monotonic enough for scheduling (Date.now() in production). */
  now(): number;
  /**
   * Resolve after `ms`. If `signal` aborts first, resolve early (never reject), so callers that
   * cancel a pending wake-up don't have to handle a rejection.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const onAbort = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
