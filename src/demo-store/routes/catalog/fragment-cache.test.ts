import { describe, expect, it } from 'vitest';
import { FragmentCache } from './fragment-cache';

const buf = (n: number) => Buffer.alloc(n);

describe('FragmentCache', () => {
  it('answers only for the same row object and key', () => {
    const cache = new FragmentCache<{ id: number }, string>(1000);
    const row = { id: 1 };
    const b = buf(10);
    cache.set(row, 'a', b);
    expect(cache.get(row, 'a')).toBe(b);
    expect(cache.get(row, 'b')).toBeUndefined();
    expect(cache.get({ id: 1 }, 'a')).toBeUndefined(); // a replaced row (same id) misses
  });

  it('keeps recently read rows and drops the rest once a generation fills', () => {
    const cache = new FragmentCache<{ id: number }>(100);
    const rows = Array.from({ length: 21 }, (_, i) => ({ id: i }));
    for (const row of rows.slice(0, 11)) cache.set(row, undefined, buf(10)); // 110 bytes > 100: rows 0–10 become the old generation
    expect(cache.get(rows[0]!, undefined)).toBeDefined(); // read again: back in the young generation
    for (const row of rows.slice(11, 21)) cache.set(row, undefined, buf(10)); // fills it again: rows 1–10 are dropped
    expect(cache.get(rows[0]!, undefined)).toBeDefined();
    expect(cache.get(rows[1]!, undefined)).toBeUndefined();
    expect(cache.get(rows[20]!, undefined)).toBeDefined();
  });
});
