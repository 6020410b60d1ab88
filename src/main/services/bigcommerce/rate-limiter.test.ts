import { describe, expect, it } from 'vitest';
import { harness } from './test-support/limiter-harness';
import type { SimReply } from './test-support/quota-sim';

describe('rate limiter: pacing from headers', () => {
  it('sends one probe first, then opens up to the concurrency cap', async () => {
    const h = harness({ maxConcurrency: 4 });
    const all = Array.from({ length: 8 }, () => h.call('interactive'));
    await h.clock.settle();
    expect(h.log.inFlight).toBe(1); // nothing known yet: probe
    await h.clock.runUntil(() => h.log.completed === 8);
    await Promise.all(all);
    expect(h.log.maxInFlight).toBe(4);
  });

  it('completes 100 requests against quota 20/1000 ms with zero 429s and the quota fully used', async () => {
    const h = harness({ quota: 20, windowMs: 1000, maxConcurrency: 6 });
    const start = h.clock.now();
    const all = Array.from({ length: 100 }, () => h.call('bulk'));
    await h.clock.runUntil(() => h.log.completed === 100);
    await Promise.all(all);
    expect(h.sim.rejected).toBe(0);
    expect(h.log.ours429).toBe(0);
    // 100 requests = 5 windows: every window served the whole quota, none more.
    expect([...h.sim.servedPerWindow.values()]).toEqual([20, 20, 20, 20, 20]);
    const elapsed = h.clock.now() - start;
    expect(elapsed).toBeGreaterThan(4000); // can't be faster than the quota allows
    expect(elapsed).toBeLessThan(4000 + 400); // ~one probe + guard per window lost, no more
  });

  it('uses the quota fully over a 30 s window with realistic numbers (150/30 s, 300 ms latency)', async () => {
    const h = harness({ quota: 150, windowMs: 30_000, latencyMs: 300 });
    const start = h.clock.now();
    const all = Array.from({ length: 450 }, () => h.call('bulk'));
    await h.clock.runUntil(() => h.log.completed === 450);
    await Promise.all(all);
    expect(h.sim.rejected).toBe(0);
    expect([...h.sim.servedPerWindow.values()]).toEqual([150, 150, 150]);
    // Two full windows, then the last 150 at 12 in flight × 300 ms (concurrency-bound: 3.75 s).
    const lastBurst = 300 + Math.ceil(150 / 12) * 300;
    expect(h.clock.now() - start).toBeLessThan(60_000 + lastBurst + 500);
  });

  it('trusts the server when another app spends the shared quota behind our back', async () => {
    // A tiny quota: 6 in flight is already a third of it.
    const h = harness({ quota: 20, windowMs: 1000, maxConcurrency: 6 });
    let stop = false;
    // The other app spends 3 units every 150 ms; it gets what is left, like any client would.
    void (async () => {
      while (!stop) {
        await h.clock.sleep(150);
        h.sim.otherApp(3);
      }
    })();
    const all = Array.from({ length: 60 }, () => h.call('bulk'));
    await h.clock.runUntil(() => h.log.completed === 60, 60_000);
    stop = true;
    await Promise.all(all);
    expect(h.sim.otherAppUsed).toBeGreaterThan(5); // it really took units we would otherwise have used
    expect(h.log.ours429).toBe(0);
  });

  it('shares a Standard quota with a busy app at the default concurrency: at most one 429', async () => {
    const h = harness({ quota: 150, windowMs: 30_000, latencyMs: 300 });
    let stop = false;
    // The other app spends 10 units every 2 s (a third of the quota), whatever is left.
    void (async () => {
      while (!stop) {
        await h.clock.sleep(2000);
        h.sim.otherApp(10);
      }
    })();
    const all = Array.from({ length: 400 }, () => h.call('bulk'));
    await h.clock.runUntil(() => h.log.completed === 400, 600_000);
    stop = true;
    await Promise.all(all);
    expect(h.sim.otherAppUsed).toBeGreaterThan(50);
    expect(h.log.maxInFlight).toBe(12);
    expect(h.log.ours429).toBeLessThanOrEqual(1);
  });

  it('keeps 429s rare and handled when the other app spends during our bursts (slow network)', async () => {
    const h = harness({ quota: 20, windowMs: 1000, latencyMs: 100 });
    let stop = false;
    void (async () => {
      while (!stop) {
        await h.clock.sleep(100);
        h.sim.otherApp(1);
      }
    })();
    const all = Array.from({ length: 100 }, () => h.call('bulk'));
    await h.clock.runUntil(() => h.log.completed === 100, 120_000);
    stop = true;
    await Promise.all(all);
    // A unit the other app takes between our last response and our next request can't be seen in
    // advance, so an occasional 429 is unavoidable; each one stops everything until the reset.
    const windows = h.sim.servedPerWindow.size;
    expect(h.log.ours429).toBeLessThanOrEqual(windows);
    expect(h.sim.otherAppUsed).toBeGreaterThan(40);
  });
});

