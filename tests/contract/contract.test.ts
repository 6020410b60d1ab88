import type { WebFrameMain } from 'electron';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, events } from '../../src/shared/contract';
import { createHandlers } from '../../src/main/rpc/handlers';
import { createIpcInvokeHandler, isOwnRendererUrl } from '../../src/main/electron/ipc-host';
import { rawRequest, sessionCookie, startHarness, streamRequest, viaDispatch, viaHttp, viaIpc, type Harness, RENDERER_URL } from './harness';
import { hostileCases, type Case } from './hostile-cases';
import { repeatedChunks } from '../../src/main/web/loopback-client';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const cases: Case[] = [
  { name: 'a valid call', body: { id: 1, method: 'stores.list', params: {} }, expect: { ok: true } },
  { name: 'missing params default to {}', body: { id: 2, method: 'app.getInfo' }, expect: { ok: true } },
  { name: 'a param of the wrong type', body: { id: 3, method: 'stores.select', params: { id: 5 } }, expect: { ok: false, code: 'VALIDATION', field: 'id' } },
  { name: 'a param that breaks its pattern', body: { id: 4, method: 'stores.select', params: { id: '../etc' } }, expect: { ok: false, code: 'VALIDATION', field: 'id' } },
  { name: 'an unknown extra param', body: { id: 5, method: 'app.getInfo', params: { x: 1 } }, expect: { ok: false, code: 'VALIDATION' } },
  { name: 'an unknown method', body: { id: 6, method: 'stores.dropAll', params: {} }, expect: { ok: false, code: 'UNKNOWN_METHOD' } },
  { name: 'a prototype key as method', body: { id: 7, method: '__proto__', params: {} }, expect: { ok: false, code: 'UNKNOWN_METHOD' } },
  { name: 'not an envelope', body: [1, 2, 3], expect: { ok: false, code: 'BAD_REQUEST' } },
  { name: 'a service error', body: { id: 8, method: 'stores.select', params: { id: 'nope' } }, expect: { ok: false, code: 'NOT_FOUND' } },
  { name: 'jobs.retry: a job id that is not one', body: { id: 10, method: 'jobs.retry', params: { jobId: '../x' } }, expect: { ok: false, code: 'VALIDATION', field: 'jobId' } },
  { name: 'jobs.retry: no job id', body: { id: 11, method: 'jobs.retry', params: {} }, expect: { ok: false, code: 'VALIDATION', field: 'jobId' } },
  {
    name: 'jobs.retry: rows neither failed nor conflicts',
    body: { id: 12, method: 'jobs.retry', params: { jobId: 'abc-0123abcd', rows: 'skipped' } },
    expect: { ok: false, code: 'VALIDATION', field: 'rows' },
  },
  { name: 'jobs.retry: an unknown extra param', body: { id: 13, method: 'jobs.retry', params: { jobId: 'abc-0123abcd', rows: [1] } }, expect: { ok: false, code: 'VALIDATION' } },
  { name: 'jobs.retry: an unknown job', body: { id: 14, method: 'jobs.retry', params: { jobId: 'abc-0123abcd' } }, expect: { ok: false, code: 'NOT_FOUND' } },
  { name: 'catalog.listProductColumns: a page over the limit', body: { id: 30, method: 'catalog.listProductColumns', params: { storeId: 'demo-1', limit: 50_001 } }, expect: { ok: false, code: 'VALIDATION', field: 'limit' } },
  { name: 'catalog.listProductColumns: an empty cache', body: { id: 31, method: 'catalog.listProductColumns', params: { storeId: 'demo-1' } }, expect: { ok: true } },
  { name: 'staging.list: a valid call', body: { id: 20, method: 'staging.list', params: { storeId: 'demo-1' } }, expect: { ok: true } },
  {
    name: 'staging.stage: a valid call',
    body: { id: 33, method: 'staging.stage', params: { storeId: 'demo-1', edits: [{ entity: 'product', id: 1, field: 'price', from: '1', to: '2' }] } },
    expect: { ok: true },
  },
  { name: 'staging.list: an unknown store', body: { id: 21, method: 'staging.list', params: { storeId: 'nope' } }, expect: { ok: false, code: 'NOT_FOUND' } },
  { name: 'staging.list: a store id that is not one', body: { id: 22, method: 'staging.list', params: { storeId: '../x' } }, expect: { ok: false, code: 'VALIDATION', field: 'storeId' } },
  {
    name: 'staging.stage: an unknown field',
    body: { id: 23, method: 'staging.stage', params: { storeId: 'demo-1', edits: [{ entity: 'product', id: 1, field: 'password', from: 'a', to: 'b' }] } },
    expect: { ok: false, code: 'VALIDATION', field: 'edits.0.field' },
  },
  {
    name: 'staging.stage: negative money',
    body: { id: 24, method: 'staging.stage', params: { storeId: 'demo-1', edits: [{ entity: 'product', id: 1, field: 'price', from: '1', to: '-1' }] } },
    expect: { ok: false, code: 'VALIDATION', field: 'edits.0.to' },
  },
  { name: 'staging.stage: no edits', body: { id: 25, method: 'staging.stage', params: { storeId: 'demo-1', edits: [] } }, expect: { ok: false, code: 'VALIDATION', field: 'edits' } },
  {
    name: 'staging.stage: an unknown store',
    body: { id: 26, method: 'staging.stage', params: { storeId: 'nope', edits: [{ entity: 'product', id: 1, field: 'price', from: '1', to: '2' }] } },
    expect: { ok: false, code: 'NOT_FOUND' },
  },
  { name: 'staging.discard: a key that is not one', body: { id: 27, method: 'staging.discard', params: { storeId: 'demo-1', keys: ['x'] } }, expect: { ok: false, code: 'VALIDATION', field: 'keys.0' } },
  { name: 'staging.discard: an unknown store', body: { id: 28, method: 'staging.discard', params: { storeId: 'nope' } }, expect: { ok: false, code: 'NOT_FOUND' } },
  { name: 'staging.apply: no title', body: { id: 29, method: 'staging.apply', params: { storeId: 'demo-1' } }, expect: { ok: false, code: 'VALIDATION', field: 'title' } },
  {
    name: 'staging.apply: a store hash is not a param',
    body: { id: 30, method: 'staging.apply', params: { storeId: 'demo-1', title: 't', storeHash: 'demo1' } },
    expect: { ok: false, code: 'VALIDATION' },
  },
  { name: 'staging.apply: an unknown store', body: { id: 31, method: 'staging.apply', params: { storeId: 'nope', title: 't' } }, expect: { ok: false, code: 'NOT_FOUND' } },
  { name: 'orders.get: an order id that is not one', body: { id: 44, method: 'orders.get', params: { storeId: 'demo-1', orderId: 0 } }, expect: { ok: false, code: 'VALIDATION', field: 'orderId' } },
  { name: 'orders.createShipments: no shipments', body: { id: 45, method: 'orders.createShipments', params: { storeId: 'demo-1', shipments: [] } }, expect: { ok: false, code: 'VALIDATION', field: 'shipments' } },
  { name: 'orders.createShipments: a quantity of 0', body: { id: 46, method: 'orders.createShipments', params: { storeId: 'demo-1', shipments: [{ orderId: 100, items: [{ orderProductId: 1, quantity: 0 }] }] } }, expect: { ok: false, code: 'VALIDATION', field: 'shipments.0.items.0.quantity' } },
  { name: 'orders.createShipments: an unknown provider', body: { id: 47, method: 'orders.createShipments', params: { storeId: 'demo-1', shipments: [{ orderId: 100, shippingProvider: 'pigeon' }] } }, expect: { ok: false, code: 'VALIDATION', field: 'shipments.0.shippingProvider' } },
  { name: 'orders.list: an empty cache', body: { id: 48, method: 'orders.list', params: { storeId: 'demo-1' } }, expect: { ok: true } },
  { name: 'picklists.build: statusIds and orderIds together', body: { id: 40, method: 'picklists.build', params: { storeId: 'demo-1', statusIds: [11], orderIds: [100] } }, expect: { ok: false, code: 'VALIDATION', field: 'orderIds' } },
  { name: 'picklists.build: an order id that is not one', body: { id: 41, method: 'picklists.build', params: { storeId: 'demo-1', orderIds: [-3] } }, expect: { ok: false, code: 'VALIDATION', field: 'orderIds.0' } },
  { name: 'picklists.build: no statuses', body: { id: 42, method: 'picklists.build', params: { storeId: 'demo-1', statusIds: [] } }, expect: { ok: false, code: 'VALIDATION', field: 'statusIds' } },
  { name: 'picklists.build: an unknown store', body: { id: 43, method: 'picklists.build', params: { storeId: 'nope' } }, expect: { ok: false, code: 'NOT_FOUND' } },
  { name: 'staging.apply: nothing staged', body: { id: 32, method: 'staging.apply', params: { storeId: 'demo-2', title: 't' } }, expect: { ok: false, code: 'CONFLICT' } },
  ...hostileCases,
  { name: 'webhooks.listEvents: a valid call', body: { id: 140, method: 'webhooks.listEvents', params: { storeId: 'demo-1' } }, expect: { ok: true } },
  { name: 'webhooks.getReceiver: a valid call', body: { id: 152, method: 'webhooks.getReceiver', params: { storeId: 'demo-1' } }, expect: { ok: true } },
  { name: 'webhooks.getReceiver: an unknown store', body: { id: 153, method: 'webhooks.getReceiver', params: { storeId: 'nope' } }, expect: { ok: false, code: 'NOT_FOUND' } },
  { name: 'webhooks.list: an unknown store', body: { id: 141, method: 'webhooks.list', params: { storeId: 'nope' } }, expect: { ok: false, code: 'NOT_FOUND' } },
  { name: 'webhooks.list: a store id that is not one', body: { id: 142, method: 'webhooks.list', params: { storeId: '../x' } }, expect: { ok: false, code: 'VALIDATION', field: 'storeId' } },
  { name: 'webhooks.create: an undocumented scope', body: { id: 143, method: 'webhooks.create', params: { storeId: 'demo-1', scope: 'store/everything' } }, expect: { ok: false, code: 'VALIDATION', field: 'scope' } },
  {
    name: 'webhooks.create: a plain-http destination off this computer',
    body: { id: 144, method: 'webhooks.create', params: { storeId: 'demo-1', scope: 'store/product/*', destination: 'http://example.com/hook' } },
    expect: { ok: false, code: 'VALIDATION', field: 'destination' },
  },
  {
    name: 'webhooks.create: a header that imitates the secret',
    body: { id: 145, method: 'webhooks.create', params: { storeId: 'demo-1', scope: 'store/product/*', headers: { 'x-stockroom-webhook-secret': 'guess' } } },
    expect: { ok: false, code: 'VALIDATION', field: 'headers' },
  },
  { name: 'webhooks.create: an unknown store', body: { id: 146, method: 'webhooks.create', params: { storeId: 'nope', scope: 'store/product/*' } }, expect: { ok: false, code: 'NOT_FOUND' } },
  { name: 'webhooks.update: active is not a boolean', body: { id: 147, method: 'webhooks.update', params: { storeId: 'demo-1', id: 1, isActive: 'yes' } }, expect: { ok: false, code: 'VALIDATION', field: 'isActive' } },
  { name: 'webhooks.update: a hook id that is not one', body: { id: 148, method: 'webhooks.update', params: { storeId: 'demo-1', id: -1, isActive: true } }, expect: { ok: false, code: 'VALIDATION', field: 'id' } },
  { name: 'webhooks.delete: no hook id', body: { id: 149, method: 'webhooks.delete', params: { storeId: 'demo-1' } }, expect: { ok: false, code: 'VALIDATION', field: 'id' } },
  { name: 'webhooks.setPublicUrl: not https', body: { id: 150, method: 'webhooks.setPublicUrl', params: { storeId: 'demo-1', publicUrl: 'http://example.com' } }, expect: { ok: false, code: 'VALIDATION', field: 'publicUrl' } },
  { name: 'webhooks.setPublicUrl: a valid call', body: { id: 151, method: 'webhooks.setPublicUrl', params: { storeId: 'demo-2', publicUrl: 'https://fwd.example.com' } }, expect: { ok: true } },
];

