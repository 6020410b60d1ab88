import { afterEach, describe, expect, it } from 'vitest';
import { startDemoStore, type DemoStore, type DemoStoreOptions } from '../../../demo-store/index';
import { createBigCommerceClient, type BigCommerceClient, type BigCommerceClientOptions } from './client';
import { systemClock } from './clock';
import { createWithCheck } from './create-with-check';
import { collectV2, collectV3 } from './pagination';
import { createRateLimiter, type RateLimiter, type RateLimiterOptions } from './rate-limiter';
import { caught } from './test-support/caught';

/**
 * Against the real demo store (src/demo-store) over real HTTP, in real time: rate-limit windows
 * are the demo store's own, so these tests take a few seconds each.
 */
let demo: DemoStore | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

interface Product {
  id: number;
  sku: string;
  name: string;
  variants?: Array<{ id: number; product_id: number; sku: string }>;
}

async function connect(
  options: DemoStoreOptions,
  limiterOptions: RateLimiterOptions = {},
  clientOptions: Partial<BigCommerceClientOptions> = {},
): Promise<{ client: BigCommerceClient; limiter: RateLimiter; store: DemoStore['stores'][number]; demo: DemoStore }> {
  demo = await startDemoStore({ port: 0, stores: 1, products: 300, orders: 200, customers: 100, ...options });
  const store = demo.stores[0]!;
  const limiter = createRateLimiter({ clock: systemClock, ...limiterOptions });
  const client = createBigCommerceClient({
    storeHash: store.storeHash,
    apiOrigin: demo.url,
    getToken: async () => store.token,
    limiter,
    timeoutMs: 10_000,
    ...clientOptions,
  });
  return { client, limiter, store, demo };
}

describe('demo store: pagination', () => {
  it('loads every product with its variants (V3), and every order (V2, with and without /count)', async () => {
    const { client } = await connect({ rateQuota: 1000, rateWindowMs: 1000 });
    const progress: number[] = [];
    const products = await collectV3<Product>(client, {
      path: '/catalog/products',
      query: { include: 'variants' },
      limit: 50,
      onProgress: (done) => progress.push(done),
    });
    expect(products).toHaveLength(300);
    expect(new Set(products.map((p) => p.id)).size).toBe(300);
    expect(products.every((p) => Array.isArray(p.variants) && p.variants.length > 0)).toBe(true);
    expect(products.every((p) => p.variants!.every((v) => v.product_id === p.id))).toBe(true);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);

    const counted = await collectV2<{ id: number }>(client, { path: '/orders', countPath: '/orders/count', limit: 50 });
    const walked = await collectV2<{ id: number }>(client, { path: '/orders', limit: 50 });
    expect(counted).toHaveLength(200);
    expect(walked.map((o) => o.id)).toEqual(counted.map((o) => o.id));
  });
});

