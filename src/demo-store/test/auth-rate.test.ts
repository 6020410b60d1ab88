import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

describe('authentication and scopes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    h.store.addToken(h.hash, 'read-only', { products: 'read', orders: 'read' });
    h.store.addToken(h.hash, 'orders-none', { products: 'modify', orders: 'none' });
  });
  afterAll(() => h.close());

  it('401 with the V3 body on v3 paths and the V2 array on v2 paths', async () => {
    const v3 = await h.call('GET', '/v3/catalog/products', undefined, { token: null });
    expect(v3.status).toBe(401);
    expect(v3.body).toEqual({ status: 401, title: 'Unauthorized - the v3 Auth client ID or token in the request are not a valid combination for this store.', type: '/api-docs/getting-started/api-status-codes' });
    const v2 = await h.call('GET', '/v2/orders', undefined, { token: 'wrong' });
    expect(v2.status).toBe(401);
    expect(v2.body).toEqual([{ status: 401, message: expect.any(String) }]);
    expect(v2.headers.get('x-rate-limit-requests-quota')).toBe('150');
  });

  it('a token only works for its own store; unknown store hashes are 404', async () => {
    const other = h.store.stores[1];
    const res = await fetch(`${h.store.url}/stores/${other.storeHash}/v3/catalog/products`, { headers: { 'X-Auth-Token': h.token } });
    expect(res.status).toBe(401);
    expect((await fetch(`${h.store.url}/stores/nope/v3/catalog/products`, { headers: { 'X-Auth-Token': h.token } })).status).toBe(404);
  });

  it('403 for writes with a read-only scope and for any access with none', async () => {
    expect((await h.call('GET', '/v3/catalog/products?limit=1', undefined, { token: 'read-only' })).status).toBe(200);
    const write = await h.call('PUT', '/v3/catalog/products/1', { price: 1 }, { token: 'read-only' });
    expect(write.status).toBe(403);
    expect(write.body).toEqual({ status: 403, title: 'Unauthorized Access. You do not have permission to make this request.', type: '/api-docs/getting-started/api-status-codes' });
    expect((await h.call('GET', '/v2/orders', undefined, { token: 'orders-none' })).body).toEqual([{ status: 403, message: expect.any(String) }]);
    expect((await h.call('GET', '/v3/customers', undefined, { token: 'read-only' })).status).toBe(403);
    expect((await h.call('GET', '/v3/hooks', undefined, { token: 'read-only' })).status).toBe(200); // default scope
  });
});

describe('rate limiting (injected clock)', () => {
  let h: Harness;
  let now = 1_000_000;
  beforeAll(async () => { h = await startHarness({ rateLimit: true, rateQuota: 3, rateWindowMs: 30_000, now: () => now }); });
  afterAll(() => h.close());

  it('counts down, answers 429 with X-Retry-After, and refills when the window passes', async () => {
    const seen: Array<[number, string | null, string | null]> = [];
    for (let i = 0; i < 4; i++) {
      now += 1000;
      const r = await h.call('GET', '/v2/time');
      seen.push([r.status, r.headers.get('x-rate-limit-requests-left'), r.headers.get('x-rate-limit-time-reset-ms')]);
    }
    expect(seen).toEqual([[200, '2', '30000'], [200, '1', '29000'], [200, '0', '28000'], [429, '0', '27000']]);
    const limited = await h.call('GET', '/v3/catalog/products');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-retry-after')).toBe('27');
    expect(limited.headers.get('x-rate-limit-requests-quota')).toBe('3');
    expect(limited.headers.get('x-rate-limit-time-window-ms')).toBe('30000');
    expect(limited.body).toEqual({ status: 429, title: 'Too many requests', type: '/api-docs/getting-started/api-status-codes', errors: {} });
    now += 27_000;
    const fresh = await h.call('GET', '/v2/time');
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('x-rate-limit-requests-left')).toBe('2');
  });

  it('rateLimit:false never limits but still sends the headers', async () => {
    const free = await startHarness({ rateLimit: false, rateQuota: 2, now: () => 5 });
    try {
      const statuses: number[] = [];
      let last: Headers | undefined;
      for (let i = 0; i < 5; i++) {
        const r = await free.call('GET', '/v2/time');
        statuses.push(r.status);
        last = r.headers;
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      expect(last!.get('x-rate-limit-requests-left')).toBe('0');
      expect(last!.get('x-rate-limit-requests-quota')).toBe('2');
    } finally {
      await free.close();
    }
  });
});