describe.each([
  ['dispatch', viaDispatch],
  ['IPC host', viaIpc],
  ['HTTP host', viaHttp],
] as const)('through %s', (_name, via) => {
  it.each(cases)('$name', async (c) => {
    const response = await via(h, c.body);
    expect(response.ok).toBe(c.expect.ok);
    expect(Object.prototype).not.toHaveProperty('polluted');
    if (!response.ok && !c.expect.ok) {
      expect(response.error.code).toBe(c.expect.code);
      expect(response.error.message.length).toBeGreaterThan(5);
      // Whatever the call carried, the answer stays a few lines.
      expect(JSON.stringify(response).length).toBeLessThan(10_000);
      if (c.expect.message) expect(response.error.message).toMatch(c.expect.message);
      const details = response.error.details as { issues: Array<{ field: string }>; more?: number } | undefined;
      if (c.expect.field) {
        expect(response.error.message).toContain(c.expect.field);
        expect(details?.issues[0]?.field).toBe(c.expect.field);
      }
      if (c.expect.listed !== undefined) expect(details?.issues).toHaveLength(c.expect.listed);
      if (c.expect.more !== undefined) {
        expect(details?.more).toBe(c.expect.more);
        expect(response.error.message).toContain(`(and ${c.expect.more} more)`);
      }
    }
  });
});

