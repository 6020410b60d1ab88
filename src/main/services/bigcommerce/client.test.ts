import { afterEach, describe, expect, it } from 'vitest';
import { createBigCommerceClient, type BigCommerceClientOptions } from './client';
import { createRateLimiter } from './rate-limiter';
import { AutoClock } from './test-support/fake-clock';
import { startScriptedServer, type ScriptHandler, type ScriptedServer } from './test-support/scripted-server';
import { caught } from './test-support/caught';

const TOKEN = 'tok_secret_abcdef123456';
const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const rate = (left: number, resetMs = 1000) => ({
  'X-Rate-Limit-Requests-Quota': '20',
  'X-Rate-Limit-Requests-Left': String(left),
  'X-Rate-Limit-Time-Reset-Ms': String(resetMs),
  'X-Rate-Limit-Time-Window-Ms': '1000',
});

async function setup(handler: ScriptHandler, extra: Partial<BigCommerceClientOptions> = {}) {
  const server = await startScriptedServer(handler);
  servers.push(server);
  const clock = new AutoClock();
  const limiter = createRateLimiter({ clock });
  const client = createBigCommerceClient({
    storeHash: 'abc123',
    apiOrigin: `${server.url}/`,
    getToken: async () => TOKEN,
    limiter,
    clock,
    timeoutMs: 5000,
    ...extra,
  });
  return { server, clock, limiter, client };
}

describe('client: requests', () => {
  it('sends the token and JSON headers to /stores/{hash}/{version}{path} with a readable query', async () => {
    const { server, client } = await setup(() => ({ status: 200, headers: rate(19), body: { data: [{ id: 1 }], meta: {} } }));
    const res = await client.request<{ data: { id: number }[] }>({
      method: 'PUT',
      version: 'v3',
      path: '/catalog/products',
      query: { 'id:in': [1, 2, 3], include: 'variants', skip: undefined, is_visible: true, name: 'a&b c' },
      body: [{ id: 1, price: '87.99' }],
    });
    expect(res.status).toBe(200);
    expect(res.data.data[0]!.id).toBe(1);
    const req = server.requests[0]!;
    expect(req.method).toBe('PUT');
    expect(req.url).toBe('/stores/abc123/v3/catalog/products?id:in=1,2,3&include=variants&is_visible=true&name=a%26b%20c');
    expect(req.headers['x-auth-token']).toBe(TOKEN);
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body)).toEqual([{ id: 1, price: '87.99' }]);
  });

  it('returns null data for a V2 204', async () => {
    const { client } = await setup(() => ({ status: 204, headers: rate(19) }));
    const res = await client.request({ method: 'GET', version: 'v2', path: '/orders', query: { page: 9 } });
    expect(res).toMatchObject({ status: 204, data: null });
  });

  it('reports a 207 item by item instead of throwing', async () => {
    const body = {
      data: [{ id: 1 }, { id: 2 }],
      errors: { status: 422, title: 'Inventory could not be updated', type: '/x', errors: { inventory_level: 'Invalid' } },
      meta: {},
    };
    const { client } = await setup(() => ({ status: 207, headers: rate(19), body }));
    const res = await client.request({ method: 'PUT', version: 'v3', path: '/catalog/products', body: [] });
    expect(res.status).toBe(207);
    expect(res.data).toEqual(body);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ code: 'VALIDATION', status: 422, message: 'Inventory could not be updated' });
    expect(res.errors![0]!.fieldErrors).toEqual({ inventory_level: 'Invalid' });
  });

  it('does not follow redirects (the token must not go to another host)', async () => {
    const elsewhere = await startScriptedServer(() => ({ status: 200, body: {} }));
    servers.push(elsewhere);
    const { client } = await setup(() => ({ status: 302, headers: { Location: `${elsewhere.url}/steal` } }));
    const err = await caught(client.request({ method: 'GET', version: 'v3', path: '/catalog/products' }));
    expect(err.code).toBe('BAD_RESPONSE');
    expect(err.message).toContain('redirect');
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('maps a 2xx that is not JSON to BAD_RESPONSE', async () => {
    const { client } = await setup(() => ({ status: 200, headers: rate(19), raw: '<html>oops' }));
    const err = await caught(client.request({ method: 'GET', version: 'v3', path: '/catalog/products' }));
    expect(err).toMatchObject({ code: 'BAD_RESPONSE', status: 200, ambiguous: true });
  });
});

