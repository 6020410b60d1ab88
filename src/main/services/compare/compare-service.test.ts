import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore, type DemoStore } from '../../../demo-store';
import type { ProductRowData } from '../../../shared/contract';
import { addMoney, formatMoney } from '../../../shared/money';
import type { RpcResponse } from '../../../shared/rpc';
import { composeApp, type ComposedApp } from '../../compose';
import { createKeychain, loadKeytar } from '../secrets/keychain';

// Through the dispatcher with results validated against the contract, on two real demo stores (USD and EUR).
let demo: DemoStore;
let app: ComposedApp;
let dataDir: string;
const call = async (method: string, params: unknown) => {
  const res: RpcResponse = await app.dispatch({ id: 1, method, params }, { host: 'test' });
  if (!res.ok) throw Object.assign(new Error(res.error.message), { code: res.error.code });
  return res.value as never;
};
const put = async (store: number, body: unknown) => {
  const s = demo.stores[store]!;
  const res = await fetch(`${s.apiUrl}/stores/${s.storeHash}/v3/catalog/products`, { method: 'PUT', headers: { 'X-Auth-Token': s.token, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
};

let one: ProductRowData[];
let two: ProductRowData[];
let sharedBefore: string[];
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'stockroom-compare-'));
  demo = await startDemoStore({ products: 40, orders: 1, customers: 1, rateLimit: false });
  app = await composeApp({ dataDir, mode: 'browser', strict: true, keychain: createKeychain(await loadKeytar(), `StockroomCompare-${process.pid}`), log: () => {}, demoStores: demo.stores });
  const simple = (p: ProductRowData) => p.inventory_tracking === 'product' && p.variants.length <= 1;
  await call('catalog.sync', { storeId: 'demo-1' });
  await call('catalog.sync', { storeId: 'demo-2' });
  // The demo stores share part of their catalog already; take products each store has alone.
  const own = (p: ProductRowData, prefix: string) => simple(p) && p.sku.startsWith(prefix);
  one = ((await call('catalog.listProducts', { storeId: 'demo-1', limit: 40 })) as { products: ProductRowData[] }).products.filter((p) => own(p, 'NW-')).slice(0, 3);
  two = ((await call('catalog.listProducts', { storeId: 'demo-2', limit: 40 })) as { products: ProductRowData[] }).products.filter((p) => own(p, 'HB-')).slice(0, 3);
  sharedBefore = ((await call('compare.matchSkus', { storeIds: ['demo-1', 'demo-2'] })) as { rows: Array<{ sku: string }> }).rows.map((r) => r.sku);
  // Three more SKUs in both stores; the third already has store 1's stock.
  await put(1, two.map((p, i) => ({ id: p.id, sku: one[i]!.sku.toLowerCase(), inventory_level: i === 2 ? one[2]!.inventory_level : one[i]!.inventory_level + 5 })));
  await call('catalog.sync', { storeId: 'demo-2' });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await demo?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('compare service (dispatch, real demo stores)', () => {
  it('lists the SKUs the stores share, with each store’s currency', async () => {
    const result = await call('compare.matchSkus', { storeIds: ['demo-1', 'demo-2'] });
    expect(result).toMatchObject({ truncated: false, unknown: [], stores: [{ storeId: 'demo-1', currency: 'USD' }, { storeId: 'demo-2', currency: 'EUR' }] });
    expect(sharedBefore.length).toBeGreaterThan(10);
    expect((result as { rows: Array<{ sku: string }> }).rows.map((r) => r.sku).sort()).toEqual([...sharedBefore, ...one.map((p) => p.sku)].sort());
  });

  it('stages stock on the target, refuses a cross-currency price copy without a factor, and stages one with it', async () => {
    const skus = one.map((p) => p.sku);
    await expect(call('compare.copyValues', { fromStoreId: 'demo-1', toStoreId: 'demo-2', skus, fields: ['price'] })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/factor/) });
    expect(await call('compare.copyValues', { fromStoreId: 'demo-1', toStoreId: 'demo-2', skus, fields: ['stock'] })).toEqual({ staged: 2, unchanged: 1, skipped: [] });
    await call('compare.copyValues', { fromStoreId: 'demo-1', toStoreId: 'demo-2', skus: [skus[0]!], fields: ['price'], factor: '2' });
    const { edits } = (await call('staging.list', { storeId: 'demo-2' })) as { edits: Array<{ id: number; field: string; from: unknown; to: unknown }> };
    expect(edits.filter((e) => e.field === 'inventory_level').map((e) => [e.id, e.from, e.to]).sort()).toEqual(
      [0, 1].map((i) => [two[i]!.id, one[i]!.inventory_level + 5, one[i]!.inventory_level]).sort(),
    );
    const price = edits.find((e) => e.field === 'price')!;
    expect(price).toMatchObject({ id: two[0]!.id, from: two[0]!.price, to: formatMoney(addMoney(one[0]!.price, one[0]!.price), 2) });
    expect((await call('staging.list', { storeId: 'demo-1' }) as { edits: unknown[] }).edits).toEqual([]);
  });

  it('refuses unknown stores and copying a store onto itself', async () => {
    await expect(call('compare.matchSkus', { storeIds: ['demo-1', 'nope'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call('compare.copyValues', { fromStoreId: 'demo-1', toStoreId: 'demo-1', skus: ['X'], fields: ['stock'] })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(call('compare.copyValues', { fromStoreId: 'demo-1', toStoreId: 'demo-2', skus: ['X'], fields: ['price'], factor: '-1' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