describe('rate limiter: unexpected 429', () => {
  it('waits max(Reset-Ms, X-Retry-After × 1000) before anything else goes out', async () => {
    const h = harness();
    let first = true;
    const reply = (): SimReply => {
      if (!first) return h.sim.handle();
      first = false;
      return {
        status: 429,
        headers: {
          'X-Rate-Limit-Time-Reset-Ms': '700',
          'X-Retry-After': '2',
          'X-Rate-Limit-Requests-Quota': '20',
          'X-Rate-Limit-Time-Window-Ms': '1000',
        },
      };
    };
    const done = h.call('interactive', {}, reply);
    await h.clock.runUntil(() => h.log.completed === 1);
    await done;
    const [t429, tRetry] = h.log.dispatchTimes;
    expect(tRetry! - t429!).toBeGreaterThanOrEqual(20 + 2000); // response latency + 2 s
    expect(tRetry! - t429!).toBeLessThan(20 + 2000 + 100);
  });

  it('backs off at least 1-2 s with jitter on a 429 without headers, growing, never tight-looping', async () => {
    const h = harness();
    let rejections = 4;
    const reply = (): SimReply => (rejections-- > 0 ? { status: 429, headers: {} } : h.sim.handle());
    const done = h.call('interactive', {}, reply);
    await h.clock.runUntil(() => h.log.completed === 1, 120_000);
    await done;
    const gaps = h.log.dispatchTimes.slice(1).map((t, i) => t - h.log.dispatchTimes[i]! - 20);
    expect(gaps).toHaveLength(4);
    expect(gaps[0]).toBeGreaterThanOrEqual(1000);
    expect(gaps[0]).toBeLessThanOrEqual(2000 + 50);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]!);
    expect(gaps[3]).toBeGreaterThanOrEqual(8000);
    expect(h.limiter.state().rateLimitedResponses).toBe(4);
  });

  it('treats simultaneous 429s as one incident: the pause is not escalated per response', async () => {
    const h = harness({ maxConcurrency: 6 });
    await h.run(h.call('interactive')); // learn the quota so the next ones go out together
    let rejectNext = 6;
    const reply = (): SimReply => (rejectNext-- > 0 ? { status: 429, headers: {} } : h.sim.handle());
    const before = h.log.dispatchTimes.length;
    const all = Array.from({ length: 6 }, () => h.call('interactive', {}, reply));
    await h.clock.runUntil(() => h.log.completed === 7, 60_000);
    await Promise.all(all);
    const times = h.log.dispatchTimes.slice(before);
    const firstRetry = times[6]!;
    // One incident: the retry comes after ~1-2 s, not after 2^6 s.
    expect(firstRetry - times[0]!).toBeLessThan(2000 + 200);
  });
});

