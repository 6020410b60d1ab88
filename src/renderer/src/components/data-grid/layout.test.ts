import { describe, expect, it } from 'vitest';
import { fixedWindow } from './layout';

describe('fixedWindow', () => {
  const at = (startIndex: number, endIndex: number, overscan = 1, count = 100_000) => fixedWindow({ startIndex, endIndex, overscan, count }, 18);

  it('keeps one length whether the viewport shows 17, 18 or 19 partial rows', () => {
    expect(at(500, 516)).toHaveLength(20);
    expect(at(500, 517)).toHaveLength(20);
    expect(at(37_000, 37_017)).toEqual(Array.from({ length: 20 }, (_, i) => 36_999 + i));
  });

  it('maps every window of one length onto the same keys (index modulo the length)', () => {
    const keys = (w: number[]) => new Set(w.map((i) => i % w.length));
    expect(keys(at(500, 517))).toEqual(keys(at(1_537, 1_554)));
    expect(keys(at(0, 17))).toHaveProperty('size', 20);
  });

  it('grows past the estimate when more rows show, and shifts back at both ends', () => {
    expect(at(10, 40)).toHaveLength(33);
    expect(at(0, 17, 8)).toEqual(Array.from({ length: 34 }, (_, i) => i));
    expect(at(99_990, 99_999, 8)).toEqual(Array.from({ length: 34 }, (_, i) => 99_966 + i));
  });

  it('renders every row of a short list, once', () => {
    expect(fixedWindow({ startIndex: 0, endIndex: 4, overscan: 8, count: 5 }, 18)).toEqual([0, 1, 2, 3, 4]);
    expect(fixedWindow({ startIndex: 0, endIndex: -1, overscan: 8, count: 0 }, 18)).toEqual([]);
  });
});
