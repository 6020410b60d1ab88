import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCatalogNamesService } from './names';
import { cachePath, startCatalogHarness, type CatalogHarness } from './test-support';

async function serverList(h: CatalogHarness, path: string): Promise<Array<{ id: number; name: string }>> {
  const all: Array<{ id: number; name: string }> = [];
  for (let page = 1; ; page++) {
    const body = (await h.raw('GET', `${path}?limit=250&page=${page}`)).body as { data: Array<{ id: number; name: string }>; meta: { pagination: { total_pages: number } } };
    all.push(...body.data.map((d) => ({ id: d.id, name: d.name })));
    if (page >= body.meta.pagination.total_pages) return all;
  }
}

describe('category and brand names against the demo store', () => {
  let h: CatalogHarness;
  beforeEach(async () => {
    h = await startCatalogHarness({ products: 40 });
  });
  afterEach(async () => {
    await h.close();
  });

  it('has nothing (and asks the store nothing) before the first sync', async () => {
    const c = h.connect();
    const names = createCatalogNamesService({ dataDir: h.dataDir, bigcommerce: c.bigcommerce, catalog: c.catalog });
    expect(await names.list('store-1')).toEqual({ syncedAt: null, categories: [], brands: [] });
    expect(c.requests).toEqual([]);
  });

  it('reads every name once, keeps them beside the cache, and reads them again after a sync once they are old', async () => {
    const c = h.connect();
    let now = 1_000_000;
    const first = await c.catalog.load('store-1', h.storeHash);
    const deps = { dataDir: h.dataDir, bigcommerce: c.bigcommerce, catalog: c.catalog, now: () => now, maxAgeMs: 60_000 };
    const names = createCatalogNamesService(deps);
    const listed = await names.list('store-1');
    expect(listed.syncedAt).toBe(first.at);
    expect(listed.categories).toEqual(await serverList(h, '/v3/catalog/categories'));
    expect(listed.brands).toEqual(await serverList(h, '/v3/catalog/brands'));
    expect(listed.brands.length).toBeGreaterThan(0);

    c.requests.length = 0;
    await names.list('store-1');
    // A new service (a restart) reads the file, not the store.
    const again = createCatalogNamesService(deps);
    expect(await again.list('store-1')).toEqual(listed);
    expect(c.requests).toEqual([]);
    const file = JSON.parse(await readFile(join(h.dataDir, 'cache', 'store-1', 'names.json'), 'utf8')) as { syncedAt: string };
    expect(file.syncedAt).toBe(first.at);

    const brand = listed.brands[0]!;
    expect((await h.raw('PUT', `/v3/catalog/brands/${brand.id}`, { name: `${brand.name} Renamed` })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await c.catalog.refresh('store-1', h.storeHash);
    c.requests.length = 0;
    // A refresh soon after: the names still hold, and no request is spent on them.
    const soon = await again.list('store-1');
    expect(soon.syncedAt).toBe(second.at);
    expect(soon.brands.find((b) => b.id === brand.id)?.name).toBe(brand.name);
    expect(c.requests).toEqual([]);

    now += 60_000;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await c.catalog.refresh('store-1', h.storeHash);
    const renamed = await again.list('store-1');
    expect(renamed.brands.find((b) => b.id === brand.id)?.name).toBe(`${brand.name} Renamed`);
  });

  it('reads the names again when a sync brings a category no name is known for', async () => {
    const c = h.connect();
    await c.catalog.load('store-1', h.storeHash);
    const names = createCatalogNamesService({ dataDir: h.dataDir, bigcommerce: c.bigcommerce, catalog: c.catalog });
    await names.list('store-1');
    const created = await h.raw('POST', '/v3/catalog/trees/categories', [{ name: 'Brand-new shelf', parent_id: 0, tree_id: 1 }]);
    const categoryId = (created.body as { data: Array<{ category_id: number }> }).data[0]!.category_id;
    const product = (await c.catalog.snapshot('store-1'))!.products[0]!;
    expect((await h.raw('PUT', `/v3/catalog/products/${product.id}`, { categories: [categoryId] })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await c.catalog.refresh('store-1', h.storeHash);
    expect((await names.list('store-1')).categories).toContainEqual({ id: categoryId, name: 'Brand-new shelf' });
  });

  it('answers after a restart without reading the catalog itself (its status comes from the cache header)', async () => {
    const first = h.connect();
    await first.catalog.load('store-1', h.storeHash);
    const listed = await createCatalogNamesService({ dataDir: h.dataDir, bigcommerce: first.bigcommerce, catalog: first.catalog }).list('store-1');
    await first.catalog.warm('store-1', 20); // keeps the column pages beside the cache, as a start does
    const c = h.connect(); // a restart
    await c.catalog.warm('store-1', 20);
    // The cache body damaged after the start: reading it now would report it (a cacheRejected event).
    const bytes = await readFile(cachePath(h));
    bytes.fill(0x78, bytes.length - 200);
    await writeFile(cachePath(h), bytes);
    const names = createCatalogNamesService({ dataDir: h.dataDir, bigcommerce: c.bigcommerce, catalog: c.catalog });
    expect(await names.list('store-1')).toEqual(listed);
    expect(c.events).toEqual([]);
    expect(c.requests).toEqual([]);
  });
});
