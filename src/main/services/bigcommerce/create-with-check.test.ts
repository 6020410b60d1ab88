import { afterEach, describe, expect, it } from 'vitest';
import { createBigCommerceClient } from './client';
import { createWithCheck } from './create-with-check';
import { BigCommerceError } from './errors';
import { createRateLimiter } from './rate-limiter';
import { AutoClock } from './test-support/fake-clock';
import { startScriptedServer, type ScriptedReply, type ScriptedServer } from './test-support/scripted-server';

/**
 * A scripted catalog over real HTTP: POST /catalog/products creates by SKU (409 on a duplicate);
 * `faults` decides per POST whether to fail before or after the create is applied.
 */
type Fault = 'none' | 'drop-after-create' | 'drop-before-create' | '503-after-create' | '422';
let server: ScriptedServer | undefined;
afterEach(async () => server?.close());

async function catalog(faults: Fault[]) {
  const products: Array<{ id: number; sku: string }> = [];
  let posts = 0;
  server = await startScriptedServer((req): ScriptedReply => {
    if (req.method === 'GET') {
      const sku = req.query.get('sku');
      return { status: 200, body: { data: products.filter((p) => p.sku === sku), meta: {} } };
    }
    const fault = faults[posts++] ?? 'none';
    const { sku } = JSON.parse(req.body) as { sku: string };
    if (fault === 'drop-before-create') return 'destroy';
    if (fault === '422') return { status: 422, body: { status: 422, title: 'Missing Required Fields', errors: { price: 'Please provide a price.' } } };
    if (products.some((p) => p.sku === sku)) return { status: 409, body: { status: 409, title: 'SKU is a duplicate', type: '/x' } };
    const product = { id: products.length + 1, sku };
    products.push(product);
    if (fault === 'drop-after-create') return 'destroy';
    if (fault === '503-after-create') return { status: 503, raw: '' };
    return { status: 200, body: { data: product, meta: {} } };
  });
  const clock = new AutoClock();
  const client = createBigCommerceClient({
    storeHash: 's',
    apiOrigin: server.url,
    getToken: async () => 't',
    limiter: createRateLimiter({ clock }),
    clock,
  });
  const create = (sku: string) =>
    createWithCheck({
      clock,
      post: async () =>
        (await client.request<{ data: { id: number; sku: string } }>({ method: 'POST', version: 'v3', path: '/catalog/products', body: { sku } })).data.data,
      findExisting: async () =>
        (await client.request<{ data: Array<{ id: number; sku: string }> }>({ method: 'GET', version: 'v3', path: '/catalog/products', query: { sku } })).data.data[0],
    });
  return { products, create, posts: () => posts, clock };
}

describe('createWithCheck', () => {
  it('creates normally with one POST', async () => {
    const c = await catalog([]);
    expect(await c.create('A')).toEqual({ value: { id: 1, sku: 'A' }, outcome: 'created', attempts: 1 });
    expect(c.posts()).toBe(1);
  });

  it('finds the object instead of re-posting when the connection dropped after the create', async () => {
    const c = await catalog(['drop-after-create']);
    const result = await c.create('A');
    expect(result).toEqual({ value: { id: 1, sku: 'A' }, outcome: 'recovered', attempts: 1 });
    expect(c.products).toHaveLength(1);
    expect(c.posts()).toBe(1);
    expect(c.clock.sleeps).toContain(1000); // paused before looking
  });

  it('finds the object after a body-less 5xx that had in fact created it', async () => {
    const c = await catalog(['503-after-create']);
    expect((await c.create('B')).outcome).toBe('recovered');
    expect(c.products).toHaveLength(1);
  });

  it('posts again when the look-up proves the first POST did not land', async () => {
    const c = await catalog(['drop-before-create']);
    expect(await c.create('C')).toMatchObject({ outcome: 'created', attempts: 2 });
    expect(c.products).toHaveLength(1);
  });

  it('gives up after maxAttempts ambiguous failures, with the last error', async () => {
    const c = await catalog(['drop-before-create', 'drop-before-create', 'drop-before-create']);
    await expect(c.create('D')).rejects.toMatchObject({ code: 'NETWORK' });
    expect(c.posts()).toBe(3);
    expect(c.products).toHaveLength(0);
  });

  it('does not look anything up after a plain rejection (422)', async () => {
    const c = await catalog(['422']);
    await expect(c.create('E')).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { price: 'Please provide a price.' } });
    expect(server!.requests.filter((r) => r.method === 'GET')).toHaveLength(0);
  });

  it('treats a 409 on a repeated POST as "our earlier attempt landed" and returns the object', async () => {
    let calls = 0;
    const existing = { id: 9, sku: 'F' };
    const result = await createWithCheck({
      clock: new AutoClock(),
      post: async () => {
        calls++;
        if (calls === 1) throw new BigCommerceError({ code: 'TIMEOUT', message: 'slow' });
        throw new BigCommerceError({ code: 'CONFLICT', status: 409, message: 'duplicate' });
      },
      // The slow first create becomes visible only after our first look.
      findExisting: async () => (calls >= 2 ? existing : null),
    });
    expect(result).toEqual({ value: existing, outcome: 'recovered', attempts: 2 });
  });

  it('rethrows a 409 on the first POST (the object existed before we started)', async () => {
    const c = await catalog([]);
    await c.create('G');
    await expect(c.create('G')).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
