import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allV2, allV3, ids, startHarness, type Harness } from './harness';

type P = { id: number; sku: string; name: string; price: number; inventory_level: number; is_visible: boolean; brand_id: number; categories: number[]; type: string; date_modified: string; description: string };

/** Filters are cross-checked against the unfiltered lists fetched from the same server. */
describe('filters', () => {
  let h: Harness;
  let products: P[];
  beforeAll(async () => {
    h = await startHarness();
    products = await allV3<P>(h, '/v3/catalog/products');
  });
  afterAll(() => h.close());

  const expectFilter = async (query: string, pred: (p: P) => boolean) => {
    const got = ids(await allV3<P>(h, `/v3/catalog/products?${query}`));
    const want = ids(products.filter(pred));
    expect(want.length, `fixture for ${query} selects something`).toBeGreaterThan(0);
    expect(got, query).toEqual(want);
  };

  it('product id and numeric filters', async () => {
    await expectFilter('id:in=3,5,8', (p) => [3, 5, 8].includes(p.id));
    await expectFilter('id:not_in=1,2', (p) => ![1, 2].includes(p.id));
    await expectFilter('id:min=10&id:max=20', (p) => p.id >= 10 && p.id <= 20);
    await expectFilter('id:greater=10&id:less=20', (p) => p.id > 10 && p.id < 20);
    await expectFilter('id=7', (p) => p.id === 7);
    // Range filters are served by a binary search over the id-sorted table: fractional bounds,
    // ranges combined with other filters, and a range-only walk page by page.
    await expectFilter('id:min=9.5&id:less=12.5', (p) => p.id >= 9.5 && p.id < 12.5);
    await expectFilter('id:greater=4.5&id:max=9.9', (p) => p.id > 4.5 && p.id <= 9.9);
    await expectFilter('id:greater=3&id:in=2,4,5', (p) => p.id > 3 && [2, 4, 5].includes(p.id));
    await expectFilter(`id:max=30&price:min=${products[4].price}`, (p) => p.id <= 30 && p.price >= products[4].price);
    const desc = ids(await allV3<P>(h, '/v3/catalog/products?id:greater=5&sort=id&direction=desc'));
    expect(desc).toEqual(ids(products.filter((p) => p.id > 5)).reverse());
    const price = products[4].price;
    await expectFilter(`price=${price}`, (p) => p.price === price);
    await expectFilter('price:min=50&price:max=80', (p) => p.price >= 50 && p.price <= 80);
    await expectFilter('inventory_level=0', (p) => p.inventory_level === 0);
    await expectFilter('inventory_level:less=5', (p) => p.inventory_level < 5);
    await expectFilter('inventory_level:greater=100', (p) => p.inventory_level > 100);
    await expectFilter('inventory_level:min=10&inventory_level:max=20', (p) => p.inventory_level >= 10 && p.inventory_level <= 20);
    const levels = [products[0].inventory_level, products[1].inventory_level];
    await expectFilter(`inventory_level:in=${levels.join(',')}`, (p) => levels.includes(p.inventory_level));
  });

  it('product text, flag and relation filters', async () => {
    const p = products[10];
    await expectFilter(`sku=${p.sku}`, (x) => x.sku === p.sku);
    await expectFilter(`sku:in=${products[1].sku},${products[2].sku}`, (x) => [products[1].sku, products[2].sku].includes(x.sku));
    await expectFilter(`name=${encodeURIComponent(p.name)}`, (x) => x.name === p.name);
    await expectFilter('name:like=linen', (x) => x.name.toLowerCase().includes('linen'));
    await expectFilter('keyword=cotton', (x) => `${x.name} ${x.sku} ${x.description}`.toLowerCase().includes('cotton'));
    await expectFilter('is_visible=false', (x) => !x.is_visible);
    await expectFilter(`brand_id=${p.brand_id}`, (x) => x.brand_id === p.brand_id);
    await expectFilter(`categories:in=${p.categories[0]}`, (x) => x.categories.includes(p.categories[0]));
    await expectFilter('type=physical', (x) => x.type === 'physical');
    const mid = [...products].map((x) => x.date_modified).sort()[150];
    await expectFilter(`date_modified:min=${encodeURIComponent(mid)}`, (x) => x.date_modified >= mid);
    await expectFilter(`date_modified:max=${encodeURIComponent(mid)}`, (x) => x.date_modified <= mid);
  });

  it('sorts products and rejects an unknown sort', async () => {
    const byPrice = await allV3<P>(h, '/v3/catalog/products?sort=price&direction=desc');
    const prices = byPrice.map((p) => p.price);
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    expect((await h.call('GET', '/v3/catalog/products?sort=colour')).status).toBe(422);
  });

  it('include, include_fields and exclude_fields', async () => {
    const res = (await h.call('GET', '/v3/catalog/products?include=variants,images&include_fields=name,sku&limit=3')).body as { data: Array<Record<string, unknown>> };
    for (const row of res.data) expect(Object.keys(row).sort()).toEqual(['id', 'images', 'name', 'sku', 'variants']);
    const ex = (await h.call('GET', '/v3/catalog/products?exclude_fields=id,description,price&limit=3')).body as { data: Array<Record<string, unknown>> };
    expect(ex.data[0].id).toBeDefined();
    expect(ex.data[0].description).toBeUndefined();
    expect(ex.data[0].price).toBeUndefined();
    const v = (await h.call('GET', '/v3/catalog/variants?include_fields=sku&limit=2')).body as { data: Array<Record<string, unknown>> };
    expect(Object.keys(v.data[0]).sort()).toEqual(['id', 'sku']);
    // Shaped variants carry the same values as the full row, computed fields included.
    const full = (await h.call('GET', '/v3/catalog/variants?limit=5')).body as { data: Array<Record<string, unknown>> };
    const picked = (await h.call('GET', '/v3/catalog/variants?limit=5&include_fields=inventory_level,calculated_price,option_values')).body as { data: Array<Record<string, unknown>> };
    picked.data.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(['id', 'inventory_level', 'option_values', 'calculated_price']);
      for (const key of Object.keys(row)) expect(row[key]).toEqual(full.data[i]![key]);
    });
    const dropped = (await h.call('GET', '/v3/catalog/variants?limit=5&exclude_fields=id,sku,calculated_weight')).body as { data: Array<Record<string, unknown>> };
    dropped.data.forEach((row, i) => {
      const { sku: _sku, calculated_weight: _w, ...rest } = full.data[i]!;
      expect(row).toEqual(rest);
    });
  });

  it('variant filters', async () => {
    const all = await allV3<{ id: number; sku: string; product_id: number }>(h, '/v3/catalog/variants');
    const pick = all[37];
    expect(ids(await allV3(h, `/v3/catalog/variants?sku=${pick.sku}`))).toEqual([pick.id]);
    expect(ids(await allV3(h, `/v3/catalog/variants?sku:in=${all[1].sku},${all[2].sku}`))).toEqual([all[1].id, all[2].id]);
    expect(ids(await allV3(h, `/v3/catalog/variants?id:in=${all[5].id},${all[9].id}`))).toEqual([all[5].id, all[9].id]);
    expect(ids(await allV3(h, `/v3/catalog/variants?product_id:in=${pick.product_id}`))).toEqual(ids(all.filter((v) => v.product_id === pick.product_id)));
  });

  it('order filters and sort (RFC-2822 and ISO-8601 dates)', async () => {
    type O = { id: number; status_id: number; customer_id: number; date_created: string; total_inc_tax: string; billing_address: { email: string } };
    const orders = await allV2<O>(h, '/v2/orders');
    const check = async (q: string, pred: (o: O) => boolean) => {
      const want = ids(orders.filter(pred));
      expect(want.length, q).toBeGreaterThan(0);
      expect(ids(await allV2<O>(h, `/v2/orders?${q}`)), q).toEqual(want);
    };
    await check('status_id=11', (o) => o.status_id === 11);
    const cust = orders.find((o) => o.customer_id > 0)!.customer_id;
    await check(`customer_id=${cust}`, (o) => o.customer_id === cust);
    await check('min_id=150&max_id=160', (o) => o.id >= 150 && o.id <= 160);
    await check('min_total=100&max_total=200', (o) => Number(o.total_inc_tax) >= 100 && Number(o.total_inc_tax) <= 200);
    await check(`email=${orders[3].billing_address.email}`, (o) => o.billing_address.email === orders[3].billing_address.email);
    const pivot = Date.parse(orders[150].date_created);
    await check(`min_date_created=${encodeURIComponent(orders[150].date_created)}`, (o) => Date.parse(o.date_created) >= pivot);
    await check(`max_date_created=${new Date(pivot).toISOString()}`, (o) => Date.parse(o.date_created) <= pivot);
    const desc = await allV2<O>(h, '/v2/orders?sort=date_created:desc');
    expect(desc.map((o) => Date.parse(o.date_created))).toEqual([...orders.map((o) => Date.parse(o.date_created))].sort((a, b) => b - a));
    expect((await h.call('GET', '/v2/orders?sort=total:desc')).status).toBe(400);
  });

  it('customer filters, include=addresses and sort', async () => {
    type C = { id: number; email: string; first_name: string; last_name: string; customer_group_id: number; date_created: string; addresses?: unknown[] };
    const all = await allV3<C>(h, '/v3/customers');
    const check = async (q: string, pred: (c: C) => boolean) => {
      const want = ids(all.filter(pred));
      expect(want.length, q).toBeGreaterThan(0);
      expect(ids(await allV3<C>(h, `/v3/customers?${q}`)), q).toEqual(want);
    };
    await check(`id:in=${all[2].id},${all[4].id}`, (c) => [all[2].id, all[4].id].includes(c.id));
    await check(`email:in=${all[7].email}`, (c) => c.email === all[7].email);
    const [a, b] = [all[0].last_name.toLowerCase(), all[1].first_name.toLowerCase()];
    await check(`name:like=${a},${b}`, (c) => [a, b].some((t) => `${c.first_name} ${c.last_name}`.toLowerCase().includes(t)));
    await check('customer_group_id:in=2,3', (c) => [2, 3].includes(c.customer_group_id));
    const mid = all.map((c) => c.date_created).sort()[100];
    await check(`date_created:min=${encodeURIComponent(mid)}`, (c) => c.date_created >= mid);
    await check(`date_created:max=${encodeURIComponent(mid)}`, (c) => c.date_created <= mid);
    const withAddr = (await h.call('GET', '/v3/customers?include=addresses&limit=5')).body as { data: C[] };
    expect(withAddr.data.every((c) => Array.isArray(c.addresses) && c.addresses.length > 0)).toBe(true);
    const sorted = await allV3<C>(h, '/v3/customers?sort=last_name:asc');
    const names = sorted.map((c) => c.last_name.toLowerCase());
    expect(names).toEqual([...names].sort());
    expect((await h.call('GET', '/v3/customers?sort=shoe_size:asc')).status).toBe(422);
  });
});
