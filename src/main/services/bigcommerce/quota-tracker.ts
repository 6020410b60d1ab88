import type { RateLimitHeaders } from './rate-limit-headers';

/**
 * The quota half of the rate limiter: what we believe the store's shared quota looks like, and
 * whether one more request may start now. Pure state + injected `now`/`random`; no timers.
 *
 * Model (bigcommerce-facts §2): fixed windows; each request costs one unit; ALL apps on the store
 * share the quota, so `Left` can fall faster than we spend. We therefore trust the server's latest
 * `Left`/`Reset`, minus the requests we still have in flight (they may not be counted yet), and
 * spend our own estimate down locally between responses. We burst while units remain (short jobs
 * finish fast; long jobs are quota-bound either way), except that while someone is using the UI,
 * bulk work leaves a small reserve for interactive requests until the last 10 % of the window,
 * when it may use that too: so a click during a long job doesn't wait for the next window.
 *
 * After a window rolls over, after a 429 pause, and after a quiet spell with no response for 10 %
 * of the window (at least 250 ms), exactly one "probe" request goes first: if another app has
 * drained the window, one request gets the 429, not `maxConcurrency` of them (BigCommerce calls
 * clients that keep hitting 429 abusive).
 */
export type Priority = 'interactive' | 'bulk';

export interface QuotaOptions {
  /**
   * Units bulk work leaves for interactive requests while someone is using the UI (an interactive
   * request in the last window). Default: 5 % of the quota, 1 to 5 units.
   */
  interactiveReserve: number | null;
  /** Final share of the window in which bulk may use the reserve too (default 0.1). */
  releaseFraction: number;
  /** First header-less 429 back-off; doubles per consecutive 429 (default 1000). */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Added to every reset/pause wait: our clock and the server's are not the same clock. */
  resetGuardMs: number;
  random: () => number;
}

export type Decision = { ok: true } | { ok: false; wakeAt: number | null };

export interface DispatchTicket {
  seq: number;
  epoch: number;
  probe: boolean;
}

const DEFAULT_WINDOW_MS = 30_000; // "refreshed every 30 seconds"

export class QuotaTracker {
  mode: 'unknown' | 'metered' | 'unmetered' = 'unknown';
  quota: number | null = null;
  windowMs: number | null = null;
  left: number | null = null;
  resetAt: number | null = null;
  pausedUntil = 0;
  rateLimitedResponses = 0;
  private probing = true;
  private probeOutstanding = false;
  private nextSeq = 1;
  private lastSeq = 0;
  /** Observations from requests dispatched before a roll/pause describe the old state: ignored. */
  private minAcceptSeq = 0;
  private epoch = 0;
  private consecutive429 = 0;
  private observedAt = 0;
  private interactiveAt = -Infinity;

  constructor(private readonly options: QuotaOptions) {}

  canDispatch(priority: Priority, now: number): Decision {
    if (now < this.pausedUntil) return { ok: false, wakeAt: this.pausedUntil };
    if (this.pausedUntil !== 0) {
      this.pausedUntil = 0;
      this.startProbe();
    }
    if (this.mode === 'unmetered') return { ok: true };
    if (this.mode === 'metered' && this.resetAt !== null && now >= this.resetAt) {
      // The window rolled over: the quota is presumably full again, but only a probe tells us
      // how much of it other apps have already used.
      this.left = this.quota;
      this.resetAt = null;
      this.startProbe();
    }
    if (!this.probing && this.mode === 'metered' && now - this.observedAt > this.staleAfterMs()) {
      // Nothing heard for a while: other apps may have spent what we think is left.
      this.startProbe();
    }
    if (this.probing) return this.probeOutstanding ? { ok: false, wakeAt: null } : { ok: true };
    return this.meteredDecision(priority, now);
  }

  private meteredDecision(priority: Priority, now: number): Decision {
    const left = this.left ?? 0;
    const resetAt = this.resetAt ?? now + (this.windowMs ?? DEFAULT_WINDOW_MS);
    const windowMs = this.windowMs ?? DEFAULT_WINDOW_MS;
    const releaseAt = resetAt - windowMs * this.options.releaseFraction;
    const reserve = priority === 'bulk' && now < releaseAt ? this.reserve(now) : 0;
    if (left - reserve >= 1) return { ok: true };
    const wakeAt = priority === 'bulk' && left >= 1 ? releaseAt : resetAt + this.options.resetGuardMs;
    return { ok: false, wakeAt: Math.max(wakeAt, now + 1) };
  }

  private staleAfterMs(): number {
    return Math.max(250, (this.windowMs ?? DEFAULT_WINDOW_MS) * 0.1);
  }