describe('the contract', () => {
  it('has a handler for every method and no handler without a method', () => {
    const handlers = createHandlers(h.app.services);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('names methods domain.verbNoun and events domain.pastTense', () => {
    for (const name of Object.keys(contract)) expect(name).toMatch(/^[a-z]+\.[a-z]+[A-Za-z]*$/);
    for (const name of Object.keys(events)) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*ed$/);
  });

  it('emits events that reach the HTTP event stream', async () => {
    const cookie = await sessionCookie(h.http);
    const received = new Promise<string>((resolve, reject) => {
      void fetch(`${h.http.url}/events`, { headers: { cookie } }).then(async (res) => {
        const reader = res.body!.getReader();
        let text = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return reject(new Error('stream ended'));
          text += new TextDecoder().decode(value);
          if (text.includes('stores.changed')) {
            void reader.cancel();
            return resolve(text);
          }
          if (text.includes(': connected')) void viaDispatch(h, { id: 9, method: 'stores.select', params: { id: 'demo-2' } });
        }
      }, reject);
    });
    const text = await received;
    const line = text.split('\n').find((l) => l.startsWith('data: '));
    expect(JSON.parse(line!.slice(6))).toMatchObject({ name: 'stores.changed', payload: { activeStoreId: 'demo-2' } });
  });
});

