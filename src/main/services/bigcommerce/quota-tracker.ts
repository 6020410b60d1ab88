import type { RateLimitHeaders } from './rate-limit-headers';

/**
 * The quota half of the rate limiter: what we believe the store's shared quota looks like, and
 * whether one more request may start now. Pure state + injected `now`/`random`; no timers.
 *
 * Model (bigcommerce-facts §2): fixed windows; each request costs one unit; ALL apps on the store
 * share the quota, so `Left` can fall faster than we spend. Within a window the server's `Left`
 * only ever falls, so the lowest one reported is its latest state, whichever response brought it
 * (answers overtake each other). Our estimate is that, minus the requests we still have in flight
 * (they may not be counted yet) and those that ended without telling us, spent down locally
 * between responses. (Taking the newest *request's* report instead subtracts requests the server
 * had already counted and, when answers arrive out of order, strands the window's last units
 * until the next window: on a job just over a multiple of the quota, 30 s lost.)
 *
 * The reset time is the earliest any response of the window implies: the server computed
 * `Reset-Ms` before we read it, so `now + Reset-Ms` can only be late, never early.
 *
 * We burst while units remain (short jobs finish fast; long jobs are quota-bound either way),
 * except that:
 * - while someone is using the UI, bulk work leaves a small reserve for interactive requests until
 *   the last 10 % of the window, when it may use that too: so a click during a long job doesn't
 *   wait for the next window;
 * - while another app is seen spending the quota (its share shows as `Left` falling faster than
 *   our requests explain), the window's last `contendedTail` units go one at a time: racing it
 *   for the last units with several requests in flight would earn several 429s at once.
 *
 * After a 429 pause, after a window rolls over while another app is being seen spending the quota,
 * and after a quiet spell with no response for 10 % of the window (at least 250 ms), exactly one
 * "probe" request goes first: if another app has
 * drained the window, one request gets the 429, not `maxConcurrency` of them (BigCommerce calls
 * clients that keep hitting 429 abusive). A quiet spell probes only when the estimate says a unit
 * is left: when we already believe the window is spent, nothing goes out before the reset (a probe
 * then could only earn a 429 and a pause rounded up to whole seconds by X-Retry-After).
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
  /**
   * Added to every reset/pause wait (default 10). The reset estimate is already late by the
   * response's trip to us; this only covers rounding and timer granularity.
   */
  resetGuardMs: number;
  /**
   * While another app is spending the quota: how many units at the end of a window go one at a
   * time (default: the limiter's maxConcurrency, so ours in flight never exceed what is left).
   */
  contendedTail: number;
  random: () => number;
}

export type Decision = { ok: true } | { ok: false; wakeAt: number | null };

export interface DispatchTicket {
  seq: number;
  epoch: number;
  probe: boolean;
}

const DEFAULT_WINDOW_MS = 30_000; // "refreshed every 30 seconds"
/**
 * How long one sighting of another app keeps the careful tail on. Sightings come late (often only
 * once the window's last units are gone), so they protect the windows after; being careful costs
 * nothing but a few sequential round trips in windows we exhaust anyway.
 */
