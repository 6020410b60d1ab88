import { randomBytes } from 'node:crypto';
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore, type DemoStore } from '../../../demo-store/index';
import { createBigCommerceClient, createRateLimiter } from '../bigcommerce';
import { createKeychain, loadKeytar, type Keychain } from '../secrets/keychain';
import { createStoresService, type StoresService } from './stores-service';
import { keyringSkipReason, privateKeyring, secretToolSecrets } from './test-support/keyring';

if (!privateKeyring) console.warn(keyringSkipReason);

describe.skipIf(!privateKeyring)('store profiles with the real keychain', () => {
  let demo: DemoStore;
  let dataDir: string;
  let keychain: Keychain;
  let stores: StoresService;
  const service = `StockroomTest-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    demo = await startDemoStore({ products: 30, orders: 10, customers: 10, rateLimit: false });
    dataDir = await mkdtemp(join(tmpdir(), 'stockroom-stores-'));
    keychain = createKeychain(await loadKeytar(), service);
    stores = await createStoresService({
      dataDir,
      keychain,
      demoStores: [],
      clientForTarget: (t) => createBigCommerceClient({ storeHash: t.storeHash, apiOrigin: t.apiOrigin, getToken: async () => t.token, limiter: createRateLimiter(), maxRetries: 0 }),
    });
  });
  afterAll(async () => {
    await demo.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const real = () => demo.stores[0]!;

  it('adds a store after a connection test; the token is in the keychain and in no file', async () => {
    const { storeHash, token, apiUrl } = real();
    const list = await stores.add({ name: 'Real one', storeHash, token, apiOrigin: apiUrl });
    const added = list.stores.find((s) => s.storeHash === storeHash)!;
    expect(added).toMatchObject({ name: 'Real one', hasToken: true, isDemo: false });
    expect(added.connection).toMatchObject({ storeName: expect.any(String), currency: 'USD', access: { products: 'modify', orders: 'modify', customers: 'modify' } });
    expect(secretToolSecrets(service)).toEqual([token]);
    expect(JSON.stringify(list)).not.toContain(token);
    for (const file of await filesUnder(dataDir)) expect(await readFile(file, 'utf8')).not.toContain(token);
    expect(await stores.tokenFor(added.id)).toBe(token);
  });

  it('refuses a wrong token with a clear message and stores nothing', async () => {
    const { storeHash, apiUrl } = demo.stores[1]!;
    await expect(stores.add({ name: 'Bad token', storeHash, token: 'not-the-token-123', apiOrigin: apiUrl })).rejects.toMatchObject({ code: 'AUTH', message: expect.stringMatching(/refused this access token/) });
    expect((await stores.list()).stores.map((s) => s.name)).not.toContain('Bad token');
    expect(secretToolSecrets(service)).toHaveLength(1);
  });

  it('refuses a wrong store hash with a clear message', async () => {
    const { token, apiUrl } = demo.stores[1]!;
    await expect(stores.add({ name: 'Bad hash', storeHash: 'nosuchstore', token, apiOrigin: apiUrl })).rejects.toMatchObject({ message: expect.stringMatching(/store hash/) });
  });

  it('reports the scopes a read-only token has', async () => {
    const { storeHash, apiUrl } = demo.stores[1]!;
    const token = `ro${randomBytes(12).toString('hex')}`;
    demo.addToken(storeHash, token, { products: 'read', orders: 'none', customers: 'modify', information: 'read', webhooks: 'modify' });
    const info = await stores.testDraft({ storeHash, token, apiOrigin: apiUrl });
    expect(info.access).toMatchObject({ products: 'read', orders: 'none', customers: 'modify' });
  });

  it('names the missing scope when the token cannot read store information', async () => {
    const { storeHash, apiUrl } = demo.stores[1]!;
    const token = `ni${randomBytes(12).toString('hex')}`;
    demo.addToken(storeHash, token, { products: 'modify', information: 'none' });
    await expect(stores.testDraft({ storeHash, token, apiOrigin: apiUrl })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Information/) });
  });

  it('replaces a token after testing it, and removing a store deletes its keychain entry', async () => {
    const { storeHash } = real();
    const id = (await stores.list()).stores.find((s) => s.storeHash === storeHash)!.id;
    await expect(stores.update({ id, token: 'wrong-token-456' })).rejects.toMatchObject({ code: 'AUTH' });
    expect(secretToolSecrets(service)).toEqual([real().token]);
    await stores.remove(id);
    expect(secretToolSecrets(service)).toEqual([]);
    expect((await stores.list()).stores).toHaveLength(0);
  });

  it('keeps profiles across a restart (profiles.json) with the token still only in the keychain', async () => {
    const { storeHash, token, apiUrl } = real();
    await stores.add({ name: 'Again', storeHash, token, apiOrigin: apiUrl });
    const again = await createStoresService({ dataDir, keychain, demoStores: [], clientForTarget: () => { throw new Error('no test on load'); } });
    const list = await again.list();
    expect(list.stores.map((s) => [s.name, s.hasToken])).toEqual([['Again', true]]);
    await again.remove(list.stores[0]!.id);
  });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
