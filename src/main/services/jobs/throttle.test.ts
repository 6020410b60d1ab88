import { describe, expect, it } from 'vitest';
import { ManualClock } from '../bigcommerce/test-support/fake-clock';
import { Gate } from './gate';
import { Throttle } from './throttle';

describe('Throttle (progress events, state saves)', () => {
  it('fires at most once per interval, keeps the last change, and flushes at once', async () => {
    const clock = new ManualClock(0);
    const fired: number[] = [];
    const throttle = new Throttle(clock, 100, () => fired.push(clock.now()));
    throttle.poke(); // leading edge
    for (let t = 0; t < 1000; t += 10) {
      throttle.poke();
      await clock.advance(10);
    }
    // 1 s of constant change: the leading event plus one per 100 ms.
    expect(fired.length).toBeLessThanOrEqual(11);
    for (let i = 1; i < fired.length; i++) expect(fired[i]! - fired[i - 1]!).toBeGreaterThanOrEqual(100);
    throttle.poke();
    throttle.flush(); // a status change: now, and the pending trailing event is dropped
    const count = fired.length;
    await clock.advance(500);
    expect(fired.length).toBe(count);
    expect(fired.at(-1)).toBe(clock.now() - 500);
  });
});

describe('Gate (write requests handed to the client)', () => {
  it('admits up to max, queues the rest in order, and refuses the queue on stop', async () => {
    const gate = new Gate(2);
    expect(await gate.acquire()).toBe(true);
    expect(await gate.acquire()).toBe(true);
    const third = gate.acquire();
    const fourth = gate.acquire();
    gate.release();
    expect(await third).toBe(true);
    gate.refuseWaiting();
    expect(await fourth).toBe(false);
  });
});