describe('rate limiter: priorities and reserve', () => {
  it('lets an interactive request jump a long bulk queue and use the interactive reserve', async () => {
    const h = harness({ quota: 20, windowMs: 1000, interactiveReserve: 2 });
    await h.run(h.call('interactive')); // someone is using the UI
    const bulk = Array.from({ length: 40 }, () => h.call('bulk'));
    await h.clock.advance(300); // bulk has spent all but the reserve of this window
    expect(h.sim.currentWindowUsed).toBe(18);
    const t = h.clock.now();
    const interactive = h.call('interactive');
    await h.clock.runUntil(() => h.log.completed >= 19);
    expect((await interactive).at - t).toBeLessThanOrEqual(25);
    await h.clock.runUntil(() => h.log.completed === 42);
    await Promise.all(bulk);
    expect(h.sim.rejected).toBe(0);
    // The reserve was not wasted: bulk used it in the last 10 % of the window.
    expect([...h.sim.servedPerWindow.values()][0]).toBe(20);
  });

  it('holds no reserve when nobody is using the UI (a job tail never waits for it)', async () => {
    const h = harness({ quota: 20, windowMs: 1000 });
    const start = h.clock.now();
    const all = Array.from({ length: 20 }, () => h.call('bulk'));
    await h.clock.runUntil(() => h.log.completed === 20);
    await Promise.all(all);
    expect(h.clock.now() - start).toBeLessThan(200);
  });

  it('keeps interactive ahead of bulk in the queue', async () => {
    const h = harness({ maxConcurrency: 1 });
    const order: string[] = [];
    const tag = (name: string, p: Promise<unknown>) => p.then(() => order.push(name));
    const all = [tag('b1', h.call('bulk')), tag('b2', h.call('bulk')), tag('b3', h.call('bulk'))];
    all.push(tag('i1', h.call('interactive')));
    await h.clock.runUntil(() => order.length === 4);
    expect(order).toEqual(['b1', 'i1', 'b2', 'b3']);
  });
});

describe('rate limiter: per-endpoint caps', () => {
  it('never runs more than 3 PUT /v3/customers at once, and other work passes them', async () => {
    const h = harness({ quota: 1000, maxConcurrency: 6, latencyMs: 100 });
    await h.run(h.call('interactive')); // learn the quota
    let customers = 0;
    let maxCustomers = 0;
    const customerReply = () => {
      maxCustomers = Math.max(maxCustomers, ++customers);
      return h.sim.handle();
    };
    const customerCall = async () => {
      await h.call('bulk', { method: 'PUT', path: '/customers' }, customerReply);
      customers--;
    };
    const puts = Array.from({ length: 9 }, customerCall);
    const others = Array.from({ length: 3 }, () => h.call('bulk', { method: 'GET', path: '/catalog/products' }));
    await h.clock.runUntil(() => h.log.completed === 13);
    await Promise.all([...puts, ...others]);
    expect(maxCustomers).toBe(3);
    expect(h.log.maxInFlight).toBe(6); // the three GETs ran alongside three PUTs
  });

  it('allows 1 concurrent GET /catalog/trees/{id}/categories; POST /customers is not capped', async () => {
    const h = harness({ quota: 1000, latencyMs: 100 });
    await h.run(h.call('interactive'));
    const trees = Array.from({ length: 3 }, () => h.call('bulk', { method: 'GET', path: '/catalog/trees/1/categories' }));
    await h.clock.advance(10);
    expect(h.log.inFlight).toBe(1);
    await h.clock.runUntil(() => h.log.completed === 4);
    await Promise.all(trees);
    const posts = Array.from({ length: 6 }, () => h.call('bulk', { method: 'POST', path: '/customers' }));
    await h.clock.advance(10);
    expect(h.log.inFlight).toBe(6);
    await h.clock.runUntil(() => h.log.completed === 10);
    await Promise.all(posts);
  });
});

