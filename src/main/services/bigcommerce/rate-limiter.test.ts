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
    // Two full windows, then the last 150 at 6 in flight × 300 ms (concurrency-bound: 7.5 s).
    const lastBurst = 300 + (150 / 6) * 300;
    expect(h.clock.now() - start).toBeLessThan(60_000 + lastBurst + 500);
  });

  it('trusts the server when another app spends the shared quota behind our back', async () => {
    const h = harness({ quota: 20, windowMs: 1000 });
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
