import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

type Data<T> = { data: T };
type Product = { id: number; sku: string; price: number; date_modified: string; inventory_level: number; variants: Array<{ id: number; sku: string; inventory_level: number }> };
const TYPE = '/api-docs/getting-started/api-status-codes';

describe('catalog and customer writes', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness(); });
  afterAll(() => h.close());

  it('batch caps answer 413 with the exact spec bodies', async () => {
    const products = await h.call('PUT', '/v3/catalog/products', Array.from({ length: 11 }, (_, i) => ({ id: i + 1, price: 1 })));
    expect(products.status).toBe(413);
    expect(products.body).toEqual({ status: 413, title: 'The request payload is too large. The maximum items allowed in the array is 10.', type: TYPE, errors: {} });
    const variants = await h.call('PUT', '/v3/catalog/variants', Array.from({ length: 51 }, () => ({ id: 1, inventory_level: 1 })));
    expect(variants.status).toBe(413);
    expect(variants.body).toEqual({ status: 413, title: 'The request payload is too large. The maximum items allowed in the array is 50', type: TYPE, errors: {} });
    const customers = await h.call('POST', '/v3/customers', Array.from({ length: 11 }, (_, i) => ({ email: `x${i}@example.com`, first_name: 'A', last_name: 'B' })));
    expect(customers.status).toBe(413);
    expect((customers.body as { title: string }).title).toBe('The request payload is too large. The maximum number of items allowed in the array is 10.');
  });

  it('a rejected batch changes nothing; an accepted one changes every item and date_modified', async () => {
    const before = (await h.call('GET', '/v3/catalog/products/1')).body as Data<Product>;
    const bad = await h.call('PUT', '/v3/catalog/products', [{ id: 1, price: 5 }, { id: 2, price: -1 }]);
    expect(bad.status).toBe(422);
    expect((bad.body as { errors: Record<string, string> }).errors['1.price']).toMatch(/greater than or equal/);
    expect(((await h.call('GET', '/v3/catalog/products/1')).body as Data<Product>).data.price).toBe(before.data.price);
    const ok = await h.call('PUT', '/v3/catalog/products', [{ id: 1, price: 79.99 * 1.1 }, { id: 2, price: 10.005 }]);
    expect(ok.status).toBe(200);
    const [p1, p2] = (ok.body as Data<Product[]>).data;
    expect(p1.price).toBe(87.99);
    expect(p2.price).toBe(10.01);
    expect(p1.date_modified > before.data.date_modified).toBe(true);
  });

  it('duplicate SKUs: 409 for products, 422 for variants', async () => {
    const skuOf = async (id: number) => ((await h.call('GET', `/v3/catalog/products/${id}`)).body as Data<Product>).data.sku;
    const clash = await h.call('PUT', '/v3/catalog/products/3', { sku: await skuOf(4) });
    expect(clash.status).toBe(409);
    expect((clash.body as { errors: Record<string, string> }).errors.sku).toMatch(/not unique/);
    const variants = ((await h.call('GET', '/v3/catalog/variants?limit=5')).body as Data<Array<{ id: number; sku: string }>>).data;
    const vclash = await h.call('PUT', '/v3/catalog/variants', [{ id: variants[0].id, sku: variants[3].sku }]);
    expect(vclash.status).toBe(422);
    const be = (vclash.body as { batch_errors: Array<{ status: number; errors: Record<string, string> }> }).batch_errors;
    expect(be[0].status).toBe(422);
    expect(be[0].errors['0.sku']).toMatch(/not unique/);
    expect((await h.call('POST', '/v3/catalog/products', { name: 'X', type: 'physical', weight: 1, price: 1, sku: await skuOf(5) })).status).toBe(409);
  });

  it('variant stock rolls up to the product and mirrors simple products', async () => {
    const created = await h.call('POST', '/v3/catalog/products', {
      name: 'Rollup Tee', type: 'physical', weight: 1, price: 20, sku: 'ROLL',
      variants: [{ sku: 'ROLL-S', inventory_level: 2, option_values: [{ option_display_name: 'Size', label: 'S' }] }, { sku: 'ROLL-M', inventory_level: 3, option_values: [{ option_display_name: 'Size', label: 'M' }] }],
    });
    const p = (created.body as Data<Product>).data;
    expect(p.inventory_level).toBe(5);
    await h.call('PUT', '/v3/catalog/variants', [{ id: p.variants[0].id, inventory_level: 10 }]);
    expect(((await h.call('GET', `/v3/catalog/products/${p.id}`)).body as Data<Product>).data.inventory_level).toBe(13);
    const simple = (await h.call('POST', '/v3/catalog/products', { name: 'Simple Mug', type: 'physical', weight: 1, price: 9, sku: 'MUG-1', inventory_level: 4, inventory_tracking: 'product' })).body as Data<Product & { base_variant_id: number }>;
    await h.call('PUT', `/v3/catalog/products/${simple.data.id}`, { inventory_level: 7, sku: 'MUG-2' });
    const base = ((await h.call('GET', `/v3/catalog/variants?product_id:in=${simple.data.id}`)).body as Data<Array<{ id: number; sku: string; inventory_level: number }>>).data;
    expect(base).toEqual([expect.objectContaining({ id: simple.data.base_variant_id, sku: 'MUG-2', inventory_level: 7 })]);
  });

  it('deletes products by filter (capped) and refuses an unfiltered delete', async () => {
    expect((await h.call('DELETE', '/v3/catalog/products')).status).toBe(422);
    const tooMany = Array.from({ length: 251 }, (_, i) => i + 1).join(',');
    expect((await h.call('DELETE', `/v3/catalog/products?id:in=${tooMany}`)).status).toBe(422);
    expect((await h.call('DELETE', '/v3/catalog/products?id:in=20,21')).status).toBe(204);
    expect((await h.call('GET', '/v3/catalog/products/20')).status).toBe(404);
    expect((await h.call('GET', '/v3/catalog/products/20/variants')).status).toBe(404);
    expect((await h.call('GET', '/v3/catalog/products/22')).status).toBe(200);
  });

  it('customers: duplicate email is 422, PUT needs id, DELETE without id:in changes nothing', async () => {
    const first = ((await h.call('GET', '/v3/customers?limit=2')).body as Data<Array<{ id: number; email: string }>>).data;
    const dup = await h.call('POST', '/v3/customers', [{ email: first[0].email.toUpperCase(), first_name: 'A', last_name: 'B' }]);
    expect(dup.status).toBe(422);
    expect((await h.call('PUT', '/v3/customers', [{ first_name: 'NoId' }])).status).toBe(422);
    const total = async () => ((await h.call('GET', '/v3/customers?limit=1')).body as { meta: { pagination: { total: number } } }).meta.pagination.total;
    const n = await total();
    expect((await h.call('DELETE', '/v3/customers')).status).toBe(204);
    expect(await total()).toBe(n);
    expect((await h.call('DELETE', `/v3/customers?id:in=${first[1].id}`)).status).toBe(204);
    expect(await total()).toBe(n - 1);
  });

  it('JSON only: 415 for other bodies, 400 for malformed JSON, 405 for unknown methods', async () => {
    const plain = await h.call('PUT', '/v3/catalog/products/1', undefined, { rawBody: 'price=1', headers: { 'Content-Type': 'text/plain' } });
    expect(plain.status).toBe(415);
    const broken = await h.call('PUT', '/v3/catalog/products/1', undefined, { rawBody: '{"price":', headers: { 'Content-Type': 'application/json' } });
    expect(broken.status).toBe(400);
    const v2 = await h.call('PUT', '/v2/orders/100', undefined, { rawBody: 'x', headers: { 'Content-Type': 'text/plain' } });
    expect(v2.body).toEqual([{ status: 415, message: expect.any(String) }]);
    expect((await h.call('GET', '/v3/customers/?limit=1')).status).toBe(200); // @bigcommerce/api-nodejs adds the slash
    const put = await h.call('PUT', '/v2/orders', {});
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toContain('GET');
  });
});
