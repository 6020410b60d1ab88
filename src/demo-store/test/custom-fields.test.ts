import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

type Field = { id: number; name: string; value: string };
type Data<T> = { data: T };

describe('product custom fields', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness(); });
  afterAll(() => h.close());

  it('are seeded on some products and listed by include=custom_fields and the sub-resource alike', async () => {
    const page = (await h.call('GET', '/v3/catalog/products?include=custom_fields&limit=12')).body as Data<Array<{ id: number; custom_fields: Field[] }>>;
    const withFields = page.data.filter((p) => p.custom_fields.length > 0);
    expect(withFields.length).toBeGreaterThan(0);
    expect(withFields.length).toBeLessThan(page.data.length);
    const [first] = withFields;
    const listed = (await h.call('GET', `/v3/catalog/products/${first!.id}/custom-fields`)).body as Data<Field[]>;
    expect(listed.data).toEqual(first!.custom_fields);
    expect(listed.data.map((f) => f.name)).toEqual(['Care', 'Country of origin']);
  });

  it('are created inline with a product, refuse a duplicate pair, and go with the product', async () => {
    const made = await h.call('POST', '/v3/catalog/products', {
      name: 'Field Mug', type: 'physical', weight: 1, price: 5, sku: 'CF-MUG', custom_fields: [{ name: 'Material', value: 'Stoneware' }],
    });
    expect(made.status).toBe(200);
    const { id } = (made.body as Data<{ id: number }>).data;
    const product = ((await h.call('GET', `/v3/catalog/products/${id}?include=custom_fields`)).body as Data<{ id: number; custom_fields: Field[] }>).data;
    expect(product.custom_fields).toMatchObject([{ name: 'Material', value: 'Stoneware' }]);
    const dup = await h.call('POST', `/v3/catalog/products/${product.id}/custom-fields`, { name: 'Material', value: 'Stoneware' });
    expect(dup.status).toBe(409);
    const long = await h.call('POST', `/v3/catalog/products/${product.id}/custom-fields`, { name: 'Care', value: 'x'.repeat(251) });
    expect(long.status).toBe(422);
    const fieldId = product.custom_fields[0]!.id;
    const changed = await h.call('PUT', `/v3/catalog/products/${product.id}/custom-fields/${fieldId}`, { value: 'Porcelain' });
    expect((changed.body as Data<Field>).data).toEqual({ id: fieldId, name: 'Material', value: 'Porcelain' });
    expect((await h.call('DELETE', `/v3/catalog/products/${product.id}`)).status).toBe(204);
    expect((await h.call('GET', `/v3/catalog/products/${product.id}/custom-fields/${fieldId}`)).status).toBe(404);
  });
});