describe('demo store: pacing', () => {
  it('completes 100 requests against quota 20/1000 ms with zero 429s and near-full quota use', async () => {
    const { client, limiter, demo } = await connect({ rateQuota: 20, rateWindowMs: 1000 });
    const start = Date.now();
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        client.request({ method: 'GET', version: 'v3', path: '/catalog/products', query: { limit: 1, page: i + 1 }, priority: 'bulk' }),
      ),
    );
    const elapsed = Date.now() - start;
    expect(demo.stats().byStatus['429'] ?? 0).toBe(0);
    expect(limiter.state().rateLimitedResponses).toBe(0);
    // 100 requests need 5 windows: the 5th starts 4 s after the first request.
    expect(elapsed).toBeGreaterThanOrEqual(4000);
    const windowsUsed = Math.ceil(elapsed / 1000);
    expect(100 / (windowsUsed * 20)).toBeGreaterThanOrEqual(0.8);
    expect(limiter.state().totalWaitedMs).toBeGreaterThan(3000);
  });

  it('recovers when another app spends part of the shared quota behind our back', async () => {
    const { client, limiter, store, demo } = await connect({ rateQuota: 20, rateWindowMs: 1000 });
    let stop = false;
    const other = { ok: 0, limited: 0 };
    const raw = async () => {
      const res = await fetch(`${demo.url}/stores/${store.storeHash}/v3/catalog/products?limit=1`, {
        headers: { 'X-Auth-Token': store.token, Accept: 'application/json' },
      });
      await res.arrayBuffer();
      if (res.status === 429) other.limited++;
      else other.ok++;
    };
    // A greedy, header-blind app: it has spent half the window before we start, then sends a burst
    // of 5 every 200 ms, whatever the store says. (How much more it wins after that depends on who
    // reaches each new window first, so only the first burst is a given.)
    await Promise.all(Array.from({ length: 10 }, raw));
    const otherApp = (async () => {
      while (!stop) {
        await new Promise((r) => setTimeout(r, 200));
        await Promise.all(Array.from({ length: 5 }, raw));
      }
    })();
    const start = Date.now();
    const results = await Promise.all(
      Array.from({ length: 60 }, () => client.request({ method: 'GET', version: 'v3', path: '/catalog/products', query: { limit: 1 }, priority: 'bulk' })),
    );
    const elapsed = Date.now() - start;
    stop = true;
    await otherApp;
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(other.ok).toBeGreaterThanOrEqual(10); // the other app really did take a share
    expect(other.limited).toBeGreaterThan(0); // ... and kept trying while we were using the rest
    const windows = Math.ceil(elapsed / 1000);
    // An occasional 429 is unavoidable (a unit taken between our response and our next request);
    // it must stay rare and never turn into a burst.
    expect(limiter.state().rateLimitedResponses).toBeLessThanOrEqual(windows);
    // Together the two apps kept the store's quota busy.
    expect((60 + other.ok) / (windows * 20)).toBeGreaterThanOrEqual(0.7);
  });
});

describe('demo store: faults', () => {
  it('gets every GET page despite injected 5xx and dropped connections', async () => {
    const { client, demo } = await connect({ rateQuota: 10_000, faultRate: 0.2 }, {}, { retryBaseMs: 20, maxRetries: 6 });
    const products = await collectV3<Product>(client, { path: '/catalog/products', query: { include: 'variants' }, limit: 25 });
    expect(products).toHaveLength(300);
    expect(new Set(products.map((p) => p.id)).size).toBe(300);
    const faults = Object.entries(demo.stats().byStatus).filter(([k]) => k === 'dropped' || Number(k) >= 500);
    expect(faults.length).toBeGreaterThan(0); // faults really happened
  });

  it('never creates a product twice by SKU when POSTs fail ambiguously', async () => {
    const { client, demo } = await connect(
      { rateQuota: 10_000, faultRate: 0.3, faultDropAfterApplyRatio: 1 },
      {},
      { retryBaseMs: 20, maxRetries: 6 },
    );
    const outcomes: string[] = [];
    for (let i = 0; i < 25; i++) {
      const sku = `STOCKROOM-IT-${i}`;
      const body = { name: `Integration ${i}`, type: 'physical', weight: 1, price: 9.99, sku };
      const result = await createWithCheck({
        checkDelayMs: 20,
        maxAttempts: 6,
        post: async () => (await client.request<{ data: Product }>({ method: 'POST', version: 'v3', path: '/catalog/products', body })).data.data,
        findExisting: async () =>
          (await client.request<{ data: Product[] }>({ method: 'GET', version: 'v3', path: '/catalog/products', query: { sku } })).data.data[0],
      });
      expect(result.value.sku).toBe(sku);
      outcomes.push(result.outcome);
    }
    const created = await collectV3<Product>(client, { path: '/catalog/products', query: { 'sku:in': Array.from({ length: 25 }, (_, i) => `STOCKROOM-IT-${i}`) } });
    expect(created).toHaveLength(25);
    expect(new Set(created.map((p) => p.sku)).size).toBe(25);
    expect(outcomes).toContain('recovered'); // some POSTs really were lost after applying
    expect(demo.stats().byStatus.dropped ?? 0).toBeGreaterThan(0);
  });
});

