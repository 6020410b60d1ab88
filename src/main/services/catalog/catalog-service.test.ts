import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { COLUMNS_CODEC, ColumnarRowsSchema, fromColumns } from '../../../shared/columns';
import { ProductRowSchema, type ProductRowData } from '../../../shared/contract';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COLUMNS_FILE_NAME } from './columns-file';
import { cachePath, productRequests, serverProducts, startCatalogHarness, type CatalogHarness } from './test-support';
import type { CatalogEvent, ProductRow } from './types';

const MONEY_2DP = /^-?\d+\.\d{2}$/;

/** Field-by-field comparison of a cached row with the product the server sent (independent of our normaliser). */
function expectRowMatchesServer(row: ProductRow, server: Record<string, unknown>) {
  for (const key of ['id', 'name', 'sku', 'inventory_level', 'inventory_tracking', 'bin_picking_number', 'is_visible', 'brand_id', 'categories', 'weight', 'date_modified']) {
    expect(row[key as keyof ProductRow], `${row.id}.${key}`).toEqual(server[key]);
  }
  for (const key of ['price', 'sale_price', 'cost_price', 'retail_price'] as const) {
    expect(row[key]).toMatch(MONEY_2DP);
    expect(Number(row[key]), `${row.id}.${key}`).toBe(server[key]);
  }
  const variants = server.variants as Array<Record<string, unknown>>;
  expect(row.variants.map((v) => v.id)).toEqual(variants.map((v) => v.id));
  row.variants.forEach((v, i) => {
    const sv = variants[i]!;
    expect(v.product_id).toBe(row.id);
    for (const key of ['sku', 'inventory_level', 'bin_picking_number'] as const) expect(v[key], `variant ${v.id}.${key}`).toEqual(sv[key]);
    for (const key of ['price', 'sale_price', 'cost_price'] as const) {
      if (sv[key] === null) expect(v[key], `variant ${v.id}.${key} inherits`).toBeNull();
      else expect(Number(v[key])).toBe(sv[key]);
    }
    const options = (sv.option_values as Array<Record<string, unknown>>).map((o) => ({ label: o.label, option_display_name: o.option_display_name }));
    expect(v.option_values).toEqual(options);
  });
}