describe('client: 429 and retries', () => {
  it('recovers from a 429 by waiting the longer of Reset-Ms and X-Retry-After', async () => {
    const { server, clock, client } = await setup((_req, i) =>
      i === 1
        ? { status: 429, headers: { ...rate(0, 1500), 'X-Retry-After': '3' }, body: { status: 429, title: 'Too many requests', type: '/x', errors: {} } }
        : { status: 200, headers: rate(18), body: { data: [], meta: {} } },
    );
    await client.request({ method: 'GET', version: 'v3', path: '/a' });
    const t = clock.now();
    const res = await client.request({ method: 'GET', version: 'v3', path: '/a' });
    expect(res.status).toBe(200);
    expect(server.requests).toHaveLength(3);
    expect(clock.now() - t).toBeGreaterThanOrEqual(3000);
    expect(clock.sleeps.some((ms) => ms >= 3000)).toBe(true);
  });

  it('retries a POST after a 429 (it was not processed), but never after a 5xx', async () => {
    const replies = [
      { status: 429, headers: rate(0, 100) },
      { status: 503, headers: rate(10) },
    ];
    const { server, client } = await setup((_req, i) => replies[i] ?? { status: 200, body: {} });
    const err = await caught(client.request({ method: 'POST', version: 'v3', path: '/catalog/products', body: { sku: 'A' } }));
    expect(err).toMatchObject({ code: 'SERVER', status: 503, ambiguous: true });
    expect(server.requests).toHaveLength(2);
  });

  it('backs off ≥ 1 s and growing on 429s without headers, then fails with RATE_LIMITED', async () => {
    const { server, clock, client } = await setup(() => ({ status: 429 }), { maxRateLimitRetries: 3 });
    const start = clock.now();
    const err = await caught(client.request({ method: 'GET', version: 'v3', path: '/a' }));
    expect(err.code).toBe('RATE_LIMITED');
    expect(server.requests).toHaveLength(4);
    const pauses = clock.sleeps.filter((ms) => ms >= 100);
    expect(pauses.length).toBe(3);
    expect(pauses[0]).toBeGreaterThanOrEqual(1000);
    expect(pauses[1]).toBeGreaterThan(pauses[0]!);
    expect(pauses[2]).toBeGreaterThan(pauses[1]!);
    expect(clock.now() - start).toBeGreaterThanOrEqual(1000 + 2000 + 4000);
  });

  it('retries 5xx on idempotent requests with jittered exponential back-off', async () => {
    const { server, clock, client } = await setup((_req, i) =>
      i < 3 ? { status: i === 0 ? 500 : 502, raw: 'Bad gateway' } : { status: 200, headers: rate(10), body: { ok: true } },
    );
    const res = await client.request({ method: 'PUT', version: 'v3', path: '/catalog/variants', body: [] });
    expect(res.data).toEqual({ ok: true });
    expect(server.requests).toHaveLength(4);
    expect(clock.sleeps).toHaveLength(3); // the back-offs, nothing else
    const [a, b, c] = clock.sleeps;
    // A quick first retry (most 5xx are one-off blips), then the growing series.
    expect(a).toBeGreaterThanOrEqual(50);
    expect(a).toBeLessThanOrEqual(100);
    expect(b).toBeGreaterThanOrEqual(500);
    expect(b).toBeLessThanOrEqual(1000);
    expect(c).toBeGreaterThanOrEqual(1000);
    expect(c).toBeLessThanOrEqual(2000);
  });

  it('still rides out a ~3.5 s outage with the default retries before giving up', async () => {
    const { server, clock, client } = await setup(() => ({ status: 503, raw: 'down' }));
    const start = clock.now();
    const err = await caught(client.request({ method: 'GET', version: 'v3', path: '/a' }));
    expect(err).toMatchObject({ code: 'SERVER', status: 503 });
    expect(server.requests).toHaveLength(5);
    expect(clock.now() - start).toBeGreaterThanOrEqual(50 + 500 + 1000 + 2000);
  });

  it('retries a dropped connection on GET; a POST fails with NETWORK after one attempt', async () => {
    const get = await setup((_req, i) => (i === 0 ? 'destroy' : { status: 200, headers: rate(10), body: [] }));
    expect((await get.client.request({ method: 'GET', version: 'v2', path: '/orders' })).status).toBe(200);
    expect(get.server.requests).toHaveLength(2);

    const post = await setup(() => 'destroy');
    const err = await caught(post.client.request({ method: 'POST', version: 'v2', path: '/orders', body: {} }));
    expect(err).toMatchObject({ code: 'NETWORK', status: null, ambiguous: true, method: 'POST', path: '/v2/orders' });
    expect(post.server.requests).toHaveLength(1);
  });

  it('times out a hung request (real time) and retries it only if idempotent', async () => {
    const { server, client } = await setup(() => 'hang', { timeoutMs: 150, maxRetries: 1 });
    const err = await caught(client.request({ method: 'GET', version: 'v3', path: '/slow' }));
    expect(err.code).toBe('TIMEOUT');
    expect(server.requests).toHaveLength(2);
  });

  it('honours a caller abort while queued or in flight', async () => {
    const { client } = await setup(() => 'hang');
    const controller = new AbortController();
    const p = client.request({ method: 'GET', version: 'v3', path: '/x', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled by user')), 50);
    await expect(p).rejects.toThrow('cancelled by user');
  });
});

describe('client: errors from real bodies', () => {
  const cases: Array<[number, unknown, string, string]> = [
    [401, { status: 401, title: 'Unauthorized - the v3 Auth client ID or token in the request are not a valid combination for this store.', type: '/api-docs/getting-started/api-status-codes' }, 'AUTH', 'Unauthorized - the v3 Auth'],
    [403, { status: 403, title: 'Unauthorized Access. You do not have permission to make this request.', type: '/x' }, 'FORBIDDEN', 'You do not have permission'],
    [404, [{ status: 404, message: 'The requested resource was not found.' }], 'NOT_FOUND', 'The requested resource was not found.'],
    [409, { status: 409, title: 'The product SKU is a duplicate', type: '/x', errors: { sku: 'Duplicate SKU' } }, 'CONFLICT', 'duplicate'],
    [413, { status: 413, title: 'The request payload is too large. The maximum items allowed in the array is 10.', type: '/x', errors: {} }, 'PAYLOAD_TOO_LARGE', 'maximum items allowed'],
    [422, { status: 422, title: 'Missing Required Fields', type: '/x', errors: { name: 'Please provide a name.', price: 'Please provide a price.' } }, 'VALIDATION', 'Missing Required Fields'],
    [400, [{ status: 404, message: "The field 'item_total' cannot be written to." }], 'VALIDATION', 'item_total'],
    [502, null, 'SERVER', 'server error'],
  ];
  it.each(cases)('HTTP %i → code and message from the body', async (status, body, code, message) => {
    const { client } = await setup(() => (body === null ? { status, raw: '<html>Bad Gateway</html>' } : { status, body }), { maxRetries: 0 });
    const err = await caught(client.request({ method: 'GET', version: 'v3', path: '/catalog/products/7' }));
    expect(err.code).toBe(code);
    expect(err.status).toBe(status);
    expect(err.message).toContain(message);
    expect(err.path).toBe('/v3/catalog/products/7');
  });

  it('keeps field errors and never puts the token in an error', async () => {
    const body = { status: 422, title: 'Missing Required Fields', type: '/x', errors: { name: 'Please provide a name.' } };
    const { client } = await setup(() => ({ status: 422, body }));
    const err = await caught(client.request({ method: 'POST', version: 'v3', path: '/catalog/products', body: {} }));
    expect(err.fieldErrors).toEqual({ name: 'Please provide a name.' });
    const everything = `${err.message} ${err.stack} ${JSON.stringify(err)} ${JSON.stringify(Object.entries(err))}`;
    expect(everything).not.toContain(TOKEN);
    const net = await setup(() => 'destroy', { maxRetries: 0 });
    const netErr = await caught(net.client.request({ method: 'GET', version: 'v3', path: '/x' }));
    expect(`${netErr.message} ${netErr.stack} ${JSON.stringify(netErr)}`).not.toContain(TOKEN);
  });
});
