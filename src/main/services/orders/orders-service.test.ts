import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBigCommerceService } from '../bigcommerce';
import { startCatalogHarness, type CatalogHarness, type Connection } from '../catalog/test-support';
import { apiQuery, filterOrders, type OrderFilter } from '../../../shared/orders/filter';
import { createOrdersService, type OrdersEvent, type OrdersService } from './orders-service';

/** The orders cache, detail and shipments against the demo store over real HTTP. */
type ApiOrder = { id: number; status_id: number; items_total: number; items_shipped: number; staff_notes: string; total_inc_tax: string };
type ApiLine = { id: number; order_address_id: number; quantity: number; quantity_shipped: number; quantity_refunded: number; type: string; sku: string };

const STORE = 'store-1';

describe('orders service against the demo store', () => {
  let h: CatalogHarness;
  let conn: Connection;
  let orders: OrdersService;
  const events: OrdersEvent[] = [];

  async function allOrders(): Promise<ApiOrder[]> {
    const out: ApiOrder[] = [];
    for (let page = 1; ; page++) {
      const res = await h.raw('GET', `/v2/orders?limit=250&page=${page}`);
      if (res.status === 204) return out;
      out.push(...(res.body as ApiOrder[]));
    }
  }
  const linesOf = async (id: number) => (await h.raw('GET', `/v2/orders/${id}/products?limit=250`)).body as ApiLine[];
  const shipmentCount = async (id: number) => ((await h.raw('GET', `/v2/orders/${id}/shipments/count`)).body as { count: number }).count;

  /** An open order without refunds or shipments, with more than one unit on a physical line. */
  async function openOrder(skip: ReadonlySet<number> = new Set()): Promise<{ order: ApiOrder; lines: ApiLine[] }> {
    for (const order of (await allOrders()).filter((o) => o.status_id === 11 && o.items_shipped === 0 && !skip.has(o.id))) {
      const lines = await linesOf(order.id);
      if (lines.every((l) => l.quantity_refunded === 0 && l.type === 'physical') && lines.some((l) => l.quantity > 1)) return { order, lines };
    }
    throw new Error('no suitable open order in the demo store');
  }

  beforeAll(async () => {
    h = await startCatalogHarness({ products: 120, orders: 400 });
    conn = h.connect();
    await conn.catalog.load(STORE, h.storeHash);
    orders = createOrdersService({ dataDir: h.dataDir, bigcommerce: conn.bigcommerce, catalog: conn.catalog, onEvent: (e) => events.push(e), progressIntervalMs: 0 });
  });
  afterAll(async () => {
    await orders.close();
    await h.close();
  });

  it('loads every order with progress, the store’s statuses and the grid’s fields', async () => {
    const result = await orders.load(STORE, h.storeHash);
    const server = await allOrders();
    expect(result).toMatchObject({ mode: 'full', orders: server.length, upserted: server.length });
    const progress = events.filter((e) => e.type === 'syncProgressed');
    expect(progress.at(-1)).toMatchObject({ loaded: server.length, total: server.length });
    const { rows } = await orders.list(STORE);
    expect(rows.map((r) => r.id)).toEqual(server.map((o) => o.id).sort((a, b) => a - b));
    const first = rows.find((r) => r.id === server[0]!.id)!;
    expect(first).toMatchObject({ status_id: server[0]!.status_id, total_inc_tax: server[0]!.total_inc_tax, items_total: server[0]!.items_total });
    expect(first.shipping_method).not.toBe('');
    expect(first.ship_to_country).not.toBe('');
    expect(new Date(first.date_created).toISOString()).toBe(first.date_created);
    const status = await orders.status(STORE);
    expect(status.statuses.map((s) => s.name)).toContain('Awaiting Fulfillment');
  });

  it('refreshes by min_date_modified: one changed order, not all of them', async () => {
    const target = (await orders.list(STORE)).rows[5]!;
    expect((await h.raw('PUT', `/v2/orders/${target.id}`, { staff_notes: 'call before delivery' })).status).toBe(200);
    const before = conn.requests.length;
    const result = await orders.load(STORE, h.storeHash);
    expect(result.mode).toBe('delta');
    const asked = conn.requests.slice(before).filter((r) => r.includes('/v2/orders?'));
    expect(asked.every((r) => r.includes('min_date_modified='))).toBe(true);
    expect(result.upserted).toBeLessThan(result.orders);
    expect((await orders.list(STORE)).rows.find((r) => r.id === target.id)?.staff_notes).toBe('call before delivery');
  });

  it('filters the cache exactly as the API filters: statuses, dates, customer, email, totals, ids', async () => {
    const { rows } = await orders.list(STORE);
    const sample = rows[Math.floor(rows.length / 2)]!;
    const filters: OrderFilter[] = [
      { statusIds: [11, 2] },
      { createdFrom: sample.date_created, minTotal: '50', maxTotal: '400.5' },
      { createdTo: sample.date_created, statusIds: [11] },
      { customerId: sample.customer_id },
      { email: sample.email.toUpperCase() },
      { minId: sample.id - 20, maxId: sample.id + 20, minTotal: '0.01' },
    ];
    for (const f of filters) {
      const viaApi = new Set<number>();
      for (const query of apiQuery(f)) {
        const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)] as [string, string]));
        for (let page = 1; ; page++) {
          const res = await h.raw('GET', `/v2/orders?${qs}&limit=250&page=${page}`);
          if (res.status === 204) break;
          for (const o of res.body as ApiOrder[]) viaApi.add(o.id);
        }
      }
      const local = filterOrders(rows, f).map((r) => r.id);
      expect(local.length, JSON.stringify(f)).toBeGreaterThan(0);
      expect(local, JSON.stringify(f)).toEqual([...viaApi].sort((a, b) => a - b));
    }
  });

  it('reopens from the cache file with the store unreachable (offline)', async () => {
    const offline = createBigCommerceService({ target: () => ({ storeHash: h.storeHash, apiOrigin: 'http://127.0.0.1:9' }), getToken: async () => h.token });
    const again = createOrdersService({ dataDir: h.dataDir, bigcommerce: offline, catalog: conn.catalog });
    await orders.close();
    const { rows, syncedAt } = await again.list(STORE);
    expect(syncedAt).not.toBeNull();
    expect(rows).toEqual((await orders.list(STORE)).rows);
    await again.close();
    offline.close();
  });

  it('patches a job’s status edit with the status name', async () => {
    const target = (await orders.list(STORE)).rows[0]!;
    const changed = await orders.applyLocal(STORE, [{ id: target.id, field: 'status_id', to: 9 }]);
    expect(changed).toEqual([{ ...target, status_id: 9, status: 'Awaiting Shipment' }]);
  });

  it('detail: lines with bins from the catalog, addresses, no shipments yet', async () => {
    const { order, lines } = await openOrder();
    const detail = await orders.get(STORE, order.id);
    expect(detail.lines.map((l) => l.id)).toEqual(lines.map((l) => l.id));
    expect(detail.lines.some((l) => l.bin !== null)).toBe(true);
    expect(detail.shipping_addresses.map((a) => a.id)).toContain(lines[0]!.order_address_id);
    expect(detail.shipments).toEqual([]);
    await expect(orders.get(STORE, 999_999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses more than is left with a clear message and sends nothing', async () => {
    const { order, lines } = await openOrder();
    const line = lines.find((l) => l.quantity > 1)!;
    const before = conn.requests.length;
    await expect(
      orders.createShipments(STORE, [{ orderId: order.id, items: [{ orderProductId: line.id, quantity: line.quantity + 1 }] }]),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining(`cannot ship ${line.quantity + 1} of ${line.sku}`) });
    expect(conn.requests.slice(before).filter((r) => r.startsWith('POST'))).toEqual([]);
    expect(await shipmentCount(order.id)).toBe(0);
  });

  it('ships part of an order, then what is left; the cached row follows and is announced', async () => {
    const { order, lines } = await openOrder();
    const line = lines.find((l) => l.quantity > 1)!;
    const first = await orders.createShipments(STORE, [{ orderId: order.id, items: [{ orderProductId: line.id, quantity: 1 }], trackingNumber: '1Z999', shippingProvider: 'ups' }]);
    expect(first.results).toEqual([{ orderId: order.id, ok: true, shipmentIds: [expect.any(Number)], recovered: false }]);
    expect((await orders.list(STORE)).rows.find((r) => r.id === order.id)).toMatchObject({ items_shipped: 1, status: 'Partially Shipped' });
    const rest = await orders.createShipments(STORE, [{ orderId: order.id }, { orderId: 999_998 }]);
    expect(rest.results[0]).toMatchObject({ orderId: order.id, ok: true });
    expect(rest.results[1]).toMatchObject({ orderId: 999_998, ok: false, code: 'NOT_FOUND' });
    const server = (await h.raw('GET', `/v2/orders/${order.id}`)).body as ApiOrder;
    expect(server).toMatchObject({ status_id: 2, items_shipped: server.items_total });
    const changes = events.filter((e) => e.type === 'rowsChanged');
    expect(changes.at(-1)).toMatchObject({ cause: 'shipment', rows: [{ id: order.id, status_id: 2, items_shipped: server.items_total }] });
    const detail = await orders.get(STORE, order.id);
    expect(detail.shipments[0]).toMatchObject({ tracking_number: '1Z999', shipping_provider: 'ups', tracking_link: expect.stringContaining('1Z999') });
    const again = await orders.createShipments(STORE, [{ orderId: order.id }]);
    expect(again.results[0]).toMatchObject({ ok: false, code: 'NOTHING_TO_SHIP' });
  });
});