describe('rate limiter: window edges', () => {
  const headers = (left: number, resetMs: number) => ({
    'x-rate-limit-requests-quota': '10',
    'x-rate-limit-requests-left': String(left),
    'x-rate-limit-time-reset-ms': String(resetMs),
    'x-rate-limit-time-window-ms': '1000',
  });
  const acquire = (h: ReturnType<typeof harness>) => h.limiter.acquire({ method: 'GET', version: 'v3', path: '/x' });

  it('sends nothing while the estimate is 0 and the reset is ahead, even after a quiet spell', async () => {
    const h = harness({ quota: 5, windowMs: 1000, latencyMs: 10 });
    const windowStart = h.clock.now();
    await h.run(Promise.all(Array.from({ length: 5 }, () => h.call('bulk')))); // the window is spent
    await h.clock.advance(500); // quiet for longer than the stale-probe threshold
    // E.g. a 5xx retry arriving while the job waits out the window: a "stale probe" now could
    // only earn a 429 (and a pause rounded up to whole seconds).
    const late = h.call('bulk');
    await h.clock.advance(100);
    expect(h.log.dispatchTimes).toHaveLength(5);
    expect(h.limiter.state().queued.bulk).toBe(1);
    await h.run(late);
    expect(h.sim.rejected).toBe(0);
    expect(h.log.ours429).toBe(0);
    const sent = h.log.dispatchTimes[5]!;
    expect(sent).toBeGreaterThanOrEqual(windowStart + 1000);
    // The reset estimate is late only by the response's trip (5 ms here) plus the 10 ms guard.
    expect(sent).toBeLessThanOrEqual(windowStart + 1000 + 5 + 10 + 1);
  });

  it('still sends one probe alone after a quiet spell when units are left (another app may have spent them)', async () => {
    const h = harness({ quota: 20, windowMs: 1000, maxConcurrency: 6 });
    await h.run(h.call('bulk')); // we believe 19 are left
    await h.clock.advance(400);
    h.sim.otherApp(19); // ... but another app spent them while we were quiet
    const all = Array.from({ length: 6 }, () => h.call('bulk'));
    await h.clock.settle();
    expect(h.log.inFlight).toBe(1);
    await h.clock.runUntil(() => h.log.completed === 7);
    await Promise.all(all);
    expect(h.log.ours429).toBe(1); // the probe, not six of them
  });

  it('estimates the reset from the earliest response of the window, not the latest', async () => {
    const h = harness({ quota: 10, windowMs: 1000 });
    const probe = await acquire(h);
    const t = h.clock.now();
    probe.complete({ status: 200, headers: headers(9, 1000) });
    expect(h.limiter.state().resetAt).toBe(t + 1000);
    const [a, b, c, d] = await Promise.all([acquire(h), acquire(h), acquire(h), acquire(h)]);
    await h.clock.advance(50);
    a!.complete({ status: 200, headers: headers(8, 900) }); // a quicker trip: the reset is earlier
    expect(h.limiter.state().resetAt).toBe(t + 950);
    await h.clock.advance(50);
    b!.complete({ status: 200, headers: headers(7, 880) }); // a slower trip reports it late
    expect(h.limiter.state().resetAt).toBe(t + 950);
    // An older request answering after a newer one still tightens the reset (never loosens it).
    d!.complete({ status: 200, headers: headers(5, 900) });
    c!.complete({ status: 200, headers: headers(6, 840) });
    expect(h.limiter.state().resetAt).toBe(t + 100 + 840);
    // c's report (6) shows the server had counted it before d's (5): 5 are left, not 5 less c.
    expect(h.limiter.state().left).toBe(5);
  });

  it('does not strand the last units of a window when answers arrive out of order', async () => {
    const h = harness({ quota: 10, windowMs: 1000, maxConcurrency: 10 });
    const probe = await acquire(h);
    probe.complete({ status: 200, headers: headers(9, 1000) });
    const permits = await Promise.all(Array.from({ length: 8 }, () => acquire(h)));
    expect(h.limiter.state().left).toBe(1);
    // The server counted them in order (Left 8 … 1), but the last one's answer overtakes the rest.
    permits[7]!.complete({ status: 200, headers: headers(1, 990) });
    expect(h.limiter.state().left).toBe(0); // 7 still in flight: they may not be counted yet
    for (let i = 0; i < 7; i++) permits[i]!.complete({ status: 200, headers: headers(8 - i, 990) });
    expect(h.limiter.state().left).toBe(1);
    const t = h.clock.now();
    const last = await acquire(h); // goes now, not after the reset
    expect(h.clock.now()).toBe(t);
    last.complete({ status: 200, headers: headers(0, 990) });
  });

  it('keeps counting requests that ended without an answer against the window', async () => {
    const h = harness({ quota: 10, windowMs: 1000 });
    (await acquire(h)).complete({ status: 200, headers: headers(9, 1000) });
    const [a, b] = await Promise.all([acquire(h), acquire(h)]);
    a!.fail(); // the server may or may not have counted it
    b!.complete({ status: 200, headers: headers(8, 990) }); // b might have been counted before a
    expect(h.limiter.state().left).toBe(7);
  });

  it('never believes a reset more than a window away', async () => {
    const h = harness({ quota: 10, windowMs: 1000 });
    const probe = await acquire(h);
    const t = h.clock.now();
    probe.complete({ status: 200, headers: headers(0, 3_600_000) });
    expect(h.limiter.state().resetAt).toBe(t + 1000);
  });

  it('opens the next window 10 ms after the earliest reset estimate, at full concurrency when nobody else spends', async () => {
    const h = harness({ quota: 10, windowMs: 1000, latencyMs: 40, maxConcurrency: 10 });
    const windowStart = h.clock.now();
    const all = Array.from({ length: 20 }, () => h.call('bulk'));
    await h.clock.runUntil(() => h.log.completed === 20);
    await Promise.all(all);
    expect(h.sim.rejected).toBe(0);
    expect([...h.sim.servedPerWindow.values()]).toEqual([10, 10]);
    // Responses arrive 20 ms after the server counted them, so the earliest estimate is 20 ms late;
    // the whole second window goes at once (no probe round trip).
    expect(h.log.dispatchTimes.slice(10)).toEqual(Array(10).fill(windowStart + 1000 + 20 + 10));
  });

  it('opens the next window with one probe first while another app is spending the quota', async () => {
    const h = harness({ quota: 10, windowMs: 1000, latencyMs: 40, maxConcurrency: 10 });
    h.sim.otherApp(3); // it spent 3 units of the first window before us
    const windowStart = h.clock.now();
    const all = Array.from({ length: 14 }, () => h.call('bulk'));
    await h.clock.runUntil(() => h.log.completed === 14);
    await Promise.all(all);
    expect(h.log.ours429).toBe(0);
    expect([...h.sim.servedPerWindow.values()]).toEqual([7, 7]); // ours: it had 3 of the first
    const second = h.log.dispatchTimes.filter((t) => t >= windowStart + 1000);
    expect(second[0]).toBe(windowStart + 1000 + 20 + 10);
    expect(second[1]).toBe(second[0]! + 40); // the rest only after the probe's answer
  });

  it('notices an app that starts spending at a window boundary: a few 429s at most, then probes again', async () => {
    const h = harness({ quota: 10, windowMs: 1000, latencyMs: 40, maxConcurrency: 4 });
    const windowStart = h.clock.now();
    const all = Array.from({ length: 30 }, () => h.call('bulk'));
    // Another app drains the second window the moment it opens.
    await h.clock.runUntil(() => h.clock.now() >= windowStart + 1000);
    h.sim.otherApp(10);
    await h.clock.runUntil(() => h.log.completed === 30, 60_000);
    await Promise.all(all);
    expect(h.log.ours429).toBeGreaterThan(0); // it did catch us out once ...
    expect(h.log.ours429).toBeLessThanOrEqual(4); // ... for one round of our concurrency at most
    expect(h.sim.rejected).toBe(h.log.ours429);
  });
});

