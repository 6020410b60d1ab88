import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDemoStore, type DemoStore } from '../../../demo-store';
import { SECRET_HEADER, SECRET_PLACEHOLDER, type WebhookEvent } from '../../../shared/contract';
import { AppError } from '../../../shared/rpc';
import { createBigCommerceService, type BigCommerceService } from '../bigcommerce';
import { createKeychain, loadKeytar, type Keychain } from '../secrets/keychain';
import { keyringSkipReason, privateKeyring } from '../stores/test-support/keyring';
import type { StoreChange } from './delivery';
import { createWebhooksService, RECEIVER_SCOPES, type WebhooksService } from './webhooks-service';

let demo: DemoStore;
let dataDir: string;
let keychain: Keychain;
let bigcommerce: BigCommerceService;
let service: WebhooksService;
const changes: StoreChange[] = [];
const received: WebhookEvent[] = [];

const stores = () => ({
  resolve(id: string) {
    const at = ['demo-1', 'demo-2'].indexOf(id);
    if (at >= 0) return { id, storeHash: demo.stores[at]!.storeHash, apiOrigin: demo.url, isDemo: true };
    if (id === 'st-real') return { id, storeHash: 'realstore', apiOrigin: 'https://api.bigcommerce.com', isDemo: false };
    throw new AppError('NOT_FOUND', `no store ${id}`);
  },
});

const storeHashOf = (id: string) => stores().resolve(id).storeHash;

async function start(): Promise<WebhooksService> {
  return createWebhooksService({
    dataDir,
    keychain,
    bigcommerce,
    stores: stores(),
    receiver: { host: '127.0.0.1', port: 0 },
    onEvent: (e) => received.push(e),
    onStoreChanged: (c) => changes.push(c),
    log: () => {},
  });
}

