import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore, type DemoStore } from '../demo-store/index';
import { composeApp, type ComposedApp } from './compose';
import { readJournalHistory } from './services/jobs';
import { createKeychain, loadKeytar } from './services/secrets/keychain';
import { keyringSkipReason, privateKeyring, secretToolSecrets } from './services/stores/test-support/keyring';

if (!privateKeyring) console.warn(keyringSkipReason);

const TOKEN_ONE = `token-one-${randomBytes(6).toString('hex')}`;
const TOKEN_TWO = `token-two-${randomBytes(6).toString('hex')}`;

/**
 * Two profiles for one store hash on two API origins (two demo stores, same seed: same hash, each
 * accepting only its own token) are two stores: tokens, limiters, journals, staging and catalog
 * caches stay apart. Before profile-id keying both resolved to the first profile.
 */
describe.skipIf(!privateKeyring)('one store hash on two origins', () => {
  let one: DemoStore;
  let two: DemoStore;
  let dataDir: string;
  let app: ComposedApp;
  let a: string;
  let b: string;
  const service = `StockroomIdentity-${randomBytes(4).toString('hex')}`;

  const call = async (method: string, params: unknown) => {
    const res = await app.dispatch({ id: 1, method, params }, { host: 'test' });
    if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
    return res.value as never;
  };
  const price = async (demo: DemoStore, token: string, id: number) => {
    const res = await fetch(`${demo.url}/stores/${demo.stores[0]!.storeHash}/v3/catalog/products/${id}?include_fields=price`, { headers: { 'X-Auth-Token': token, Accept: 'application/json' } });
    return ((await res.json()) as { data: { price: number } }).data.price;
  };

  beforeAll(async () => {
    one = await startDemoStore({ products: 20, orders: 1, customers: 1, rateLimit: false, token: TOKEN_ONE });
    two = await startDemoStore({ products: 30, orders: 1, customers: 1, rateLimit: false, token: TOKEN_TWO });
    dataDir = await mkdtemp(join(tmpdir(), 'stockroom-identity-'));
    app = await composeApp({ dataDir, mode: 'browser', strict: true, demoStores: [], keychain: createKeychain(await loadKeytar(), service), log: () => {} });
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([one?.close(), two?.close()]);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps separate tokens in the keychain, and each connection test runs on its own profile’s limiter', async () => {
    const hash = one.stores[0]!.storeHash;
    expect(two.stores[0]!.storeHash).toBe(hash);
    await app.services.stores.add({ name: 'One', storeHash: hash, token: TOKEN_ONE, apiOrigin: one.url });
    const list = await app.services.stores.add({ name: 'Two', storeHash: hash, token: TOKEN_TWO, apiOrigin: two.url });
    [a, b] = list.stores.map((s) => s.id) as [string, string];
    expect(await app.services.stores.tokenFor(a)).toBe(TOKEN_ONE);
    expect(await app.services.stores.tokenFor(b)).toBe(TOKEN_TWO);
    expect(secretToolSecrets(service).sort()).toEqual([TOKEN_ONE, TOKEN_TWO].sort());

    const { bigcommerce } = app.services;
    expect(bigcommerce.limiterFor(a)).not.toBe(bigcommerce.limiterFor(b));
    expect(bigcommerce.limiterFor(b).state().left).toBeNull();
    await call('stores.testConnection', { id: b });
    // The demo store sends rate-limit headers even unlimited: only b's limiter has seen them.
    expect(bigcommerce.limiterFor(b).state().left).not.toBeNull();
    expect(bigcommerce.limiterFor(a).state().left).toBeNull();
  });

  it('syncs each profile’s catalog from its own origin into its own cache', async () => {
    await call('catalog.sync', { storeId: a, mode: 'full' });
    await call('catalog.sync', { storeId: b, mode: 'full' });
    expect((await call('catalog.getStatus', { storeId: a }) as { products: number }).products).toBe(20);
    expect((await call('catalog.getStatus', { storeId: b }) as { products: number }).products).toBe(30);
    expect((await readdir(join(dataDir, 'cache'))).sort()).toEqual([a, b].sort());
  });

  it('keeps staged edits, jobs and journals apart, and writes each to its own store', async () => {
    const rows = (await call('catalog.listProducts', { storeId: a, offset: 0, limit: 1 }) as { products: Array<{ id: number; price: string }> }).products;
    const product = rows[0]!;
    const original = await price(two, TOKEN_TWO, product.id);
    await call('staging.stage', { storeId: a, edits: [{ entity: 'product', id: product.id, field: 'price', from: product.price, to: '12.34' }] });
    expect((await call('staging.list', { storeId: b }) as { edits: unknown[] }).edits).toEqual([]);
    const jobA = await call('staging.apply', { storeId: a, title: 'price on one' }) as { id: string };
    expect(await app.services.jobs.waitFor(jobA.id)).toMatchObject({ status: 'completed' });
    const jobB = await call('jobs.start', { storeId: b, title: 'price on two', edits: [{ entity: 'product', id: product.id, field: 'price', from: String(original.toFixed(2)), to: '56.78' }] }) as { id: string };
    expect(await app.services.jobs.waitFor(jobB.id)).toMatchObject({ status: 'completed' });

    expect(await price(one, TOKEN_ONE, product.id)).toBe(12.34);
    expect(await price(two, TOKEN_TWO, product.id)).toBe(56.78);
    const jobsIn = async (id: string) => [...new Set((await readJournalHistory(dataDir, id)).map((r) => r.job))];
    expect(await jobsIn(a)).toEqual([jobA.id]);
    expect(await jobsIn(b)).toEqual([jobB.id]);
    expect((await readdir(join(dataDir, 'journals'))).sort()).toEqual([`${a}.jsonl`, `${b}.jsonl`].sort());
    expect((await call('jobs.list', { storeId: b }) as Array<{ id: string }>).map((j) => j.id)).toEqual([jobB.id]);
    // Each catalog cache holds what its own job wrote.
    const cached = async (id: string) => (await call('catalog.listProducts', { storeId: id, ids: [product.id] }) as { products: Array<{ price: string }> }).products[0]!.price;
    await expect.poll(() => cached(a)).toBe('12.34');
    await expect.poll(() => cached(b)).toBe('56.78');
  });
});