describe('demo store: error mapping', () => {
  it('maps 401, 403, 404, 409, 413 and 422 from real bodies', async () => {
    const { client, store, demo } = await connect({ rateQuota: 10_000 });
    const get = (c: BigCommerceClient, path: string, version: 'v2' | 'v3' = 'v3') => c.request({ method: 'GET', version, path });

    const badToken = createBigCommerceClient({ storeHash: store.storeHash, apiOrigin: demo.url, getToken: async () => 'wrong-token', limiter: createRateLimiter() });
    const auth = await caught(get(badToken, '/catalog/products'));
    expect(auth).toMatchObject({ code: 'AUTH', status: 401 });
    expect(auth.message).not.toContain('wrong-token');

    demo.addToken(store.storeHash, 'read-only-token', { products: 'read' });
    const readOnly = createBigCommerceClient({ storeHash: store.storeHash, apiOrigin: demo.url, getToken: async () => 'read-only-token', limiter: createRateLimiter() });
    expect((await get(readOnly, '/catalog/products')).status).toBe(200);
    const forbidden = await caught(readOnly.request({ method: 'PUT', version: 'v3', path: '/catalog/products', body: [{ id: 1, price: 1 }] }));
    expect(forbidden).toMatchObject({ code: 'FORBIDDEN', status: 403 });

    expect(await caught(get(client, '/catalog/products/99999999'))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    const v2NotFound = await caught(get(client, '/orders/99999999', 'v2'));
    expect(v2NotFound).toMatchObject({ code: 'NOT_FOUND', status: 404, message: 'The requested resource was not found.' });

    const [existing] = (await client.request<{ data: Product[] }>({ method: 'GET', version: 'v3', path: '/catalog/products', query: { limit: 1 } })).data.data;
    const dup = await caught(
      client.request({ method: 'POST', version: 'v3', path: '/catalog/products', body: { name: 'Dup test', type: 'physical', weight: 1, price: 1, sku: existing!.sku } }),
    );
    expect(dup).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(dup.fieldErrors?.sku).toContain('not unique');

    const eleven = Array.from({ length: 11 }, (_, i) => ({ id: i + 1, price: 1 }));
    const tooLarge = await caught(client.request({ method: 'PUT', version: 'v3', path: '/catalog/products', body: eleven }));
    expect(tooLarge).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(tooLarge.message).toContain('maximum items allowed in the array is 10');

    const invalid = await caught(client.request({ method: 'POST', version: 'v3', path: '/catalog/products', body: { type: 'physical' } }));
    expect(invalid).toMatchObject({ code: 'VALIDATION', status: 422 });
    expect(Object.keys(invalid.fieldErrors ?? {})).toEqual(expect.arrayContaining(['name']));
  });
});

describe('demo store: responses the caller does not read', () => {
  it("skips a success body with responseBody 'ignore', but still reads errors and 207 item errors", async () => {
    const { client } = await connect({ rateQuota: 1000, rateWindowMs: 1000 });
    const list = await client.request<{ data: Array<{ id: number; inventory_level: number }> }>({
      method: 'GET', version: 'v3', path: '/catalog/variants', query: { limit: 2, include_fields: 'inventory_level' },
    });
    const [a, b] = list.data.data;
    const put = await client.request({
      method: 'PUT', version: 'v3', path: '/catalog/variants', responseBody: 'ignore',
      body: [{ id: a!.id, inventory_level: a!.inventory_level + 3 }],
    });
    expect(put).toMatchObject({ status: 200, data: null });
    const read = await client.request<{ data: Array<{ id: number; inventory_level: number }> }>({
      method: 'GET', version: 'v3', path: '/catalog/variants', query: { 'id:in': [a!.id], include_fields: 'inventory_level' },
    });
    expect(read.data.data[0]!.inventory_level).toBe(a!.inventory_level + 3);
    const refused = await caught(client.request({
      method: 'PUT', version: 'v3', path: '/catalog/variants', responseBody: 'ignore',
      body: [{ id: b!.id, inventory_level: -5 }],
    }));
    expect(refused).toMatchObject({ code: 'VALIDATION', status: 422 });
  });
});
