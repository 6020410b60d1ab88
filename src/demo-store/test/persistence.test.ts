import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHarness } from './harness';
import { loadStores } from '../persistence/store-loader';
import { makeProfile } from '../seed/profiles';
import { Tx } from '../state/tx';

const SMALL = { products: 120, orders: 80, customers: 60 };
type Data<T> = { data: T };

describe('persistence', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(path.join(tmpdir(), 'demo-persist-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('writes survive a restart; reset reseeds', async () => {
    const dataDir = tempDir();
    const a = await startHarness({ ...SMALL, dataDir });
    await a.call('PUT', '/v3/catalog/products/5', { price: 12.34, name: 'Persisted Name' });
    const variant = ((await a.call('GET', '/v3/catalog/variants?limit=1&page=40')).body as Data<Array<{ id: number }>>).data[0];
    await a.call('PUT', '/v3/catalog/variants', [{ id: variant.id, inventory_level: 4321 }]);
    await a.call('PUT', '/v2/orders/100', { status_id: 5 });
    const made = (await a.call('POST', '/v3/customers', [{ email: 'kept@example.com', first_name: 'Kept', last_name: 'Customer' }])).body as Data<Array<{ id: number }>>;
    await a.call('DELETE', '/v3/catalog/products/6');
    await a.close();

    const b = await startHarness({ ...SMALL, dataDir });
    expect(((await b.call('GET', '/v3/catalog/products/5')).body as Data<{ price: number; name: string }>).data).toMatchObject({ price: 12.34, name: 'Persisted Name' });
    expect(((await b.call('GET', `/v3/catalog/variants?id:in=${variant.id}`)).body as Data<Array<{ inventory_level: number }>>).data[0].inventory_level).toBe(4321);
    expect(((await b.call('GET', '/v2/orders/100')).body as { status_id: number }).status_id).toBe(5);
    expect(((await b.call('GET', `/v3/customers?id:in=${made.data[0].id}`)).body as Data<unknown[]>).data.length).toBe(1);
    expect((await b.call('GET', '/v3/catalog/products/6')).status).toBe(404);
    // New ids keep growing after a restart (no reuse).
    const again = (await b.call('POST', '/v3/customers', [{ email: 'next@example.com', first_name: 'N', last_name: 'X' }])).body as Data<Array<{ id: number }>>;
    expect(again.data[0].id).toBe(made.data[0].id + 1);
    await b.close();

    const c = await startHarness({ ...SMALL, dataDir, reset: true });
    expect(((await c.call('GET', '/v3/catalog/products/5')).body as Data<{ name: string }>).data.name).not.toBe('Persisted Name');
    expect((await c.call('GET', '/v3/catalog/products/6')).status).toBe(200);
    await c.close();
  });

  it('replays changes to lazily generated variants, options and images consistently', async () => {
    const dataDir = tempDir();
    const lazy = { products: 200, orders: 0, customers: 5, dataDir };
    const a = await startHarness(lazy);
    const vs = ((await a.call('GET', '/v3/catalog/products/150/variants')).body as Data<Array<{ id: number }>>).data;
    await a.call('PUT', '/v3/catalog/variants', [{ id: vs[0].id, inventory_level: 999, bin_picking_number: 'Z-99-99' }]);
    // image_url is downloaded: one of the store's own images (a seeded one, painted on request).
    const some = ((await a.call('GET', '/v3/catalog/products?include=images&limit=10')).body as Data<Array<{ images: Array<{ url_zoom: string }> }>>).data;
    const source = some.find((p) => p.images.length > 0)!.images[0]!.url_zoom;
    const img = ((await a.call('POST', '/v3/catalog/products/151/images', { image_url: source })).body as Data<{ id: number; url_tiny: string }>).data;
    const copy = Buffer.from(await (await fetch(img.url_tiny)).arrayBuffer());
    const before = (await a.call('GET', '/v3/catalog/products/150?include=variants,images,options')).text;
    await a.close();
    const b = await startHarness(lazy);
    // Replay must materialize product 150 before patching its variant, giving the same result.
    expect((await b.call('GET', '/v3/catalog/products/150?include=variants,images,options')).text).toBe(before.split(a.store.url).join(b.store.url));
    expect((await b.call('GET', `/v3/catalog/products/151/images/${img.id}`)).status).toBe(200);
    // The downloaded copy survives the restart (blobs/ in the data dir).
    expect(Buffer.from(await (await fetch(img.url_tiny.split(a.store.url).join(b.store.url))).arrayBuffer()).equals(copy)).toBe(true);
    await b.close();
  });

  it('recovers from a torn last journal line', async () => {
    const dataDir = tempDir();
    const a = await startHarness({ ...SMALL, dataDir });
    await a.call('PUT', '/v3/catalog/products/7', { price: 7.77 });
    await a.close();
    appendFileSync(path.join(dataDir, 'journal.ndjson'), '{"s":"half-writ');
    const b = await startHarness({ ...SMALL, dataDir });
    expect(((await b.call('GET', '/v3/catalog/products/7')).body as Data<{ price: number }>).data.price).toBe(7.77);
    await b.call('PUT', '/v3/catalog/products/8', { price: 8.88 });
    await b.close();
    expect(readFileSync(path.join(dataDir, 'journal.ndjson'), 'utf8')).not.toContain('half-writ');
    const c = await startHarness({ ...SMALL, dataDir });
    expect(((await c.call('GET', '/v3/catalog/products/8')).body as Data<{ price: number }>).data.price).toBe(8.88);
    await c.close();
  });

  it('compacts the journal into a snapshot and replays snapshot + journal', async () => {
    const dataDir = tempDir();
    const profiles = [makeProfile(0, 'compact')];
    const opts = { dataDir, reset: false, seed: 'compact', profiles, counts: SMALL, compactBytes: 2000 };
    const hash = profiles[0].hash;
    const first = await loadStores(opts);
    const db = first.dbs.get(hash)!;
    for (let i = 1; i <= 30; i++) {
      const tx = new Tx(db, hash);
      tx.put('products', { ...db.products.get(i)!, price: 1000 + i });
      await first.commit(hash, tx.changes);
    }
    await first.close();
    expect(existsSync(path.join(dataDir, 'snapshot.ndjson'))).toBe(true);
    const second = await loadStores(opts);
    for (let i = 1; i <= 30; i++) expect(second.dbs.get(hash)!.products.get(i)!.price).toBe(1000 + i);
    await second.close();
  });
});
