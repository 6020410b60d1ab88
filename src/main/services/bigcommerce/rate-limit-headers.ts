/**
 * The rate-limit headers of bigcommerce-facts §2. Any of them may be missing (a 429 "during a load
 * balance" has none), and names may arrive in any case.
 */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export interface RateLimitHeaders {
  quota: number | null;
  left: number | null;
  /** ms until the quota refreshes (X-Rate-Limit-Time-Reset-Ms). */
  resetMs: number | null;
  windowMs: number | null;
  /** X-Retry-After is in seconds; converted to ms here. */
  retryAfterMs: number | null;
}

export function getHeader(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? (value[0] ?? null) : value;
  }
  return null;
}

function numberHeader(headers: HeaderSource, name: string): number | null {
  const raw = getHeader(headers, name);
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? Math.max(0, value) : null;
}

export function parseRateLimitHeaders(headers: HeaderSource): RateLimitHeaders {
  // Standard Retry-After (seconds form only) as a fallback: proxies in front of the API may send it.
  const retryAfterS = numberHeader(headers, 'x-retry-after') ?? numberHeader(headers, 'retry-after');
  return {
    quota: numberHeader(headers, 'x-rate-limit-requests-quota'),
    left: numberHeader(headers, 'x-rate-limit-requests-left'),
    resetMs: numberHeader(headers, 'x-rate-limit-time-reset-ms'),
    windowMs: numberHeader(headers, 'x-rate-limit-time-window-ms'),
    retryAfterMs: retryAfterS === null ? null : retryAfterS * 1000,
  };
}
