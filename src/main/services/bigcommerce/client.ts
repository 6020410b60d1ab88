import { systemClock, type Clock } from './clock';
import { BigCommerceError, errorFromResponse, multiStatusErrors } from './errors';
import type { Permit, Priority, RateLimiter } from './rate-limiter';

/**
 * One client per store. Every attempt goes through the store's shared limiter. Retries:
 * - 429: always (the request was not processed); the limiter decides how long everyone waits.
 * - 500/502/503/504 and network errors/timeouts: a quick first retry (50–100 ms), then jittered
 *   exponential back-off (0.5–1 s, 1–2 s, 2–4 s), idempotent requests only. GET/PUT/DELETE
 *   default to idempotent (a batch PUT of absolute values is safe to repeat); POST never is
 *   unless the caller says so. For creates, see createWithCheck.
 * Timeouts use real time (AbortSignal.timeout), not the injected clock: they guard against a hung
 * socket, and tests exercise them with short real timeouts.
 * The token goes only into the X-Auth-Token header; errors carry method and path, never the URL
 * origin, query or headers. Redirects are not followed, so the token is never sent elsewhere.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  method: HttpMethod;
  version: 'v2' | 'v3';
  /** Relative to the version root: "/catalog/products". */
  path: string;
  query?: QueryParams;
  body?: unknown;
  priority?: Priority;
  idempotent?: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
  /**
   * 'ignore': the caller needs only the status of a success, not its body (a batch PUT answers
   * with every full row it wrote: 50 variants are ~75 kB to decode for nothing). `data` is then
   * null; error bodies and 207 item errors are still read.
   */
  responseBody?: 'json' | 'ignore';
}

export interface BigCommerceResponse<T = unknown> {
  status: number;
  /** The decoded JSON body (V3 keeps its {data, meta} envelope); null for 204 or an empty body. */
  data: T;
  headers: Headers;
  /** Per-item failures of a 207 Multi-Status response. */
  errors?: BigCommerceError[];
}

export interface BigCommerceClient {
  readonly storeHash: string;
  request<T = unknown>(options: RequestOptions): Promise<BigCommerceResponse<T>>;
}

export interface BigCommerceClientOptions {
  storeHash: string;
  /** "https://api.bigcommerce.com", or the demo store's URL. */
  apiOrigin: string;
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
  limiter: RateLimiter;
  timeoutMs?: number;
  clock?: Clock;
  /** Retries after 5xx/network failures (idempotent requests only). Default 4. */
  maxRetries?: number;
  /** Give up after this many 429s for one request. Default 10. */
  maxRateLimitRetries?: number;
  /**
   * The first 5xx/network retry waits retryFirstMs/2–retryFirstMs (default 100, at most
   * retryBaseMs): most failures are one-off blips, and the retry still goes through the limiter.
   */
  retryFirstMs?: number;
  /** Retry n ≥ 2 waits equal jitter on retryBaseMs × 2^(n−1) (default 500: 0.5–1 s, 1–2 s, 2–4 s). */
  retryBaseMs?: number;
  retryMaxMs?: number;
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);