describe('catalog service against the demo store', () => {
  let h: CatalogHarness;
  beforeEach(async () => {
    h = await startCatalogHarness({ products: 300 });
  });
  afterEach(async () => {
    await h.close();
  });

  it('full load equals the server: count, sampled rows field by field, every variant', async () => {
    const { catalog, events } = h.connect();
    const result = await catalog.load('store-1', h.storeHash);
    const server = await serverProducts(h);
    const serverVariants = server.reduce((n, p) => n + (p.variants as unknown[]).length, 0);
    expect(result).toMatchObject({ storeId: 'store-1', mode: 'full', products: 300, variants: serverVariants, upserted: 300, removed: 0 });
    const snap = (await catalog.snapshot('store-1'))!;
    expect(snap.products.map((p) => p.id)).toEqual(server.map((p) => p.id));
    expect(snap.variantCount).toBe(serverVariants);
    server.forEach((sp, i) => {
      if (i % 10 === 0 || i === server.length - 1) expectRowMatchesServer(snap.products[i]!, sp);
    });
    // Every variant: same ids per product, same stock.
    const byId = new Map(snap.products.map((p) => [p.id, p]));
    for (const sp of server) {
      const sv = sp.variants as Array<{ id: number; inventory_level: number | null }>;
      expect(byId.get(sp.id as number)!.variants.map((v) => [v.id, v.inventory_level])).toEqual(sv.map((v) => [v.id, v.inventory_level]));
    }
    expect(events.at(-1)).toMatchObject({ type: 'synced', mode: 'full', products: 300 });
  });

  it('emits full-phase progress up to the total, then synced', async () => {
    const { catalog, events } = h.connect();
    await catalog.load('store-1', h.storeHash);
    const progress = events.filter((e): e is Extract<CatalogEvent, { type: 'syncProgressed' }> => e.type === 'syncProgressed');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.every((e) => e.phase === 'full' && e.total === 300 && e.storeId === 'store-1')).toBe(true);
    expect(progress.map((e) => e.loaded)).toEqual([...progress.map((e) => e.loaded)].sort((a, b) => a - b));
    expect(progress.at(-1)!.loaded).toBe(300);
    expect(events.at(-1)!.type).toBe('synced');
  });

  it('throttles progress events', async () => {
    const big = await startCatalogHarness({ products: 2000 });
    try {
      const { catalog, events } = big.connect({ deps: { progressIntervalMs: 60_000 } });
      await catalog.load('store-1', big.storeHash);
      const progress = events.filter((e) => e.type === 'syncProgressed');
      // 2,000 products = 8 pages; within one interval only the first page and the final 100% go out.
      expect(progress.map((e) => (e as { loaded: number }).loaded)).toEqual([250, 2000]);
      // Several id ranges walked together still give exactly the server's products.
      const server = await serverProducts(big);
      expect((await catalog.snapshot('store-1'))!.products.map((p) => p.id)).toEqual(server.map((p) => p.id));
    } finally {
      await big.close();
    }
  });

  it('asks for page 1 at interactive priority and the rest at bulk', async () => {
    const conn = h.connect();
    const priorities: string[] = [];
    const { catalog } = h.connect({
      deps: {
        bigcommerce: {
          clientFor: (hash) => {
            const client = conn.bigcommerce.clientFor(hash);
            return { storeHash: hash, request: (o) => (priorities.push(`${o.version}${o.path} ${o.priority}`), client.request(o)) };
          },
        },
      },
    });
    await catalog.load('store-1', h.storeHash);
    expect(priorities).toEqual(['v2/store interactive', 'v3/catalog/products interactive', 'v3/catalog/products bulk', 'v3/catalog/products bulk']);
  });

  it('a new instance on the same data dir returns the cache without any HTTP request', async () => {
    const first = h.connect();
    await first.catalog.load('store-1', h.storeHash);
    const before = (await first.catalog.snapshot('store-1'))!;
    const serverRequests = h.demo.stats().requests;
    const second = h.connect();
    const snap = await second.catalog.snapshot('store-1');
    expect(second.requests).toEqual([]);
    expect(h.demo.stats().requests).toBe(serverRequests);
    expect(snap!.products).toEqual(before.products);
    expect(snap).toMatchObject({ storeId: 'store-1', storeHash: h.storeHash, decimalPlaces: 2, variantCount: before.variantCount });
    expect(await second.catalog.get('store-1', [5, 999_999, 2])).toEqual([before.products[4], before.products[1]]);
  });

  it('serves the cache as column pages that decode to the snapshot rows, and re-encodes after a change', async () => {
    await h.connect().catalog.load('store-1', h.storeHash);
    const { catalog, requests } = h.connect(); // as after a restart: warm reads the file and encodes
    await catalog.warm('store-1', 120);
    const rows = (await catalog.snapshot('store-1'))!.products;
    const encoded = [await catalog.columns('store-1', 0, 120), await catalog.columns('store-1', 120, 120), await catalog.columns('store-1', 240, 120)];
    expect(await catalog.columns('store-1', 0, 120)).toBe(encoded[0]); // encoded and serialized once
    const pages = encoded.map((p) => p.decode());
    expect(pages.map((p) => [p.total, p.offset, p.count])).toEqual([[300, 0, 120], [300, 120, 120], [300, 240, 60]]);
    const decoded = pages.flatMap((p) => fromColumns<ProductRowData>(ColumnarRowsSchema.parse(p.columns)));
    expect(decoded).toEqual(rows);
    expect(z.array(ProductRowSchema).safeParse(decoded).success).toBe(true);
    await catalog.applyLocal('store-1', [{ entity: 'product', id: rows[0]!.id, field: 'price', to: '1.23' }]);
    const again = fromColumns<ProductRowData>((await catalog.columns('store-1', 0, 120)).decode().columns, { lazyLists: true });
    expect(again[0]!.price).toBe('1.23');
    expect(requests).toEqual([]);
  });

  it('keeps the serialized pages on disk: a restart serves them without reading the cache; a change retires them', async () => {
    await h.connect().catalog.load('store-1', h.storeHash);
    const first = h.connect().catalog;
    await first.warm('store-1', 120); // reads the cache, encodes, keeps the pages beside it
    const sent = [(await first.columns('store-1', 0, 120)).decode(), (await first.columns('store-1', 240, 120)).decode()];
    const { catalog, events } = h.connect(); // a restart
    await catalog.warm('store-1', 120);
    // The cache body damaged after the start: pages still come (from disk), as does the status (from the header).
    const bytes = await readFile(cachePath(h));
    bytes.fill(0x78, bytes.length - 200);
    await writeFile(cachePath(h), bytes);
    expect((await catalog.columns('store-1', 0, 120)).decode()).toEqual(sent[0]);
    expect((await catalog.columns('store-1', 240, 120)).decode()).toEqual(sent[1]);
    expect(await catalog.status('store-1')).toMatchObject({ products: 300, decimalPlaces: 2 });
    expect(events).toEqual([]);
  });

  it('reads the catalog itself a little after sending pages kept on disk (not while the renderer decodes them)', async () => {
    await h.connect().catalog.load('store-1', h.storeHash);
    await h.connect().catalog.warm('store-1', 120);
    const { catalog, events } = h.connect({ deps: { readAfterPagesMs: 50 } }); // a restart
    await catalog.warm('store-1', 120);
    // Damaged after the start: the read is seen by the report it makes.
    const bytes = await readFile(cachePath(h));
    bytes.fill(0x78, bytes.length - 200);
    await writeFile(cachePath(h), bytes);
    await catalog.columns('store-1', 0, 120);
    expect(events).toEqual([]);
    await vi.waitFor(() => expect(events).toEqual([{ type: 'cacheRejected', storeId: 'store-1', reason: 'checksum mismatch' }]), { timeout: 5000 });
  });

  it('makes the pages again when those kept on disk are of another codec version (an older app wrote them)', async () => {
    await h.connect().catalog.load('store-1', h.storeHash);
    const first = h.connect().catalog;
    await first.warm('store-1', 120);
    const sent = (await first.columns('store-1', 0, 120)).decode();
    const path = join(dirname(cachePath(h)), COLUMNS_FILE_NAME);
    const bytes = await readFile(path);
    const nl = bytes.indexOf(0x0a);
    const header = bytes.subarray(0, nl).toString().replace(`"codec":${COLUMNS_CODEC}`, '"codec":1');
    bytes.fill(0x78, nl + 1); // an old codec's pages: if they were sent, they would not even parse
    await writeFile(path, Buffer.concat([Buffer.from(header), bytes.subarray(nl)]));
    const { catalog } = h.connect();
    await catalog.warm('store-1', 120);
    expect((await catalog.columns('store-1', 0, 120)).decode()).toEqual(sent);
    expect((await readFile(path)).subarray(0, nl).toString()).toContain(`"codec":${COLUMNS_CODEC}`);
  });

  it('sends no page kept on disk once the catalog changed, nor after a restart on the changed cache', async () => {
    await h.connect().catalog.load('store-1', h.storeHash);
    const first = h.connect().catalog;
    await first.warm('store-1', 120);
    const id = (await first.snapshot('store-1'))!.products[0]!.id;
    await first.applyLocal('store-1', [{ entity: 'product', id, field: 'price', to: '1.23' }]);
    const price = async (c: typeof first) => fromColumns<ProductRowData>((await c.columns('store-1', 0, 120)).decode().columns, { lazyLists: true })[0]!.price;
    expect(await price(first)).toBe('1.23');
    await first.close();
    const again = h.connect().catalog;
    await again.warm('store-1', 120);
    expect(await price(again)).toBe('1.23');
    expect(await again.status('store-1')).toMatchObject({ products: 300 });
  });

  it('a corrupt cache file is reported and refetched, not a crash', async () => {
    await h.connect().catalog.load('store-1', h.storeHash);
    const bytes = await readFile(cachePath(h));
    bytes.fill(0x78, bytes.length - 200); // the last 200 bytes overwritten: same length, different content
    await writeFile(cachePath(h), bytes);
    const { catalog, events, requests } = h.connect();
    expect(await catalog.snapshot('store-1')).toBeNull();
    expect(events).toEqual([{ type: 'cacheRejected', storeId: 'store-1', reason: 'checksum mismatch' }]);
    const result = await catalog.load('store-1', h.storeHash);
    expect(result).toMatchObject({ mode: 'full', products: 300 });
    expect(productRequests(requests)).toHaveLength(3);
    expect((await h.connect().catalog.snapshot('store-1'))?.products).toHaveLength(300);
  });

  it('an old schema version is refetched', async () => {
    await h.connect().catalog.load('store-1', h.storeHash);
    const bytes = await readFile(cachePath(h));
    const nl = bytes.indexOf(0x0a);
    const header = bytes.subarray(0, nl).toString().replace('"schema":3', '"schema":0');
    await writeFile(cachePath(h), Buffer.concat([Buffer.from(header), bytes.subarray(nl)]));
    const { catalog, events } = h.connect();
    expect(await catalog.snapshot('store-1')).toBeNull();
    expect(events[0]).toMatchObject({ type: 'cacheRejected', reason: 'schema 0, expected 3' });
    expect((await catalog.refresh('store-1', h.storeHash)).mode).toBe('full');
  });

  it('money is an exact decimal string even when the API sends float noise', async () => {
    await h.raw('PUT', '/v3/catalog/products/3', { price: 87.99, cost_price: 14.4 });
    const { catalog } = h.connect({
      rewrite: (url, text) => (url.includes('/catalog/products') ? text.replace('"price":87.99,', '"price":87.98900000000001,').replace('"cost_price":14.4,', '"cost_price":14.399999999999999,') : text),
    });
    await catalog.load('store-1', h.storeHash);
    const [p] = await catalog.get('store-1', [3]);
    expect(p).toMatchObject({ price: '87.99', cost_price: '14.40' });
    const snap = (await catalog.snapshot('store-1'))!;
    for (const row of snap.products) {
      for (const key of ['price', 'sale_price', 'cost_price', 'retail_price'] as const) expect(row[key]).toMatch(MONEY_2DP);
      for (const v of row.variants) for (const key of ['price', 'sale_price', 'cost_price'] as const) if (v[key] !== null) expect(v[key]).toMatch(MONEY_2DP);
    }
  });

  it('rejects a store id that is not a safe folder name', async () => {
    const { catalog } = h.connect();
    await expect(catalog.load('../etc', h.storeHash)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(catalog.snapshot('A/B')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('a failed sync keeps the cache and reports syncFailed', async () => {
    await h.connect().catalog.load('store-1', h.storeHash);
    const { catalog, events } = h.connect({ token: 'wrong-token' });
    await expect(catalog.refresh('store-1', h.storeHash)).rejects.toMatchObject({ code: 'AUTH' });
    expect(events.at(-1)).toMatchObject({ type: 'syncFailed', storeId: 'store-1', code: 'AUTH' });
    expect((await catalog.snapshot('store-1'))?.products).toHaveLength(300);
  });

  it('clear() stops a running sync (a queued one too) and forgets the store, memory and file', async () => {
    const { catalog, events } = h.connect();
    await catalog.load('store-1', h.storeHash);
    // Expectations are attached before clear(): the syncs reject while clear() is still running.
    const refresh = expect(catalog.refresh('store-1', h.storeHash)).rejects.toThrow(/cancelled|abort/i);
    const queuedFull = expect(catalog.load('store-1', h.storeHash, { force: true })).rejects.toThrow(/cancelled|abort/i);
    await catalog.clear('store-1');
    await refresh;
    await queuedFull;
    expect(await catalog.snapshot('store-1')).toBeNull();
    await expect(readFile(cachePath(h))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(events.filter((e) => e.type === 'synced')).toHaveLength(1);
    expect((await catalog.load('store-1', h.storeHash)).mode).toBe('full'); // usable again afterwards
  });

  it('applyLocal patches cached rows (with the stock BigCommerce derives) and persists them', async () => {
    const { catalog } = h.connect();
    await catalog.load('store-1', h.storeHash);
    const rows = (await catalog.snapshot('store-1'))!.products;
    const tracked = rows.find((p) => p.inventory_tracking === 'variant' && p.variants.length >= 2)!;
    const simple = rows.find((p) => p.variants.length === 1 && p.variants[0]!.option_values.length === 0 && p.inventory_tracking === 'product')!;
    const result = await catalog.applyLocal('store-1', [
      { entity: 'product', id: simple.id, field: 'price', to: '99.5' },
      { entity: 'product', id: simple.id, field: 'inventory_level', to: 17 },
      { entity: 'variant', id: tracked.variants[0]!.id, field: 'inventory_level', to: 3 }, // no productId: looked up
      { entity: 'variant', id: tracked.variants[1]!.id, productId: tracked.id, field: 'price', to: '5' },
      { entity: 'product', id: simple.id, field: 'map_price', to: '1.00' },
      { entity: 'customer', id: 1, field: 'first_name', to: 'Ann' },
      { entity: 'product', id: 424242, field: 'price', to: '1.00' },
    ]);
    expect(result).toEqual({ applied: 4, ignored: 2, missing: [{ entity: 'product', id: 424242 }], productIds: [simple.id, tracked.id] });
    const [s1, t1] = await h.connect().catalog.get('store-1', [simple.id, tracked.id]); // a new instance: read from disk
    expect(s1).toMatchObject({ price: '99.50', inventory_level: 17 });
    expect(s1!.variants[0]!.inventory_level).toBe(17); // the base variant mirrors its product
    expect(t1!.variants[0]!.inventory_level).toBe(3);
    expect(t1!.variants[1]!.price).toBe('5.00');
    expect(t1!.inventory_level).toBe(3 + tracked.variants.slice(1).reduce((n, v) => n + (v.inventory_level ?? 0), 0));
    await expect(catalog.applyLocal('store-1', [{ entity: 'product', id: simple.id, field: 'price', to: 12.5 }])).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await catalog.get('store-1', [simple.id]))[0]!.price).toBe('99.50'); // nothing applied from the rejected call
  });

  it('applyLocal during a sync is re-applied on top of what the sync fetched', async () => {
    let armed = false;
    let applied: Promise<unknown> | null = null;
    const conn = h.connect({
      deps: {
        onEvent: (e) => {
          // Mid-sync for sure: page 1 is in, nothing is committed yet.
          if (armed && e.type === 'syncProgressed' && !applied) {
            applied = conn.catalog.applyLocal('store-1', [{ entity: 'product', id: 4, field: 'bin_picking_number', to: 'LOCAL-1' }]);
          }
        },
      },
    });
    await conn.catalog.load('store-1', h.storeHash);
    armed = true;
    await conn.catalog.load('store-1', h.storeHash, { force: true }); // replaces every row with the server's
    expect(applied).not.toBeNull();
    await applied;
    expect((await conn.catalog.get('store-1', [4]))[0]!.bin_picking_number).toBe('LOCAL-1');
  });
});