describe('rate limiter: another app racing for the last units', () => {
  /** Our requests in flight at each moment the server counted one, with the units left before it. */
  function racingHarness(otherAppFirst: number) {
    const h = harness({ quota: 20, windowMs: 1000, latencyMs: 20, maxConcurrency: 6 });
    const seen: Array<{ leftBefore: number; ours: number }> = [];
    let grabbed = false;
    const reply = () => {
      const leftBefore = h.sim.quota - h.sim.currentWindowUsed;
      // The other app grabs the last 3 units of the first window just before our request lands.
      if (otherAppFirst > 0 && !grabbed && leftBefore <= 3) {
        grabbed = true;
        h.sim.otherApp(3);
      }
      seen.push({ leftBefore, ours: h.log.inFlight });
      return h.sim.handle();
    };
    if (otherAppFirst > 0) h.sim.otherApp(otherAppFirst); // it was already spending this window
    const all = Array.from({ length: 30 }, () => h.call('bulk', {}, reply));
    return { h, seen, all };
  }

  it('sends the last units of a window one at a time while another app spends: one 429, not several', async () => {
    const { h, seen, all } = racingHarness(4);
    await h.clock.runUntil(() => h.log.completed === 30);
    await Promise.all(all);
    // Its 4 units before our probe showed it; from then on the last 6 units went one by one ...
    const tail = seen.filter((s) => s.leftBefore <= 6 && s.leftBefore > 0);
    expect(tail.length).toBeGreaterThan(0);
    expect(tail.every((s) => s.ours === 1)).toBe(true);
    // ... so when it took the last units under our feet, only one request of ours was refused.
    expect(h.log.ours429).toBe(1);
  });

  it('keeps several requests in flight to the end of a window when nobody else spends', async () => {
    const { h, seen, all } = racingHarness(0);
    await h.clock.runUntil(() => h.log.completed === 30);
    await Promise.all(all);
    expect(h.log.ours429).toBe(0);
    expect(seen.filter((s) => s.leftBefore <= 6).some((s) => s.ours > 1)).toBe(true);
  });
});