function encode(text: string): string {
  // ':' and ',' are legal in a query and BigCommerce filters are full of them (id:in=1,2,3).
  return encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

export function buildQuery(query: QueryParams | undefined): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    parts.push(`${encode(key)}=${encode(text)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

type Attempt = { kind: 'response'; response: Response; text: string } | { kind: 'error'; error: BigCommerceError };

export function createBigCommerceClient(options: BigCommerceClientOptions): BigCommerceClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const clock = options.clock ?? systemClock;
  const origin = options.apiOrigin.replace(/\/+$/, '');
  const root = `${origin}/stores/${encodeURIComponent(options.storeHash)}`;
  const maxRetries = options.maxRetries ?? 4;
  const maxRateLimitRetries = options.maxRateLimitRetries ?? 10;

  function backoff(failures: number): number {
    const cap = options.retryMaxMs ?? 30_000;
    const base = options.retryBaseMs ?? 500;
    // One quick retry for a blip (most 5xx are one-offs), then the exponential series, so a longer
    // outage is still ridden out over ~3.5 s with the defaults: 50–100 ms, 0.5–1 s, 1–2 s, 2–4 s.
    const exp =
      failures === 1 ? Math.min(cap, base, options.retryFirstMs ?? 100) : Math.min(cap, base * 2 ** (failures - 1));
    return exp / 2 + (exp / 2) * clock.random(); // "equal jitter": never 0, never in lock-step
  }

  async function attempt(req: RequestOptions, body: string | undefined, token: string, permit: Permit): Promise<Attempt> {
    const errorPath = `/${req.version}${req.path}`;
    const timeout = AbortSignal.timeout(req.timeoutMs ?? options.timeoutMs ?? 30_000);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const headers: Record<string, string> = { 'X-Auth-Token': token, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      const url = `${root}/${req.version}${req.path}${buildQuery(req.query)}`;
      response = await fetchImpl(url, { method: req.method, headers, body, signal, redirect: 'manual' });
    } catch (error) {
      permit.fail();
      if (req.signal?.aborted) throw req.signal.reason;
      return { kind: 'error', error: transportError(error, timeout.aborted, req.method, errorPath) };
    }
    permit.complete({ status: response.status, headers: response.headers });
    try {
      if (req.responseBody === 'ignore' && response.status >= 200 && response.status < 300 && response.status !== 207) {
        await response.arrayBuffer(); // read to the end (frees the connection), never decoded
        return { kind: 'response', response, text: '' };
      }
      return { kind: 'response', response, text: await response.text() };
    } catch (error) {
      if (req.signal?.aborted) throw req.signal.reason;
      return { kind: 'error', error: transportError(error, timeout.aborted, req.method, errorPath) };
    }
  }

  async function request<T>(req: RequestOptions): Promise<BigCommerceResponse<T>> {
    const idempotent = req.idempotent ?? req.method !== 'POST';
    // Serialize once, before taking a permit: a body that can't be serialized is a caller bug.
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    let failures = 0;
    let rateLimited = 0;
    for (;;) {
      const token = await options.getToken();
      const permit = await options.limiter.acquire({ ...req, priority: req.priority ?? 'interactive' });
      const result = await attempt(req, body, token, permit);
      const error = result.kind === 'error' ? result.error : null;
      const status = result.kind === 'response' ? result.response.status : null;
      if (status === 429 && ++rateLimited <= maxRateLimitRetries) continue; // the limiter holds us back
      const retryable = error !== null || (status !== null && RETRYABLE_STATUS.has(status));
      if (retryable && idempotent && failures < maxRetries) {
        await clock.sleep(backoff(++failures), req.signal);
        if (req.signal?.aborted) throw req.signal.reason;
        continue;
      }
      if (error) throw error;
      return finish<T>(req, result as Extract<Attempt, { kind: 'response' }>);
    }
  }

  return { storeHash: options.storeHash, request };
}

function transportError(error: unknown, timedOut: boolean, method: string, path: string): BigCommerceError {
  if (timedOut) {
    return new BigCommerceError({ code: 'TIMEOUT', message: 'BigCommerce did not answer in time.', method, path });
  }
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const causeCode = typeof cause?.code === 'string' ? cause.code : undefined;
  return new BigCommerceError({
    code: 'NETWORK',
    message: `Could not reach BigCommerce${causeCode ? ` (${causeCode})` : ''}.`,
    method,
    path,
    causeCode,
  });
}

function finish<T>(req: RequestOptions, { response, text }: { response: Response; text: string }): BigCommerceResponse<T> {
  const path = `/${req.version}${req.path}`;
  const { status } = response;
  let body: unknown = null;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      if (status >= 400) throw errorFromResponse({ status, body: null, method: req.method, path });
      throw new BigCommerceError({
        code: 'BAD_RESPONSE',
        status,
        message: `BigCommerce sent a response that is not JSON (HTTP ${status}).`,
        method: req.method,
        path,
      });
    }
  }
  if (status >= 400) throw errorFromResponse({ status, body, method: req.method, path });
  if (status < 200 || status >= 300) {
    throw new BigCommerceError({
      code: 'BAD_RESPONSE',
      status,
      message: `Unexpected HTTP ${status} from BigCommerce${status >= 300 && status < 400 ? ' (redirect not followed)' : ''}.`,
      method: req.method,
      path,
    });
  }
  const result: BigCommerceResponse<T> = { status, data: body as T, headers: response.headers };
  if (status === 207) result.errors = multiStatusErrors(body, { method: req.method, path });
  return result;
}
