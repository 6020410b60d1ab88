import { afterEach, describe, expect, it } from 'vitest';
import type { RowsChanged } from '../../../shared/contract';
import { createCatalogService, type CatalogService } from '../catalog';
import { startDemoEnv, type DemoEnv } from '../jobs/test-support/demo';
import { createStoreChangesService, type StoreChangesService } from './store-changes';

const S = 'store-1';
let env: DemoEnv;
let catalog: CatalogService;
afterEach(async () => {
  await catalog.close();
  await env.close();
});

async function setup(load = true): Promise<{ changes: RowsChanged[]; service: StoreChangesService; logs: string[] }> {
  env = await startDemoEnv({ products: 60 });
  catalog = createCatalogService({ dataDir: env.dataDir, bigcommerce: env.bigcommerce });
  if (load) await catalog.load(S, env.storeHash);
  const changes: RowsChanged[] = [];
  const logs: string[] = [];
  const service = createStoreChangesService({ catalog, onRowsChanged: (c) => changes.push(c), log: (line) => logs.push(line) });
  return { changes, service, logs };
}

/** The product rows of a change (a change of another entity fails the test). */
function productRows(change: RowsChanged | undefined) {
  if (change?.entity !== 'product') return expect.fail(`expected a product change, got ${change?.entity}`);
  return change.rows;
}

describe('store changes: a webhook names rows, main refreshes exactly those', () => {
  it('fetches the named products, patches the cache and reports their full new rows', async () => {
    const { changes, service } = await setup();
    const [a, b] = (await catalog.snapshot(S))!.products;
    await env.raw('PUT', '/v3/catalog/products', [{ id: a!.id, price: 123.45 }, { id: b!.id, name: 'Renamed by someone else' }]);
    const requestsBefore = env.demo.stats().requests;
    service.onStoreChanged({ storeId: S, entity: 'product', ids: [a!.id, b!.id] });
    await service.idle();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ storeId: S, entity: 'product', cause: { kind: 'webhook' } });
    expect(productRows(changes[0]).map((r) => [r.id, r.price, r.name])).toEqual([
      [a!.id, '123.45', a!.name],
      [b!.id, b!.price, 'Renamed by someone else'],
    ]);
    expect(await catalog.get(S, [a!.id, b!.id])).toEqual(productRows(changes[0]));
    // One request for both (`id:in` with variants inline).
    expect(env.demo.stats().requests - requestsBefore).toBe(1);
  });

  it('a variant named without its product refreshes the product that owns it; a deleted product is reported removed', async () => {
    const { changes, service } = await setup();
    const products = (await catalog.snapshot(S))!.products;
    const owner = products.find((p) => p.variants.length > 1)!;
    const variant = owner.variants[1]!;
    const gone = products.find((p) => p.id !== owner.id)!;
    await env.raw('PUT', '/v3/catalog/variants', [{ id: variant.id, inventory_level: 4321 }]);
    await env.raw('DELETE', `/v3/catalog/products/${gone.id}`);
    service.onStoreChanged({ storeId: S, entity: 'variant', ids: [variant.id] });
    service.onStoreChanged({ storeId: S, entity: 'product', ids: [gone.id] });
    await service.idle();
    const byCause = changes.map((c) => ({ rows: productRows(c).map((r) => r.id), removed: c.removedIds ?? [] }));
    expect(byCause).toEqual(expect.arrayContaining([{ rows: [owner.id], removed: [] }, { rows: [], removed: [gone.id] }]));
    const row = changes.flatMap(productRows).find((r) => r.id === owner.id)!;
    expect(row.variants.find((v) => v.id === variant.id)?.inventory_level).toBe(4321);
    expect(await catalog.get(S, [gone.id])).toEqual([]);
  });

  it('does nothing without a catalog cache, and an area nobody registered is ignored; a refresher registered for orders is called', async () => {
    const { changes, service, logs } = await setup(false);
    service.onStoreChanged({ storeId: S, entity: 'product', ids: [1] });
    service.onStoreChanged({ storeId: S, entity: 'customer', ids: [1] });
    const orders: number[][] = [];
    service.register('order', async (change) => void orders.push(change.ids));
    service.onStoreChanged({ storeId: S, entity: 'order', ids: [7, 8] });
    await service.idle();
    expect(changes).toEqual([]);
    expect(orders).toEqual([[7, 8]]);
    expect(logs).toEqual([]);
  });

  it('a refresh that fails is logged, never thrown', async () => {
    const { service, logs } = await setup();
    service.register('customer', () => Promise.reject(new Error('store is down')));
    service.onStoreChanged({ storeId: S, entity: 'customer', ids: [3] });
    await service.idle();
    expect(logs).toEqual([expect.stringContaining('store is down')]);
  });
});
