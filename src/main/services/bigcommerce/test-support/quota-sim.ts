/**
 * A model of BigCommerce's shared, fixed-window quota, driven by the test's virtual clock.
 * Counts what it served per window so tests can assert "never over quota" and "quota used fully".
 */
export interface SimReply {
  status: number;
  headers: Record<string, string>;
}

export class QuotaSim {
  private windowStart: number;
  private used = 0;
  readonly servedPerWindow = new Map<number, number>();
  rejected = 0;
  otherAppUsed = 0;

  constructor(
    private readonly now: () => number,
    readonly quota: number,
    readonly windowMs: number,
  ) {
    this.windowStart = now();
  }

  private roll(): number {
    const now = this.now();
    if (now >= this.windowStart + this.windowMs) {
      const windows = Math.floor((now - this.windowStart) / this.windowMs);
      this.windowStart += windows * this.windowMs;
      this.used = 0;
    }
    return now;
  }

  private headers(now: number): Record<string, string> {
    return {
      'x-rate-limit-requests-quota': String(this.quota),
      'x-rate-limit-requests-left': String(Math.max(0, this.quota - this.used)),
      'x-rate-limit-time-reset-ms': String(this.windowStart + this.windowMs - now),
      'x-rate-limit-time-window-ms': String(this.windowMs),
    };
  }

  /** One request from our app, processed now. */
  handle(): SimReply {
    const now = this.roll();
    if (this.used >= this.quota) {
      this.rejected++;
      const headers = this.headers(now);
      headers['x-retry-after'] = String(Math.ceil((this.windowStart + this.windowMs - now) / 1000));
      return { status: 429, headers };
    }
    this.used++;
    const key = this.windowStart;
    this.servedPerWindow.set(key, (this.servedPerWindow.get(key) ?? 0) + 1);
    return { status: 200, headers: this.headers(now) };
  }

  /** Another app on the same store spends up to `n` units now. */
  otherApp(n: number): void {
    this.roll();
    const spent = Math.min(n, this.quota - this.used);
    this.used += spent;
    this.otherAppUsed += spent;
  }

  get currentWindowUsed(): number {
    this.roll();
    return this.used;
  }
}
