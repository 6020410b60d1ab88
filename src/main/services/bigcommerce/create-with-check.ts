import { systemClock, type Clock } from './clock';
import { BigCommerceError } from './errors';

/**
 * Create something with a POST without ever creating it twice.
 *
 * A POST that failed ambiguously (no response, timeout, unreadable response, 5xx) may or may not
 * have created the object, so it is never simply re-sent: we first look for it (by SKU, email, …)
 * with `findExisting` and return what we find. Only when it is not there do we POST again. If a
 * repeated POST gets 409 Conflict, the earlier attempt did land after all (BigCommerce rejects a
 * duplicate SKU/email), so we look it up once more and return it.
 *
 * Residual risk, stated plainly: a create still being processed server-side when we look can be
 * missed; the pause before looking (`checkDelayMs`) and the 409 check above make a duplicate
 * unlikely for anything with a unique key, impossible to rule out for things without one.
 */
export interface CreateWithCheckOptions<T> {
  post: () => Promise<T>;
  findExisting: () => Promise<T | null | undefined>;
  /** Total POST attempts (default 3). */
  maxAttempts?: number;
  /** Pause before looking, giving a slow create time to land (default 1000 ms). */
  checkDelayMs?: number;
  clock?: Clock;
}

export interface CreateWithCheckResult<T> {
  value: T;
  /** 'created': our POST returned it. 'recovered': a POST whose answer we lost had created it. */
  outcome: 'created' | 'recovered';
  attempts: number;
}

function isAmbiguous(error: unknown): boolean {
  return error instanceof BigCommerceError && error.ambiguous;
}

function isConflict(error: unknown): boolean {
  return error instanceof BigCommerceError && error.code === 'CONFLICT';
}

export async function createWithCheck<T>(options: CreateWithCheckOptions<T>): Promise<CreateWithCheckResult<T>> {
  const maxAttempts = options.maxAttempts ?? 3;
  const clock = options.clock ?? systemClock;
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await options.post(), outcome: 'created', attempts: attempt };
    } catch (error) {
      const retriedConflict = attempt > 1 && isConflict(error);
      if (!retriedConflict && !isAmbiguous(error)) throw error;
      if (!retriedConflict) await clock.sleep(options.checkDelayMs ?? 1000);
      const existing = await options.findExisting();
      if (existing !== null && existing !== undefined) {
        return { value: existing, outcome: 'recovered', attempts: attempt };
      }
      if (retriedConflict || attempt >= maxAttempts) throw error;
    }
  }
}
