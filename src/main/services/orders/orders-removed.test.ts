import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogHarness, type CatalogHarness, type Connection } from '../catalog/test-support';
import { createOrdersService, type OrdersService } from './orders-service';

/** Orders archived on the store, and orders a webhook names, against the demo store over real HTTP. */
const STORE = 'store-1';
const orderReads = (requests: string[]) => requests.filter((r) => /^GET \/stores\/\w+\/v2\/orders(\?|\/count)/.test(r));

describe('orders the store archived or named', () => {
  let h: CatalogHarness;
  let conn: Connection;
  let orders: OrdersService;

  beforeAll(async () => {
    h = await startCatalogHarness({ products: 60, orders: 600 });
    conn = h.connect();
    orders = createOrdersService({ dataDir: h.dataDir, bigcommerce: conn.bigcommerce, catalog: conn.catalog, progressIntervalMs: 0 });
    await orders.load(STORE, h.storeHash);
  });
  afterAll(async () => {
    await orders.close();
    await h.close();
  });

  const cachedIds = async () => (await orders.list(STORE)).rows.map((r) => r.id);

  it('a refresh with nothing archived costs one count, not a walk of every order', async () => {
    const before = conn.requests.length;
    const result = await orders.load(STORE, h.storeHash);
    expect(result).toMatchObject({ mode: 'delta', removed: 0 });
    const asked = orderReads(conn.requests.slice(before));
    expect(asked.filter((r) => r.includes('/v2/orders/count'))).toHaveLength(1);
    expect(asked.filter((r) => r.includes('/v2/orders?')).every((r) => r.includes('min_date_modified='))).toBe(true);
  });

  it('an order archived on the store (DELETE) leaves the cache at the next refresh', async () => {
    const ids = await cachedIds();
    const [gone, alsoGone] = [ids[3]!, ids[400]!];
    expect((await h.raw('DELETE', `/v2/orders/${gone}`)).status).toBe(204);
    expect((await h.raw('PUT', `/v2/orders/${alsoGone}`, { is_deleted: true })).status).toBe(200);
    const result = await orders.load(STORE, h.storeHash);
    expect(result).toMatchObject({ mode: 'delta', removed: 2, orders: ids.length - 2 });
    expect(await cachedIds()).toEqual(ids.filter((id) => id !== gone && id !== alsoGone));
    // The cache file agrees: a reopened service lists the same orders.
    const reopened = createOrdersService({ dataDir: h.dataDir, bigcommerce: conn.bigcommerce, catalog: conn.catalog });
    expect((await reopened.list(STORE)).rows.map((r) => r.id)).toEqual(await cachedIds());
    await reopened.close();
  });

  it('re-reads exactly the orders a webhook names: neighbours in one request, an archived one removed', async () => {
    const ids = await cachedIds();
    const [a, b, c] = [ids[10]!, ids[11]!, ids[14]!];
    expect((await h.raw('PUT', `/v2/orders/${a}`, { staff_notes: 'fragile' })).status).toBe(200);
    expect((await h.raw('PUT', `/v2/orders/${b}`, { status_id: 5 })).status).toBe(200);
    expect((await h.raw('DELETE', `/v2/orders/${c}`)).status).toBe(204);
    const before = conn.requests.length;
    const { rows, removedIds } = await orders.refetch(STORE, [a, b, c]);
    expect(orderReads(conn.requests.slice(before))).toEqual([expect.stringContaining(`min_id=${a}`)]);
    expect(orderReads(conn.requests.slice(before))[0]).toContain(`max_id=${c}`);
    expect(rows.map((r) => r.id)).toEqual([a, b]);
    expect(rows[0]).toMatchObject({ staff_notes: 'fragile' });
    expect(rows[1]).toMatchObject({ status_id: 5, status: 'Cancelled' });
    expect(removedIds).toEqual([c]);
    expect(await cachedIds()).not.toContain(c);
    expect((await orders.list(STORE)).rows.find((r) => r.id === a)?.staff_notes).toBe('fragile');
  });

  it('scattered ids cost one request each; an order the cache lacks is added', async () => {
    const ids = await cachedIds();
    const created = (await h.raw('POST', '/v2/orders', {
      billing_address: { first_name: 'Ada', last_name: 'Lovelace', street_1: '1 Main St', city: 'Portland', state: 'Oregon', zip: '97205', country: 'United States', country_iso2: 'US', email: 'ada@example.com' },
      products: [{ name: 'Webhook test', quantity: 1, price_inc_tax: 10, price_ex_tax: 10 }],
    })).body as { id: number };
    const before = conn.requests.length;
    const { rows, removedIds } = await orders.refetch(STORE, [ids[0]!, created.id]);
    expect(orderReads(conn.requests.slice(before))).toHaveLength(2);
    expect(rows.map((r) => r.id)).toEqual([ids[0], created.id]);
    expect(removedIds).toEqual([]);
    expect(await cachedIds()).toContain(created.id);
  });

  it('names the statuses as the store does, without an orders cache', async () => {
    const fresh = createOrdersService({ dataDir: `${h.dataDir}/none`, bigcommerce: conn.bigcommerce, catalog: conn.catalog });
    const statuses = await fresh.statuses(STORE);
    expect(statuses.map((s) => s.id).slice(0, 4)).toEqual([0, 1, 7, 11]);
    expect(statuses.find((s) => s.id === 11)).toMatchObject({ name: 'Awaiting Fulfillment', systemName: 'Awaiting Fulfillment' });
    expect(await fresh.refetch(STORE, [1])).toEqual({ rows: [], removedIds: [] });
    await fresh.close();
  });
});
