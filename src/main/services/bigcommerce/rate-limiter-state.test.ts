import { describe, expect, it } from 'vitest';
import { harness } from './test-support/limiter-harness';
import type { SimReply } from './test-support/quota-sim';

describe('rate limiter: state and waiting time', () => {
  it('publishes quota, queue and waiting state, and totals the time spent waiting on the quota', async () => {
    const h = harness({ quota: 5, windowMs: 1000, latencyMs: 10 });
    const all = Array.from({ length: 10 }, () => h.call('bulk'));
    await h.clock.advance(100);
    const s = h.limiter.state();
    expect(s).toMatchObject({ mode: 'metered', quota: 5, windowMs: 1000, left: 0, inFlight: 0 });
    expect(s.queued).toEqual({ interactive: 0, bulk: 5 });
    expect(s.waitingMs).toBeGreaterThan(800);
    expect(s.resetAt).toBeGreaterThan(h.clock.now());
    await h.clock.runUntil(() => h.log.completed === 10);
    await Promise.all(all);
    const end = h.limiter.state();
    expect(end.queued).toEqual({ interactive: 0, bulk: 0 });
    expect(end.waitingMs).toBe(0);
    // Waited from the 5th dispatch (~t+40 ms) until the wake after the reset (~t+1060 ms).
    expect(end.totalWaitedMs).toBeGreaterThan(900);
    expect(end.totalWaitedMs).toBeLessThan(1100);
    expect(h.states.length).toBeGreaterThan(10);
    expect(h.states.some((x) => x.queued.bulk === 9)).toBe(true);
  });

  it('drops a queued request when its signal aborts', async () => {
    const h = harness();
    const gate = h.call('interactive'); // probe in flight, everything else queues behind it
    const controller = new AbortController();
    const queued = h.limiter.acquire({ method: 'GET', version: 'v3', path: '/x', signal: controller.signal });
    expect(h.limiter.state().queued.interactive).toBe(1);
    controller.abort(new Error('user left'));
    await expect(queued).rejects.toThrow('user left');
    expect(h.limiter.state().queued.interactive).toBe(0);
    await h.clock.runUntil(() => h.log.completed === 1);
    await gate;
  });

  it('applies only the concurrency cap when responses carry no rate-limit headers', async () => {
    const h = harness({ maxConcurrency: 5 });
    const plain = (): SimReply => ({ status: 200, headers: {} });
    const all = Array.from({ length: 20 }, () => h.call('bulk', {}, plain));
    await h.clock.runUntil(() => h.log.completed === 20);
    await Promise.all(all);
    expect(h.limiter.state().mode).toBe('unmetered');
    expect(h.log.maxInFlight).toBe(5);
  });

  it('ignores a late response from an earlier window (it cannot raise the estimate)', async () => {
    const h = harness({ quota: 10, windowMs: 1000 });
    await h.run(h.call('interactive'));
    const permit = await h.limiter.acquire({ method: 'GET', version: 'v3', path: '/x' });
    permit.complete({
      status: 200,
      headers: { 'x-rate-limit-requests-left': '9', 'x-rate-limit-time-reset-ms': '10', 'x-rate-limit-requests-quota': '10' },
    });
    expect(h.limiter.state().left).toBe(8);
  });
});
