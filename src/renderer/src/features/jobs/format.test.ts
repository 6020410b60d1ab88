import { describe, expect, it } from 'vitest';
import { formatDuration } from './format';

describe('formatDuration', () => {
  it('keeps a tenth of a second under 10 s, whole units above', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(0)).toBe('0.0s');
    expect(formatDuration(420)).toBe('0.4s');
    expect(formatDuration(9_940)).toBe('9.9s');
    expect(formatDuration(9_960)).toBe('10s');
    expect(formatDuration(61_000)).toBe('1m 1s');
    expect(formatDuration(3_720_000)).toBe('1h 2m');
  });
});
