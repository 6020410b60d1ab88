/**
 * Per-store fixed-window quota (facts §2): every app shares the store's quota, refreshed each window.
 * `now` is injected so tests can move time without sleeping.
 */
export interface RateState {
  left: number;
  quota: number;
  resetMs: number;
  windowMs: number;
  limited: boolean;
}

export class RateLimiter {
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(
    private readonly quota: number,
    private readonly windowMs: number,
    private readonly enforce: boolean,
    private readonly now: () => number,
  ) {}

  private roll(): number {
    const t = this.now();
    if (t >= this.windowStart + this.windowMs || t < this.windowStart) {
      this.windowStart = t;
      this.used = 0;
    }
    return t;
  }

  /** Charge one request. `limited` is true when the request must be refused with 429. */
  consume(): RateState {
    const t = this.roll();
    const limited = this.enforce && this.used >= this.quota;
    if (!limited) this.used++;
    return this.state(t, limited);
  }

  /** Current headers without charging (responses refused before authentication). */
  peek(): RateState {
    return this.state(this.roll(), false);
  }

  private state(t: number, limited: boolean): RateState {
    return {
      left: Math.max(0, this.quota - this.used),
      quota: this.quota,
      resetMs: Math.max(0, Math.ceil(this.windowStart + this.windowMs - t)),
      windowMs: this.windowMs,
      limited,
    };
  }
}

export function rateHeaders(s: RateState): Record<string, string> {
  const h: Record<string, string> = {
    'X-Rate-Limit-Requests-Left': String(s.left),
    'X-Rate-Limit-Requests-Quota': String(s.quota),
    'X-Rate-Limit-Time-Reset-Ms': String(s.resetMs),
    'X-Rate-Limit-Time-Window-Ms': String(s.windowMs),
  };
  if (s.limited) h['X-Retry-After'] = String(Math.max(1, Math.ceil(s.resetMs / 1000)));
  return h;
}
