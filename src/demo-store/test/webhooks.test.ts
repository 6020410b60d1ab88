import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { specRootFor, specsAvailable } from '../conformance/spec-loader';
import { SpecValidator, validateCallback } from '../conformance/validator';

interface Delivery {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: { scope: string; store_id: unknown; data: Record<string, unknown>; hash: string; created_at: number; producer: string };
}

/** Local receiver: records deliveries; `plan[path]` gives the status codes to answer in turn. */
function receiver() {
  const got: Delivery[] = [];
  const plan: Record<string, number[]> = {};
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      got.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(raw) });
      const codes = plan[req.url ?? ''];
      res.writeHead(codes && codes.length ? codes.shift()! : 200).end();
    });
  });
  return { got, plan, server };
}

async function until<T>(fn: () => T | undefined | false, ms = 4000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting for webhook');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const specRoot = specRootFor(repoRoot);

describe('webhook deliveries', () => {
  let h: Harness;
  const rx = receiver();
  let base = '';
  const validator = specsAvailable(specRoot) ? new SpecValidator(specRoot) : null;
  const hook = async (scope: string, dest: string, headers?: Record<string, string>) =>
    ((await h.call('POST', '/v3/hooks', { scope, destination: `${base}${dest}`, headers })).body as { data: { id: number } }).data.id;

  beforeAll(async () => {
    await new Promise<void>((r) => rx.server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(rx.server.address() as AddressInfo).port}`;
    h = await startHarness({ webhookRetryScheduleMs: [40, 40, 40] });
  });
  afterAll(async () => {
    await h.close();
    await new Promise((r) => rx.server.close(r));
  });

  it('POSTs the documented payload with the hook custom headers to wildcard subscribers', async () => {
    await hook('store/product/*', '/products', { 'X-Shared-Secret': 'hunter2' });
    await h.call('PUT', '/v3/catalog/products/1', { price: 42.5 });
    const d = await until(() => rx.got.find((x) => x.path === '/products' && x.body.scope === 'store/product/updated'));
    expect(d.headers['x-shared-secret']).toBe('hunter2');
    expect(d.headers['content-type']).toContain('application/json');
    expect(d.body).toEqual({
      scope: 'store/product/updated', store_id: expect.any(String), data: { type: 'product', id: 1 },
      hash: createHash('sha1').update(JSON.stringify({ type: 'product', id: 1 })).digest('hex'),
      created_at: expect.any(Number), producer: `stores/${h.hash}`,
    });
    expect(Math.abs(d.body.created_at - Date.now() / 1000)).toBeLessThan(60);
    if (validator) expect(validateCallback(validator, d.body)).toEqual([]);
  });

  it('emits order, shipment, customer and sku events with their documented data shapes', async () => {
    for (const area of ['order', 'shipment', 'customer', 'sku']) await hook(`store/${area}/*`, `/${area}`);
    await h.call('PUT', '/v2/orders/100', { status_id: 11 });
    const lines = (await h.call('GET', '/v2/orders/100/products')).body as Array<{ id: number; quantity: number; order_address_id: number }>;
    await h.call('POST', '/v2/orders/100/shipments', { order_address_id: lines[0].order_address_id, items: [{ order_product_id: lines[0].id, quantity: 1 }] });
    const made = (await h.call('POST', '/v3/customers', [{ email: 'hook@example.com', first_name: 'Hook', last_name: 'Test' }])).body as { data: Array<{ id: number }> };
    await h.call('DELETE', `/v3/customers?id:in=${made.data[0].id}`);
    const variant = ((await h.call('GET', '/v3/catalog/variants?limit=1')).body as { data: Array<{ id: number }> }).data[0];
    await h.call('PUT', '/v3/catalog/variants', [{ id: variant.id, inventory_level: 77 }]);
    const want = ['store/order/updated', 'store/shipment/created', 'store/customer/created', 'store/customer/deleted', 'store/sku/updated', 'store/sku/inventory/updated'];
    for (const scope of want) {
      const d = await until(() => rx.got.find((x) => x.body.scope === scope));
      if (validator) expect(validateCallback(validator, d.body), scope).toEqual([]);
    }
    const shipment = rx.got.find((x) => x.body.scope === 'store/shipment/created')!;
    expect(shipment.body.data).toMatchObject({ type: 'shipment', orderId: 100 });
    const sku = rx.got.find((x) => x.body.scope === 'store/sku/updated')!;
    expect(sku.body.data).toMatchObject({ type: 'sku', sku: { variant_id: variant.id } });
  });

  it('retries failed deliveries on the schedule with the same hash', async () => {
    rx.plan['/flaky'] = [500, 502];
    await hook('store/category/created', '/flaky');
    await h.call('POST', '/v3/catalog/categories', { name: 'Webhook Retry', parent_id: 0 });
    await until(() => rx.got.filter((x) => x.path === '/flaky').length === 3);
    await new Promise((r) => setTimeout(r, 150));
    const attempts = rx.got.filter((x) => x.path === '/flaky');
    expect(attempts.length).toBe(3);
    expect(new Set(attempts.map((a) => a.body.hash)).size).toBe(1);
  });

  it('deactivates the hook after the last retry fails', async () => {
    rx.plan['/down'] = [503, 503, 503, 503, 503];
    const id = await hook('store/brand/metafield/created', '/down');
    await hook('store/category/updated', '/down');
    const hooks = ((await h.call('GET', '/v3/hooks?destination=' + encodeURIComponent(`${base}/down`))).body as { data: Array<{ id: number; scope: string }> }).data;
    const target = hooks.find((x) => x.scope === 'store/category/updated')!.id;
    const cat = ((await h.call('GET', '/v3/catalog/categories?limit=1')).body as { data: Array<{ id: number }> }).data[0];
    await h.call('PUT', `/v3/catalog/categories/${cat.id}`, { description: 'ping' });
    await until(() => rx.got.filter((x) => x.path === '/down').length === 4);
    const read = async (hid: number) => ((await h.call('GET', `/v3/hooks/${hid}`)).body as { data: { is_active: boolean } }).data.is_active;
    const end = Date.now() + 3000;
    while ((await read(target)) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(await read(target)).toBe(false);
    expect(await read(id)).toBe(true);
  });

  it('never makes the API response wait for a slow receiver', async () => {
    const slow = http.createServer((_req, res) => setTimeout(() => res.writeHead(200).end(), 3000));
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', () => r()));
    const port = (slow.address() as AddressInfo).port;
    await h.call('POST', '/v3/hooks', { scope: 'store/brand/metafield/updated', destination: `http://127.0.0.1:${port}/slow` });
    await h.call('POST', '/v3/hooks', { scope: 'store/product/updated', destination: `http://127.0.0.1:${port}/slow` });
    const t0 = performance.now();
    expect((await h.call('PUT', '/v3/catalog/products/2', { price: 11 })).status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(1000);
    slow.closeAllConnections();
    await new Promise((r) => slow.close(r));
  });
});
