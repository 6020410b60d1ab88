import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allV2, startHarness, type Harness } from './harness';

type Order = { id: number; status_id: number; status: string; items_total: number; items_shipped: number; date_shipped: string; date_modified: string };
type Line = { id: number; quantity: number; quantity_shipped: number; quantity_refunded: number; order_address_id: number };

describe('orders and shipments', () => {
  let h: Harness;
  let order: Order;
  let lines: Line[];
  beforeAll(async () => {
    h = await startHarness();
    const candidates = (await h.call('GET', '/v2/orders?status_id=11&limit=250')).body as Order[];
    for (const o of candidates) {
      const l = (await h.call('GET', `/v2/orders/${o.id}/products`)).body as Line[];
      // Without refunds: this walk-through ships every unit.
      if ((l.length >= 2 || l[0].quantity >= 2) && l.every((x) => x.quantity_refunded === 0)) {
        order = o;
        lines = l;
        break;
      }
    }
  });
  afterAll(() => h.close());

  const getOrder = async () => (await h.call('GET', `/v2/orders/${order.id}`)).body as Order;
  const ship = (items: Array<{ order_product_id: number; quantity: number }>) =>
    h.call('POST', `/v2/orders/${order.id}/shipments`, { order_address_id: lines[0].order_address_id, tracking_number: 'T1', shipping_provider: 'ups', items });

  it('ships partially (status 3), refuses over-shipping, then completes (status 2)', async () => {
    const first = await ship([{ order_product_id: lines[0].id, quantity: 1 }]);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ order_id: order.id, items: [{ order_product_id: lines[0].id, quantity: 1 }], shipping_provider_display_name: 'UPS' });
    let o = await getOrder();
    expect(o).toMatchObject({ status_id: 3, status: 'Partially Shipped', items_shipped: 1 });
    expect(o.date_shipped).toMatch(/\+0000$/);
    const line0 = ((await h.call('GET', `/v2/orders/${order.id}/products/${lines[0].id}`)).body as Line);
    expect(line0.quantity_shipped).toBe(1);
    const over = await ship([{ order_product_id: lines[0].id, quantity: line0.quantity }]);
    expect(over.status).toBe(400);
    expect(over.body).toEqual([{ status: 400, message: expect.stringContaining('only') }]);
    const rest = lines.map((l, i) => ({ order_product_id: l.id, quantity: l.quantity - (i === 0 ? 1 : 0) })).filter((x) => x.quantity > 0);
    expect((await ship(rest)).status).toBe(201);
    o = await getOrder();
    expect(o).toMatchObject({ status_id: 2, status: 'Shipped', items_shipped: o.items_total });
    expect(((await h.call('GET', `/v2/orders/${order.id}/shipments/count`)).body as { count: number }).count).toBe(2);
    const addr = ((await h.call('GET', `/v2/orders/${order.id}/shipping_addresses`)).body as Array<{ items_shipped: number; items_total: number }>)[0];
    expect(addr.items_shipped).toBe(addr.items_total);
  });

  it('deleting shipments gives the quantities back', async () => {
    expect((await h.call('DELETE', `/v2/orders/${order.id}/shipments`)).status).toBe(204);
    const o = await getOrder();
    expect(o).toMatchObject({ status_id: 11, items_shipped: 0, date_shipped: '' });
    expect((await h.call('GET', `/v2/orders/${order.id}/shipments`)).status).toBe(204);
  });

  it('refunded units are not left to ship: shipping them is refused, the rest completes the order', async () => {
    type RLine = Line & { quantity_refunded: number };
    const all = await allV2<Order>(h, '/v2/orders?status_id=11');
    let found: { o: Order; lines: RLine[] } | null = null;
    for (const o of all) {
      const l = (await allV2<RLine & { type: string }>(h, `/v2/orders/${o.id}/products`)).filter((x) => x.type === 'physical');
      if (l.some((x) => x.quantity_refunded > 0 && x.quantity_shipped === 0) && o.items_shipped === 0) {
        found = { o, lines: l };
        break;
      }
    }
    expect(found, 'an open order with a refunded line').not.toBeNull();
    const { o, lines: ls } = found!;
    const refunded = ls.find((x) => x.quantity_refunded > 0)!;
    const post = (items: Array<{ order_product_id: number; quantity: number }>) =>
      h.call('POST', `/v2/orders/${o.id}/shipments`, { order_address_id: refunded.order_address_id, items });
    const over = await post([{ order_product_id: refunded.id, quantity: refunded.quantity }]);
    expect(over.status).toBe(400);
    expect(over.body).toEqual([{ status: 400, message: expect.stringContaining(`only ${refunded.quantity - refunded.quantity_refunded} left`) }]);
    const rest = ls.map((x) => ({ order_product_id: x.id, quantity: x.quantity - x.quantity_refunded - x.quantity_shipped })).filter((x) => x.quantity > 0);
    if (ls.every((x) => x.order_address_id === refunded.order_address_id) && rest.length > 0) {
      expect((await post(rest)).status).toBe(201);
      expect((await h.call('GET', `/v2/orders/${o.id}`)).body).toMatchObject({ status_id: 2 });
    }
  });

  it('PUT changes the status and refuses read-only fields with the V2 400 body', async () => {
    const res = await h.call('PUT', `/v2/orders/${order.id}`, { status_id: 10, staff_notes: 'done' });
    expect(res.body).toMatchObject({ status_id: 10, status: 'Completed', staff_notes: 'done' });
    const ro = await h.call('PUT', `/v2/orders/${order.id}`, { status: 'Shipped' });
    expect(ro.status).toBe(400);
    expect(ro.body).toEqual([{ status: 400, message: "The field 'status' cannot be written to. Please remove it from your request before trying again." }]);
    expect((await h.call('PUT', `/v2/orders/${order.id}`, { status_id: 99 })).status).toBe(400);
    expect((await h.call('GET', '/v2/orders/999999')).body).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
  });

  it('count reports every status and agrees with the list', async () => {
    const count = (await h.call('GET', '/v2/orders/count')).body as { count: number; statuses: Array<{ id: number; count: number; sort_order: number }> };
    expect(count.statuses).toHaveLength(15);
    expect(count.statuses.map((s) => s.sort_order)).toEqual([...count.statuses.map((s) => s.sort_order)].sort((a, b) => a - b));
    const all = await allV2<Order>(h, '/v2/orders');
    expect(count.count).toBe(all.length);
    for (const s of count.statuses) expect(s.count, `status ${s.id}`).toBe(all.filter((o) => o.status_id === s.id).length);
    const statuses = (await h.call('GET', '/v2/order_statuses')).body as Array<{ id: number; name: string }>;
    expect(statuses.map((s) => s.id).sort((a, b) => a - b)).toEqual([...Array(15).keys()]);
  });

  it('creates an order from a catalog variant; archived orders leave the list', async () => {
    const product = ((await h.call('GET', '/v3/catalog/products?include=variants&limit=1')).body as { data: Array<{ id: number; variants: Array<{ id: number; calculated_price: number }> }> }).data[0];
    const made = await h.call('POST', '/v2/orders', {
      billing_address: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', street_1: '1 Main', city: 'Austin', state: 'Texas', zip: '78701', country: 'United States', country_iso2: 'US' },
      products: [{ product_id: product.id, variant_id: product.variants[0].id, quantity: 3 }],
    });
    expect(made.status).toBe(200);
    const o = made.body as Order & { subtotal_ex_tax: string };
    expect(o.status_id).toBe(1);
    expect(o.subtotal_ex_tax).toBe((product.variants[0].calculated_price * 3).toFixed(4));
    expect((await h.call('DELETE', `/v2/orders/${o.id}`)).status).toBe(204);
    expect((await h.call('GET', `/v2/orders?min_id=${o.id}`)).status).toBe(204);
    expect(((await h.call('GET', `/v2/orders/${o.id}`)).body as { is_deleted: boolean }).is_deleted).toBe(true);
  });
});