const CONTENDED_WINDOWS = 5;

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
  private inFlight = 0;
  /** Lowest `Left` reported in the current window (null: nothing heard since it began). */
  private serverLeft: number | null = null;
  /** Our requests of this window that ended without a `Left` (may or may not have been counted). */
  private unreported = 0;
  /** First report of the window, to tell another app's spending from ours. */
  private baseline: { left: number; seq: number; slack: number } | null = null;
  /** No report of the current window yet, and it is new (or the first we see). */
  private freshWindow = true;
  private contendedAt = -Infinity;
  /** Requests dispatched before a roll/pause/probe: their reports may only lower the estimate. */
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
      // The window rolled over: the quota is presumably full again. While another app has been
      // seen spending it, only a probe tells how much of it is left; otherwise the window opens at
      // full concurrency (a probe costs a whole round trip per window: ~1 % of a 30 s window at
      // 300 ms a request), and the first answers still show another app if one has started.
      this.left = this.quota;
      this.resetAt = null;
      this.serverLeft = null;
      this.unreported = 0;
      this.baseline = null;
      this.freshWindow = true;
      if (this.contended(now)) this.startProbe();
      else {
        this.minAcceptSeq = this.nextSeq; // answers to earlier requests speak of the old window
        this.observedAt = now; // the roll itself is news: no quiet-spell probe right after it
      }
    }
    if (this.probing) return this.probeOutstanding ? { ok: false, wakeAt: null } : { ok: true };
    const decision = this.meteredDecision(priority, now);
    // Nothing heard for a while: other apps may have spent what we think is left, so the next
    // request goes alone. Only when we would send at all: while the estimate is 0 (or only the
    // interactive reserve is left) we wait for the reset or the release point anyway.
    if (decision.ok && this.mode === 'metered' && now - this.observedAt > this.staleAfterMs()) this.startProbe();
    return decision;
  }

  private meteredDecision(priority: Priority, now: number): Decision {
    const left = this.left ?? 0;
    const resetAt = this.resetAt ?? now + (this.windowMs ?? DEFAULT_WINDOW_MS);
    const windowMs = this.windowMs ?? DEFAULT_WINDOW_MS;
    const releaseAt = resetAt - windowMs * this.options.releaseFraction;
    const reserve = priority === 'bulk' && now < releaseAt ? this.reserve(now) : 0;
    const usable = left - reserve;
    if (usable >= 1) {
      // Another app is racing us for the last units: one at a time, each after the last answer.
      const careful = this.inFlight > 0 && usable <= this.options.contendedTail && this.contended(now);
      if (careful) return { ok: false, wakeAt: null }; // the answer in flight pumps the queue
      return { ok: true };
    }
    const wakeAt = priority === 'bulk' && left >= 1 ? releaseAt : resetAt + this.options.resetGuardMs;
    return { ok: false, wakeAt: Math.max(wakeAt, now + 1) };
  }

  /** Another app was seen spending this store's quota within the last few windows. */
  private contended(now: number): boolean {
    return now - this.contendedAt < CONTENDED_WINDOWS * (this.windowMs ?? DEFAULT_WINDOW_MS);
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
    this.inFlight++;
    if (this.left !== null) this.left = Math.max(0, this.left - 1);
    return { seq: this.nextSeq++, epoch: this.epoch, probe };
  }

  /** A request ended without a response (network error, timeout, abort). */
  onNoResponse(ticket: DispatchTicket): void {
    if (ticket.probe) this.probeOutstanding = false;
    this.inFlight--;
    if (this.mode === 'metered') this.unreported++;
  }

  /** Returns how long to wait before retrying when the response was a 429, else null. */
  onResponse(ticket: DispatchTicket, status: number, h: RateLimitHeaders, now: number): number | null {
    if (ticket.probe) this.probeOutstanding = false;
    this.inFlight--;
    if (h.quota !== null) this.quota = h.quota;
    if (h.windowMs !== null) this.windowMs = h.windowMs;
    if (status === 429) return this.on429(ticket, h, now);
    if (ticket.epoch === this.epoch) this.consecutive429 = 0;
    if (h.left !== null) this.observe(ticket.seq, h, now);
    else if (this.mode === 'metered') this.unreported++; // e.g. a 5xx from a proxy: counted or not?
    else if (this.mode === 'unknown' && status >= 200 && status < 300) {
      // Success without rate-limit headers: an unmetered plan (or a proxy); only concurrency applies.
      this.mode = 'unmetered';
      this.probing = false;
    }
    return null;
  }

  private observe(seq: number, h: RateLimitHeaders, now: number): void {
    const windowMs = this.windowMs ?? DEFAULT_WINDOW_MS;
    // Late by the time the response spent reaching us (never early): the earliest one is the best.
    // Never more than a window away: nothing but the reset lets requests out once we think the
    // window is spent, so a nonsense Reset-Ms must not park the queue.
    const observedResetAt = now + Math.min(h.resetMs ?? windowMs, windowMs);
    const reported = h.left ?? 0;
    // Our other requests in flight: the server may or may not have counted them yet.
    const pending = this.inFlight + this.unreported;
    const tolerance = Math.max(50, Math.min(1000, windowMs / 4));
    const known = this.resetAt !== null && this.serverLeft !== null;
    const sameWindow = known && Math.abs(observedResetAt - this.resetAt!) <= tolerance;
    if (seq < this.minAcceptSeq) {
      // Sent before the current probe, so not the word on a new window or after a pause; but a
      // report from this window still bounds what is left, so it may lower the estimate.
      if (this.probing || !sameWindow) return;
      this.serverLeft = Math.min(this.serverLeft!, reported);
      this.left = Math.min(this.left ?? 0, Math.max(0, this.serverLeft - pending));
      return;
    }
    this.mode = 'metered';
    this.observedAt = now;
    if (this.probing || !known || observedResetAt > this.resetAt! + tolerance) {
      // The probe's answer, or first news of this window, or of a newer one: the server's word.
      // In a window that just began, anything beyond our own requests was spent by someone else.
      if (this.freshWindow && this.quota !== null && reported < this.quota - 1 - pending) this.contendedAt = now;
      this.freshWindow = false;
      this.serverLeft = reported;
      this.resetAt = this.probing && sameWindow ? Math.min(this.resetAt!, observedResetAt) : observedResetAt;
      this.unreported = 0;
      this.baseline = { left: reported, seq, slack: this.inFlight };
      this.probing = false;
    } else if (!sameWindow) {
      return; // a slow response from an earlier window
    } else {
      this.serverLeft = Math.min(this.serverLeft!, reported);
      this.resetAt = Math.min(this.resetAt!, observedResetAt);
      // `Left` fell by more than every request we sent since the baseline (and the ones still in
      // flight then) can explain: another app is spending this window too.
      const b = this.baseline;
      if (b && b.left - reported > this.nextSeq - 1 - b.seq + b.slack) this.contendedAt = now;
    }
    this.left = Math.max(0, this.serverLeft - this.inFlight - this.unreported);
  }

  private on429(ticket: DispatchTicket, h: RateLimitHeaders, now: number): number {
    this.rateLimitedResponses++;
    this.left = 0;
    this.freshWindow = false;
    // With rate-limit headers, a 429 we didn't expect means someone else took what we counted on.
    if (h.left !== null) this.contendedAt = now;
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
