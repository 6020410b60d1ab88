import type { Clock } from '../clock';

/** Deterministic pseudo-random numbers (mulberry32), so jitter is repeatable. */
export function seededRandom(seed = 1): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * Virtual time that moves only when the test says so. `runUntil` advances from timer to timer,
 * letting promise chains settle in between, until a condition holds: for logic with no real I/O.
 */
export class ManualClock implements Clock {
  private t: number;
  private seq = 0;
  private timers: Timer[] = [];
  readonly sleeps: number[] = [];

  constructor(
    start = 1_000_000,
    readonly random: () => number = seededRandom(),
  ) {
    this.t = start;
  }

  now = (): number => this.t;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise<void>((resolve) => {
      const timer: Timer = { at: this.t + Math.max(0, ms), seq: this.seq++, resolve };
      if (signal?.aborted) return resolve();
      signal?.addEventListener('abort', () => {
        this.timers = this.timers.filter((x) => x !== timer);
        resolve();
      });
      this.timers.push(timer);
    });
  };

  get pendingTimers(): number {
    return this.timers.length;
  }

  async settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await flush();
  }

  /** Move time forward by `ms`, firing due timers in order. */
  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    for (;;) {
      await this.settle();
      const next = this.nextTimer();
      if (!next || next.at > target) break;
      this.fire(next);
    }
    this.t = target;
    await this.settle();
  }

  /** Advance timer by timer until `done()` holds; throws if nothing is left to run or time runs out. */
  async runUntil(done: () => boolean, maxMs = 10 * 60_000): Promise<void> {
    const limit = this.t + maxMs;
    for (;;) {
      await this.settle();
      if (done()) return;
      const next = this.nextTimer();
      if (!next) throw new Error('runUntil: nothing left to run, condition still false');
      if (next.at > limit) throw new Error(`runUntil: not done within ${maxMs} ms of virtual time`);
      this.fire(next);
    }
  }

  private nextTimer(): Timer | undefined {
    return [...this.timers].sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
  }

  private fire(timer: Timer): void {
    this.timers = this.timers.filter((x) => x !== timer);
    this.t = Math.max(this.t, timer.at);
    timer.resolve();
  }
}

/**
 * Virtual time for tests with real I/O: every sleep returns on the next turn of the event loop and
 * moves virtual time forward to its wake-up time. Records what was asked for, so tests can assert
 * "waited at least the reset time" without waiting it.
 */
export class AutoClock implements Clock {
  private t: number;
  readonly sleeps: number[] = [];

  constructor(
    start = 1_000_000,
    readonly random: () => number = seededRandom(),
  ) {
    this.t = start;
  }

  now = (): number => this.t;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    const wakeAt = this.t + Math.max(0, ms);
    this.sleeps.push(ms);
    return new Promise<void>((resolve) => {
      setImmediate(() => {
        if (!signal?.aborted) this.t = Math.max(this.t, wakeAt);
        resolve();
      });
    });
  };
}
