import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/rpc';
import { startCatalogHarness, type CatalogHarness, type Connection } from '../catalog/test-support';
import { createEditChecks, type EditChecks } from './edit-checks';
import { caught, startStagingEnv } from './test-support/staging-env';

let h: CatalogHarness;
let connection: Connection;
let check: EditChecks;
beforeAll(async () => {
  h = await startCatalogHarness({ products: 40 });
  connection = h.connect();
  await connection.catalog.load('store-1', h.storeHash);
  check = createEditChecks({ snapshot: (storeId) => connection.catalog.snapshot(storeId) });
});
afterAll(async () => {
  await h?.close();
});

async function issuesOf(run: Promise<unknown>) {
  const error = await caught(run);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('VALIDATION');
  return { message: (error as AppError).message, issues: ((error as AppError).details as { issues: unknown[] }).issues };
}

describe('edit checks in main (the catalog loaded from the demo store over HTTP)', () => {
  it('knows the store currency from /v2/store', async () => {
    expect(await connection.catalog.snapshot('store-1')).toMatchObject({ currency: 'USD', decimalPlaces: 2 });
  });

  it('refuses too many decimals, an empty SKU and a SKU another product or variant has, each by edit', async () => {
    const [a, b] = (await connection.catalog.snapshot('store-1'))!.products;
    const variantSku = b!.variants.find((v) => v.sku !== b!.sku)?.sku ?? b!.variants[0]!.sku;
    const { message, issues } = await issuesOf(
      check('store-1', [
        { entity: 'product', id: a!.id, field: 'price', to: '156.01' },
        { entity: 'product', id: a!.id, field: 'sale_price', to: '156.009' },
        { entity: 'product', id: a!.id, field: 'sku', to: b!.sku },
        { entity: 'product', id: b!.id, field: 'sku', to: '' },
        { entity: 'variant', id: a!.variants[0]!.id, field: 'sku', to: variantSku },
      ]),
    );
    expect(message).toBe(`product:${a!.id}:sale_price: USD prices have 2 decimal places (and 3 more)`);
    expect(issues).toEqual([
      { field: 'edits.1.to', key: `product:${a!.id}:sale_price`, message: 'USD prices have 2 decimal places' },
      { field: 'edits.2.to', key: `product:${a!.id}:sku`, message: `SKU "${b!.sku}" is already used by “${b!.name}”` },
      { field: 'edits.3.to', key: `product:${b!.id}:sku`, message: 'a SKU must not be empty' },
      { field: 'edits.4.to', key: `variant:${a!.variants[0]!.id}:sku`, message: expect.stringContaining(`SKU "${variantSku}" is already used by`) },
    ]);
  });

  it('passes good edits, and without a catalog only the spec checks apply', async () => {
    await expect(check('store-1', [{ entity: 'product', id: 1, field: 'price', to: '156.01' }, { entity: 'product', id: 1, field: 'sku', to: 'BRAND-NEW-SKU' }])).resolves.toBeUndefined();
    await expect(check('store-9', [{ entity: 'product', id: 1, field: 'price', to: '156.009' }])).resolves.toBeUndefined();
  });

  it('staging.stage refuses the whole call and stages nothing', async () => {
    const env = await startStagingEnv({}, { check });
    try {
      const { issues } = await issuesOf(
        env.staging.stage({ storeId: 'store-1', edits: [
          { entity: 'product', id: 1, field: 'price', from: '10.00', to: '11.00' },
          { entity: 'product', id: 1, field: 'cost_price', from: '1.00', to: '0.999' },
        ] }),
      );
      expect(issues).toEqual([{ field: 'edits.1.to', key: 'product:1:cost_price', message: 'USD prices have 2 decimal places' }]);
      expect((await env.staging.list('store-1')).edits).toEqual([]);
    } finally {
      await env.close();
    }
  });
});
