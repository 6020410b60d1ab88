import Big from 'big.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allV2, allV3, startHarness, type Harness } from './harness';

type Variant = { id: number; product_id: number; sku: string; bin_picking_number: string; option_values: Array<{ id: number; label: string; option_id: number; option_display_name: string }> };
type Product = { id: number; sku: string; price: number; cost_price: number; sale_price: number; bin_picking_number: string; inventory_level: number; inventory_tracking: string; variants: Variant[]; images: Array<{ url_standard: string; image_url: string }> };
type Order = { id: number; status_id: number; subtotal_ex_tax: string; subtotal_tax: string; shipping_cost_ex_tax: string; shipping_cost_tax: string; total_ex_tax: string; total_tax: string; total_inc_tax: string; items_total: number; items_shipped: number };
type Line = { id: number; product_id: number; variant_id: number; sku: string; quantity: number; quantity_shipped: number; price_ex_tax: string; total_ex_tax: string; total_tax: string; bin_picking_number: string; product_options: Array<{ display_name: string; display_value: string }> };

const cents = (v: number) => Math.round(v * 100) === v * 100 || new Big(v).times(100).eq(new Big(v).times(100).round());

describe('seed data', () => {
  let h: Harness;
  let products: Product[];
  let orders: Order[];
  beforeAll(async () => {
    h = await startHarness();
    products = await allV3<Product>(h, '/v3/catalog/products?include=variants,images');
    orders = await allV2<Order>(h, '/v2/orders');
  });
  afterAll(() => h.close());

  it('is deterministic per seed and differs between seeds', async () => {
    const again = await startHarness();
    const other = await startHarness({ seed: 'another-seed' });
    try {
      const page = '/v3/catalog/products?include=variants,images,options&limit=40&page=3';
      // Image and V2 resource links carry the (random) port; everything else must be byte-identical.
      const products = async (x: Harness) => (await x.call('GET', page)).text.split(x.store.url).join('ORIGIN');
      expect(await products(again)).toBe(await products(h));
      const orders = async (x: Harness) => (await x.call('GET', '/v2/orders?limit=30')).text.split(x.store.url).join('ORIGIN');
      expect(await orders(again)).toBe(await orders(h));
      expect((await other.call('GET', page)).text).not.toBe((await h.call('GET', page)).text);
      expect(again.hash).toBe(h.hash);
      expect(other.hash).not.toBe(h.hash);
    } finally {
      await again.close();
      await other.close();
    }
  });

  it('has two stores, USD then EUR, with the Northwind name first', async () => {
    expect(h.store.stores.map((s) => s.currency)).toEqual(['USD', 'EUR']);
    expect(h.store.stores[0].name).toBe('Northwind Apparel & Home');
    const eur = await startHarness({}, 1);
    try {
      expect(((await eur.call('GET', '/v2/store')).body as { currency: string; plan_name: string }).currency).toBe('EUR');
    } finally {
      await eur.close();
    }
  });

  it('catalog: unique SKUs, cents prices, options with labels, stock and bins', () => {
    const skus = products.flatMap((p) => [p.sku, ...p.variants.filter((v) => v.option_values.length).map((v) => v.sku)]);
    expect(new Set(skus.map((s) => s.toUpperCase())).size).toBe(skus.length);
    expect(products.every((p) => cents(p.price) && cents(p.cost_price) && cents(p.sale_price))).toBe(true);
    expect(products.some((p) => p.sale_price > 0)).toBe(true);
    const counts = products.map((p) => p.variants.length);
    expect(counts.filter((n) => n >= 2).length).toBeGreaterThan(products.length / 3);
    expect(Math.max(...counts)).toBeLessThanOrEqual(12);
    const withOptions = products.flatMap((p) => p.variants).filter((v) => v.option_values.length);
    expect(new Set(withOptions.flatMap((v) => v.option_values.map((o) => o.option_display_name)))).toEqual(new Set(['Size', 'Color']));
    expect(withOptions.every((v) => v.option_values.every((o) => o.label.length > 0))).toBe(true);
    const bins = products.map((p) => p.bin_picking_number).filter(Boolean);
    expect(bins.length / products.length).toBeGreaterThan(0.8);
    expect(bins.every((b) => /^[A-H]-\d{2}-\d{2}$/.test(b))).toBe(true);
    expect(withOptions.some((v) => !v.bin_picking_number)).toBe(true);
    const stock = products.map((p) => p.inventory_level);
    expect(stock.some((s) => s === 0) && stock.some((s) => s > 0 && s < 5)).toBe(true);
    for (const p of products.filter((x) => x.inventory_tracking === 'variant')) {
      expect(p.inventory_level).toBe(p.variants.reduce((n, v) => n + ((v as unknown as { inventory_level: number }).inventory_level ?? 0), 0));
    }
    expect(products.filter((p) => p.images.length).every((p) => p.images[0].url_standard.startsWith(`${h.store.url}/cdn/s-${h.hash}/`))).toBe(true);
  });

  it('orders: mostly 11/2/10, totals reconcile with their lines, lines reference real variants', async () => {
    const by = (s: number) => orders.filter((o) => o.status_id === s).length;
    expect((by(11) + by(2) + by(10)) / orders.length).toBeGreaterThan(0.65);
    const variants = new Map(products.flatMap((p) => p.variants).map((v) => [v.id, v]));
    for (const o of orders.slice(0, 60)) {
      const lines = (await h.call('GET', `/v2/orders/${o.id}/products`)).body as Line[];
      const sub = lines.reduce((s, l) => s.plus(l.total_ex_tax), new Big(0));
      const tax = lines.reduce((s, l) => s.plus(l.total_tax), new Big(0));
      expect(sub.toFixed(4)).toBe(o.subtotal_ex_tax);
      expect(tax.toFixed(4)).toBe(o.subtotal_tax);
      expect(new Big(o.subtotal_ex_tax).plus(o.shipping_cost_ex_tax).toFixed(4)).toBe(o.total_ex_tax);
      expect(new Big(o.total_ex_tax).plus(o.total_tax).toFixed(4)).toBe(o.total_inc_tax);
      expect(new Big(o.subtotal_tax).plus(o.shipping_cost_tax).toFixed(4)).toBe(o.total_tax);
      expect(lines.reduce((n, l) => n + l.quantity, 0)).toBe(o.items_total);
      for (const l of lines) {
        const v = variants.get(l.variant_id)!;
        expect(v.product_id).toBe(l.product_id);
        expect(l.sku).toBe(v.sku);
        expect(l.product_options.map((po) => `${po.display_name}:${po.display_value}`)).toEqual(v.option_values.map((ov) => `${ov.option_display_name}:${ov.label}`));
      }
      const shipments = await h.call('GET', `/v2/orders/${o.id}/shipments`);
      if (o.status_id === 2 || o.status_id === 10) {
        expect(shipments.status).toBe(200);
        expect(o.items_shipped).toBe(o.items_total);
      } else if (o.status_id === 3) {
        expect(o.items_shipped).toBeGreaterThan(0);
        expect(o.items_shipped).toBeLessThan(o.items_total);
      } else if (o.status_id === 11) {
        expect(shipments.status).toBe(204);
      }
    }
  });

  it('customers belong to Retail, Wholesale or VIP and have addresses', async () => {
    const groups = (await h.call('GET', '/v2/customer_groups')).body as Array<{ id: number; name: string }>;
    expect(groups.map((g) => g.name)).toEqual(['Retail', 'Wholesale', 'VIP']);
    const customers = await allV3<{ customer_group_id: number; email: string; addresses: unknown[] }>(h, '/v3/customers?include=addresses');
    expect(customers.length).toBe(200);
    expect(new Set(customers.map((c) => c.customer_group_id))).toEqual(new Set([1, 2, 3]));
    expect(customers.every((c) => c.addresses.length >= 1 && /@/.test(c.email))).toBe(true);
  });

  it('starts a 100k-product store quickly (children generated on demand)', async () => {
    const t0 = performance.now();
    const big = await startHarness({ products: 100_000, orders: 100, customers: 10, stores: 1 });
    try {
      expect(performance.now() - t0).toBeLessThan(30_000);
      const res = (await big.call('GET', '/v3/catalog/products?page=400&limit=250&include=variants')).body as { data: Product[]; meta: { pagination: { total: number } } };
      expect(res.meta.pagination.total).toBe(100_000);
      expect(res.data.every((p) => p.variants.length >= 1)).toBe(true);
      const v = res.data[10].variants[0];
      const direct = (await big.call('GET', `/v3/catalog/variants?id:in=${v.id}`)).body as { data: Variant[] };
      expect(direct.data[0]).toEqual(v);
    } finally {
      await big.close();
    }
  }, 60_000);
});
