import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_HEADER } from '../../../shared/contract';
import type { Delivery } from './delivery';
import { MAX_BODY_BYTES, secretMatches, startReceiver, type Receiver } from './receiver';

const SECRET = 's3cret-value-for-demo-1';
const payload = { scope: 'store/product/updated', store_id: '1', data: { type: 'product', id: 7 }, hash: 'a'.repeat(40), created_at: 1_700_000_000, producer: 'stores/abc' };
let receiver: Receiver;
const got: { storeId: string; delivery: Delivery }[] = [];

beforeAll(async () => {
  receiver = await startReceiver({
    host: '127.0.0.1',
    port: 0,
    secretFor: async (storeId) => (storeId === 'demo-1' ? SECRET : null),
    onDelivery: (storeId, delivery) => void got.push({ storeId, delivery }),
  });
});
afterAll(() => receiver.close());

function post(storeId: string, body: string, headers: Record<string, string> = {}) {
  return fetch(receiver.urlFor(storeId), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
}

describe('the webhook receiver', () => {
  it('listens on loopback only by default', () => {
    expect(receiver.urlFor('demo-1')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\/demo-1$/);
  });

  it('accepts a delivery with the store secret and hands it over', async () => {
    const before = got.length;
    const res = await post('demo-1', JSON.stringify(payload), { [SECRET_HEADER]: SECRET });
    expect(res.status).toBe(200);
    expect(got.slice(before)).toEqual([{ storeId: 'demo-1', delivery: { scope: payload.scope, hash: payload.hash, createdAt: payload.created_at, data: payload.data } }]);
  });

  it.each([
    ['no secret header', 'demo-1', {}],
    ['a wrong secret', 'demo-1', { [SECRET_HEADER]: `${SECRET}x` }],
    ['an empty secret', 'demo-1', { [SECRET_HEADER]: '' }],
    ['a store without a secret', 'demo-2', { [SECRET_HEADER]: SECRET }],
  ])('refuses %s with 401 and hands nothing over', async (_name, storeId, headers) => {
    const before = got.length;
    const res = await post(storeId, JSON.stringify(payload), headers);
    expect(res.status).toBe(401);
    expect(got.length).toBe(before);
  });

  it('refuses a body over the limit with 413', async () => {
    const big = JSON.stringify({ ...payload, data: { type: 'product', id: 1, pad: 'x'.repeat(MAX_BODY_BYTES) } });
    expect((await post('demo-1', big, { [SECRET_HEADER]: SECRET })).status).toBe(413);
  });

  it('refuses what is not a webhook payload with 400', async () => {
    expect((await post('demo-1', '{not json', { [SECRET_HEADER]: SECRET })).status).toBe(400);
    expect((await post('demo-1', JSON.stringify({ scope: 'store/product/updated' }), { [SECRET_HEADER]: SECRET })).status).toBe(400);
  });

  it('answers 404 off its path and 405 for other methods', async () => {
    expect((await fetch(receiver.urlFor('demo-1').replace('/webhooks/', '/other/'), { method: 'POST' })).status).toBe(404);
    expect((await fetch(receiver.urlFor('demo-1'))).status).toBe(405);
  });

  it('compares secrets whatever their length', () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches('x', SECRET)).toBe(false);
    expect(secretMatches(undefined, SECRET)).toBe(false);
  });
});