describe('the IPC host', () => {
  const call = { id: 1, method: 'stores.list', params: {} };
  const handler = () => createIpcInvokeHandler(h.app.dispatch, isOwnRendererUrl(RENDERER_URL));

  it('refuses a frame from another origin', async () => {
    const frame = { url: 'https://evil.example/', parent: null } as unknown as WebFrameMain;
    const response = await handler()({ senderFrame: frame }, call);
    expect(response).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a sub-frame even with our URL', async () => {
    const frame = { url: RENDERER_URL, parent: {} } as unknown as WebFrameMain;
    const response = await handler()({ senderFrame: frame }, call);
    expect(response).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the HTTP host guard', () => {
  const rpcBody = JSON.stringify({ id: 1, method: 'stores.list', params: {} });
  const json = { 'content-type': 'application/json' };

  it('answers 401 without the session cookie, for the page and for /rpc', async () => {
    expect((await rawRequest(h.http, { method: 'GET', path: '/' })).status).toBe(401);
    const rpc = await rawRequest(h.http, { method: 'POST', path: '/rpc', body: rpcBody, headers: json });
    expect(rpc.status).toBe(401);
    // Its own code, not AUTH (which means a store refused its token): the renderer says "reopen the link".
    expect(JSON.parse(rpc.body)).toEqual({ error: { code: 'SESSION_EXPIRED', message: expect.stringMatching(/session has expired — reopen the link/) } });
    const events = await rawRequest(h.http, { method: 'GET', path: '/events' });
    expect(events.status).toBe(401);
    expect(JSON.parse(events.body)).toMatchObject({ error: { code: 'SESSION_EXPIRED' } });
  });

  it('answers 401 to a wrong launch token and sets no cookie', async () => {
    const res = await rawRequest(h.http, { method: 'GET', path: '/?token=wrong' });
    expect(res.status).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('swaps the launch token for an HttpOnly SameSite=Strict cookie', async () => {
    const url = new URL(h.http.launchUrl);
    const res = await rawRequest(h.http, { method: 'GET', path: url.pathname + url.search });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.headers['set-cookie']?.[0]).toMatch(/HttpOnly/);
    expect(res.headers['set-cookie']?.[0]).toMatch(/SameSite=Strict/);
  });

  it('refuses a foreign Host even with a valid cookie (DNS rebinding)', async () => {
    const cookie = await sessionCookie(h.http);
    const res = await rawRequest(h.http, { method: 'POST', path: '/rpc', body: rpcBody, headers: { ...json, cookie, host: 'evil.example' } });
    expect(res.status).toBe(403);
    const page = await rawRequest(h.http, { method: 'GET', path: '/' + new URL(h.http.launchUrl).search, headers: { host: `evil.example:${h.http.port}` } });
    expect(page.status).toBe(403);
  });

  it('refuses a foreign Origin', async () => {
    const cookie = await sessionCookie(h.http);
    const res = await rawRequest(h.http, { method: 'POST', path: '/rpc', body: rpcBody, headers: { ...json, cookie, origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
  });

  it('accepts its own Origin', async () => {
    const cookie = await sessionCookie(h.http);
    const res = await rawRequest(h.http, { method: 'POST', path: '/rpc', body: rpcBody, headers: { ...json, cookie, origin: h.http.url } });
    expect(res.status).toBe(200);
  });

  it('refuses a non-JSON body (form posts cannot reach /rpc)', async () => {
    const cookie = await sessionCookie(h.http);
    const res = await rawRequest(h.http, { method: 'POST', path: '/rpc', body: rpcBody, headers: { 'content-type': 'text/plain', cookie } });
    expect(res.status).toBe(415);
    const broken = await rawRequest(h.http, { method: 'POST', path: '/rpc', body: '{nope', headers: { ...json, cookie } });
    expect(broken.status).toBe(400);
  });

  it('sends no CORS headers', async () => {
    const cookie = await sessionCookie(h.http);
    const res = await rawRequest(h.http, { method: 'POST', path: '/rpc', body: rpcBody, headers: { ...json, cookie, origin: h.http.url } });
    expect(Object.keys(res.headers).filter((k) => k.startsWith('access-control-'))).toEqual([]);
  });

  it('listens on 127.0.0.1 only', () => {
    expect(h.http.address()).toEqual({ address: '127.0.0.1', family: 'IPv4', port: h.http.port });
  });
});

describe('the HTTP host body limits', () => {
  function* balanced(bytes: number): Generator<Buffer> {
    yield* repeatedChunks('[', bytes / 2);
    yield* repeatedChunks(']', bytes / 2);
  }
  const MB = 1024 * 1024;

  it.each([
    ['20 MB of [', () => repeatedChunks('[', 20 * MB), 400, /nests deeper than 8 levels/],
    ['a 60 MB balanced nesting', () => balanced(60 * MB), 400, /nests deeper than 8 levels/],
    ['32 MB of {},', () => repeatedChunks('{},', 32 * MB), 400, /more than 200,000 objects and arrays/],
    ['an array of 2,000,000 numbers', () => [Buffer.from(`[${'0,'.repeat(2_000_000)}0]`)], 400, /more than 1,000,000 values/],
    ['40 MB of one string', () => [Buffer.from('{"id":1,"method":"'), ...repeatedChunks('x', 40 * MB), Buffer.from('"}')], 413, /larger than 32 MB/],
  ] as const)('refuses %s with a sentence, then still answers a normal call', async (_name, body, status, sentence) => {
    const cookie = await sessionCookie(h.http);
    const res = await streamRequest(h.http, cookie, body());
    expect(res.status).toBe(status);
    expect((JSON.parse(res.body) as { error: string }).error).toMatch(sentence);
    expect(await viaHttp(h, { id: 1, method: 'stores.list', params: {} })).toMatchObject({ ok: true });
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const cookie = await sessionCookie(h.http);
    const headers = { 'content-type': 'application/json', cookie, 'content-length': String(100 * MB) };
    const res = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: h.http.port, method: 'POST', path: '/rpc', headers: { host: `127.0.0.1:${h.http.port}`, ...headers } }, (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{');
    });
    expect(res).toBe(413);
  });
});