  private reserve(now: number): number {
    if (this.quota === null || this.quota < 2) return 0;
    // Nobody is clicking: bulk may use everything (no idle units, no delayed job tail).
    if (now - this.interactiveAt > (this.windowMs ?? DEFAULT_WINDOW_MS)) return 0;
    const wanted = this.options.interactiveReserve ?? Math.min(5, Math.max(1, Math.ceil(this.quota * 0.05)));
    return Math.min(this.quota - 1, wanted);
  }

  /** An interactive request was queued: hold the reserve for a window from now. */
  noteInteractive(now: number): void {
    this.interactiveAt = now;
  }

  private startProbe(): void {
    this.probing = true;
    this.probeOutstanding = false;
    this.minAcceptSeq = this.nextSeq;
  }

  onDispatch(): DispatchTicket {
    const probe = this.probing && this.mode !== 'unmetered';
    if (probe) this.probeOutstanding = true;
    if (this.left !== null) this.left = Math.max(0, this.left - 1);
    return { seq: this.nextSeq++, epoch: this.epoch, probe };
  }

  /** A request ended without a response (network error, timeout, abort). */
  onNoResponse(ticket: DispatchTicket): void {
    if (ticket.probe) this.probeOutstanding = false;
  }

  /** Returns how long to wait before retrying when the response was a 429, else null. */
  onResponse(ticket: DispatchTicket, status: number, h: RateLimitHeaders, othersInFlight: number, now: number): number | null {
    if (ticket.probe) this.probeOutstanding = false;
    if (h.quota !== null) this.quota = h.quota;
    if (h.windowMs !== null) this.windowMs = h.windowMs;
    if (status === 429) return this.on429(ticket, h, now);
    if (ticket.epoch === this.epoch) this.consecutive429 = 0;
    if (h.left !== null) this.observe(ticket.seq, h, othersInFlight, now);
    else if (this.mode === 'unknown' && status >= 200 && status < 300) {
      // Success without rate-limit headers: an unmetered plan (or a proxy); only concurrency applies.
      this.mode = 'unmetered';
      this.probing = false;
    }
    return null;
  }

  private observe(seq: number, h: RateLimitHeaders, othersInFlight: number, now: number): void {
    if (seq < this.minAcceptSeq) return;
    this.mode = 'metered';
    this.observedAt = now;
    const windowMs = this.windowMs ?? DEFAULT_WINDOW_MS;
    const observedResetAt = now + (h.resetMs ?? windowMs);
    const estimate = Math.max(0, (h.left ?? 0) - othersInFlight);
    const tolerance = Math.max(50, Math.min(1000, windowMs / 4));
    if (this.probing || this.resetAt === null || observedResetAt > this.resetAt + tolerance) {
      this.accept(seq, estimate, observedResetAt); // first, or a newer window
    } else if (observedResetAt < this.resetAt - tolerance) {
      return; // a slow response from an earlier window
    } else if (seq > this.lastSeq) {
      this.accept(seq, estimate, Math.max(this.resetAt, observedResetAt));
    } else {
      this.left = Math.min(this.left ?? estimate, estimate); // older news can only lower the estimate
    }
  }

  private accept(seq: number, left: number, resetAt: number): void {
    this.left = left;
    this.resetAt = resetAt;
    this.lastSeq = seq;
    this.probing = false;
  }

  private on429(ticket: DispatchTicket, h: RateLimitHeaders, now: number): number {
    this.rateLimitedResponses++;
    this.left = 0;
    this.observedAt = now;
    // 429s of requests sent before the current pause began are the same incident: they extend the
    // pause but don't escalate the back-off.
    if (ticket.epoch === this.epoch) {
      this.consecutive429++;
      this.epoch++;
    }
    const fromHeaders = Math.max(h.resetMs ?? -1, h.retryAfterMs ?? -1);
    const n = this.consecutive429;
    const wait =
      fromHeaders >= 0 ? Math.max(fromHeaders, n >= 2 ? this.backoff(n - 1) : 0) : this.backoff(n);
    this.pausedUntil = Math.max(this.pausedUntil, now + wait + this.options.resetGuardMs);
    this.startProbe();
    return this.pausedUntil - now;
  }

  /** 1-2 s, 2-4 s, 4-8 s … (jittered, capped): "gradually increase the wait time". */
  private backoff(attempt: number): number {
    const base = this.options.baseBackoffMs * 2 ** Math.min(attempt - 1, 20);
    return Math.min(this.options.maxBackoffMs, base * (1 + this.options.random()));
  }
}
