import { describe, expect, it } from 'vitest';
import { parseRateLimitHeaders } from './rate-limit-headers';

describe('parseRateLimitHeaders', () => {
  it('reads documented names in any case, from Headers or a plain object', () => {
    const expected = { quota: 150, left: 35, resetMs: 15000, windowMs: 30000, retryAfterMs: 15000 };
    const canonical = {
      'X-Rate-Limit-Requests-Quota': '150',
      'X-Rate-Limit-Requests-Left': '35',
      'X-Rate-Limit-Time-Reset-Ms': '15000',
      'X-Rate-Limit-Time-Window-Ms': '30000',
      'X-Retry-After': '15',
    };
    expect(parseRateLimitHeaders(canonical)).toEqual(expected);
    const lower = Object.fromEntries(Object.entries(canonical).map(([k, v]) => [k.toLowerCase(), v]));
    expect(parseRateLimitHeaders(lower)).toEqual(expected);
    expect(parseRateLimitHeaders(new Headers(canonical))).toEqual(expected);
  });

  it('returns nulls for missing or junk values, and falls back to Retry-After seconds', () => {
    expect(parseRateLimitHeaders({})).toEqual({ quota: null, left: null, resetMs: null, windowMs: null, retryAfterMs: null });
    expect(parseRateLimitHeaders({ 'x-rate-limit-requests-left': 'abc', 'x-rate-limit-time-reset-ms': '' }).left).toBeNull();
    expect(parseRateLimitHeaders({ 'Retry-After': '2' }).retryAfterMs).toBe(2000);
    expect(parseRateLimitHeaders({ 'x-rate-limit-requests-left': '-3' }).left).toBe(0);
    expect(parseRateLimitHeaders({ 'x-retry-after': ['4', '9'] }).retryAfterMs).toBe(4000);
  });
});