/** Writes on the demo store the way another app (or the store's admin) would: straight over HTTP. */
async function storeWrite(store: 0 | 1, path: string, body: unknown): Promise<void> {
  const { storeHash, token } = demo.stores[store]!;
  const res = await fetch(`${demo.url}/stores/${storeHash}${path}`, { method: 'PUT', headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

describe.skipIf(!privateKeyring)('webhooks service against the demo store', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'stockroom-webhooks-'));
    demo = await startDemoStore({ products: 50, orders: 20, customers: 20, rateLimit: false, webhookRetryScheduleMs: [20, 20] });
    keychain = createKeychain(await loadKeytar(), `StockroomWebhooksTest-${process.pid}`);
    bigcommerce = createBigCommerceService({ target: (id) => ({ storeHash: storeHashOf(id), apiOrigin: stores().resolve(id).apiOrigin }), getToken: async (id) => demo.stores.find((s) => s.storeHash === storeHashOf(id))!.token });
    service = await start();
  });
  afterAll(async () => {
    await service.close();
    bigcommerce.close();
    await demo.close();
    for (const id of ['demo-1', 'demo-2']) await keychain.delete(`webhook-secret:${id}`).catch(() => false);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates a hook to the receiver that carries the secret, and never shows the secret', async () => {
    const hook = await service.create({ storeId: 'demo-1', scope: 'store/product/updated' });
    expect(hook).toMatchObject({ scope: 'store/product/updated', isActive: true, toReceiver: true, destination: service.receiverUrl('demo-1') });
    expect(hook.headers).toEqual({ [SECRET_HEADER]: SECRET_PLACEHOLDER });
    const list = await service.list('demo-1');
    const secret = await keychain.get('webhook-secret:demo-1');
    expect(secret).toMatch(/^[\w-]{40,}$/);
    expect(JSON.stringify(list)).not.toContain(secret);
    expect(await service.receiverInfo('demo-1')).toMatchObject({ localUrl: service.receiverUrl('demo-1'), destination: service.receiverUrl('demo-1'), bindAddress: '127.0.0.1' });
  });

  it('hears a product change made on the store and names the product', async () => {
    await storeWrite(0, '/v3/catalog/products/3', { price: 12.5 });
    await vi.waitFor(() => expect(changes).toContainEqual({ storeId: 'demo-1', entity: 'product', ids: [3] }), { timeout: 5000 });
    const events = await service.listEvents('demo-1');
    expect(events[0]).toMatchObject({ storeId: 'demo-1', scope: 'store/product/updated', resourceType: 'product', resourceId: 3 });
  });

  it('ignores a duplicate delivery (same hash, same created_at)', async () => {
    const secret = (await keychain.get('webhook-secret:demo-1'))!;
    const body = JSON.stringify({ scope: 'store/product/updated', store_id: '1', data: { type: 'product', id: 4 }, hash: 'c'.repeat(40), created_at: 1_700_000_123, producer: 'x' });
    const post = () => fetch(service.receiverUrl('demo-1')!, { method: 'POST', headers: { [SECRET_HEADER]: secret, 'Content-Type': 'application/json' }, body });
    const before = received.length;
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    expect(received.slice(before).map((e) => e.hash)).toEqual(['c'.repeat(40)]);
  });

  it('refuses a delivery without the secret, or with another store\'s', async () => {
    const body = JSON.stringify({ scope: 'store/product/updated', data: { type: 'product', id: 5 }, hash: 'd'.repeat(40), created_at: 1 });
    expect((await fetch(service.receiverUrl('demo-1')!, { method: 'POST', body })).status).toBe(401);
    await service.create({ storeId: 'demo-2', scope: 'store/order/*' });
    const otherSecret = (await keychain.get('webhook-secret:demo-2'))!;
    expect((await fetch(service.receiverUrl('demo-1')!, { method: 'POST', headers: { [SECRET_HEADER]: otherSecret }, body })).status).toBe(401);
    expect(changes.some((c) => c.ids[0] === 5)).toBe(false);
  });

  it('names the variant and its product for a SKU change', async () => {
    await service.ensureReceiverHooks('demo-1');
    const scopes = (await service.list('demo-1')).hooks.filter((h) => h.toReceiver).map((h) => h.scope);
    expect(scopes).toEqual(expect.arrayContaining([...RECEIVER_SCOPES]));
    const variants = (await (await fetch(`${demo.url}/stores/${demo.stores[0]!.storeHash}/v3/catalog/products/6/variants`, { headers: { 'X-Auth-Token': demo.stores[0]!.token } })).json()) as { data: { id: number }[] };
    const variantId = variants.data[0]!.id;
    await storeWrite(0, `/v3/catalog/products/6/variants/${variantId}`, { inventory_level: 17 });
    await vi.waitFor(() => expect(changes).toContainEqual({ storeId: 'demo-1', entity: 'variant', ids: [variantId], productIds: [6] }), { timeout: 5000 });
  });

  it('keeps the event log on disk across a restart, and its duplicates too', async () => {
    await service.close();
    const lines = (await readFile(join(dataDir, 'webhooks', 'demo-1', 'events.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    service = await start();
    expect((await service.listEvents('demo-1')).map((e) => e.resourceId)).toContain(3);
    const secret = (await keychain.get('webhook-secret:demo-1'))!;
    const body = JSON.stringify({ scope: 'store/product/updated', data: { type: 'product', id: 4 }, hash: 'c'.repeat(40), created_at: 1_700_000_123 });
    const before = received.length;
    expect((await fetch(service.receiverUrl('demo-1')!, { method: 'POST', headers: { [SECRET_HEADER]: secret }, body })).status).toBe(200);
    expect(received.length).toBe(before);
    await service.ensureReceiverHooks('demo-1'); // the receiver's port changed: the hooks follow it
    expect((await service.list('demo-1')).hooks.filter((h) => h.toReceiver).every((h) => h.destination === service.receiverUrl('demo-1'))).toBe(true);
  });

  it('shows a hook the store deactivated after failed deliveries, and reactivates it', async () => {
    const hook = await service.create({ storeId: 'demo-2', scope: 'store/customer/updated', destination: 'http://127.0.0.1:9/nowhere' });
    await storeWrite(1, '/v3/customers', [{ id: 2, notes: 'webhook test' }]);
    await vi.waitFor(async () => expect((await service.list('demo-2')).hooks.find((h) => h.id === hook.id)?.isActive).toBe(false), { timeout: 5000, interval: 100 });
    expect((await service.setActive('demo-2', hook.id, true)).isActive).toBe(true);
    expect(await service.remove('demo-2', hook.id)).toEqual({ id: hook.id });
    expect((await service.list('demo-2')).hooks.some((h) => h.id === hook.id)).toBe(false);
  });

  it('forgets a store: its secret leaves the keychain, a delivery carrying it is refused, its events and settings are gone', async () => {
    const secret = await keychain.get('webhook-secret:demo-2');
    expect(secret).toBeTruthy();
    await service.setPublicUrl('demo-2', 'https://hooks.example.com/demo-2');
    const body = JSON.stringify({ scope: 'store/order/updated', data: { type: 'order', id: 1 }, hash: 'f'.repeat(40), created_at: 2 });
    const deliver = (createdAt: number) => fetch(service.receiverUrl('demo-2')!, { method: 'POST', headers: { [SECRET_HEADER]: secret! }, body: body.replace('"created_at":2', `"created_at":${createdAt}`) });
    expect((await deliver(1)).status).toBe(200);
    expect((await service.listEvents('demo-2')).length).toBeGreaterThan(0);
    await service.forget('demo-2');
    expect(await keychain.get('webhook-secret:demo-2')).toBeNull();
    expect((await deliver(2)).status).toBe(401);
    expect(await service.listEvents('demo-2')).toEqual([]);
    expect((await service.receiverInfo('demo-2')).publicUrl).toBeNull();
  });

  it('asks a real store for a public URL before creating a hook to the receiver', async () => {
    await expect(service.create({ storeId: 'st-real', scope: 'store/product/*' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const info = await service.setPublicUrl('st-real', 'https://hooks.example.com/fwd');
    expect(info).toMatchObject({ publicUrl: 'https://hooks.example.com/fwd', destination: 'https://hooks.example.com/fwd/webhooks/st-real', isDemo: false });
  });
});

describe.skipIf(privateKeyring)('webhooks service against the demo store', () => {
  it.skip(keyringSkipReason, () => {});
});
