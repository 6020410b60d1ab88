import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverProducts, startCatalogHarness, type CatalogHarness, type Connection } from '../catalog/test-support';
import { fetchPickOrders } from './fetch-orders';
import { createPicklistsService, type PicklistsService } from './picklists-service';

/**
 * The fetcher and the service against the demo store over real HTTP. The expected totals are
 * computed here on their own: order ids from the plain order list, lines from
 * `/orders/{id}/products` (never the inline consignments the code under test reads).
 */
type Line = { order_id: number; product_id: number; variant_id: number; sku: string; quantity: number; quantity_shipped: number; quantity_refunded: number };
type Variant = { id: number; bin_picking_number: string };
type Product = { id: number; bin_picking_number: string; variants: Variant[] };

const STORE_ID = 'store-1';
const PAGE = 250;

describe('pick lists against the demo store', () => {
  let h: CatalogHarness;
  let conn: Connection;
  let service: PicklistsService;
  let openIds: number[];
  let linesByOrder: Map<number, Line[]>;
  let deletedProductId: number;

  async function allPages<T>(path: string): Promise<T[]> {
    const out: T[] = [];
    for (let page = 1; ; page++) {
      const res = await h.raw('GET', `${path}${path.includes('?') ? '&' : '?'}limit=${PAGE}&page=${page}`);
      if (res.status === 204) return out;
      out.push(...(res.body as T[]));
    }
  }

  /** SKU → {units, per order} from `/orders/{id}/products`: ordered − refunded − shipped, when positive. */
  function expected(orderIds: number[]) {
    const bySku = new Map<string, { units: number; orders: Map<number, number> }>();
    for (const id of orderIds) {
      for (const l of linesByOrder.get(id)!) {
        const left = l.quantity - l.quantity_refunded - l.quantity_shipped;
        if (left <= 0) continue;
        const entry = bySku.get(l.sku) ?? { units: 0, orders: new Map<number, number>() };
        entry.units += left;
        entry.orders.set(id, (entry.orders.get(id) ?? 0) + left);
        bySku.set(l.sku, entry);
      }
    }
    return bySku;
  }

  beforeAll(async () => {
    h = await startCatalogHarness({ products: 300, orders: 1000 });
    openIds = (await allPages<{ id: number }>('/v2/orders?status_id=11')).map((o) => o.id);
    linesByOrder = new Map(await Promise.all(openIds.map(async (id) => [id, await allPages<Line>(`/v2/orders/${id}/products`)] as const)));
    // A product sold in an open order and deleted before the catalog is loaded: its lines stay, marked.
    deletedProductId = linesByOrder.get(openIds[3])![0].product_id;
    expect((await h.raw('DELETE', `/v3/catalog/products/${deletedProductId}`)).status).toBe(204);
    conn = h.connect();
    await conn.catalog.load(STORE_ID, h.storeHash);
    service = createPicklistsService({ bigcommerce: conn.bigcommerce, catalog: conn.catalog });
  }, 120_000);
  afterAll(() => h?.close());

  it('sums every open order: the totals match /orders/{id}/products; only cut-short orders are fetched one by one', async () => {
    expect(openIds.length).toBeGreaterThan(PAGE); // more than one page of orders
    const before = conn.requests.length;
    const list = await service.build({ storeId: STORE_ID, storeHash: h.storeHash });
    const want = expected(openIds);
    expect(new Map(list.lines.map((l) => [l.sku, l.quantity]))).toEqual(new Map([...want].map(([sku, e]) => [sku, e.units])));
    for (const l of list.lines) expect(new Map(l.orders.map((o) => [o.orderId, o.quantity]))).toEqual(want.get(l.sku)!.orders);
    expect(list.totals.units).toBe([...want.values()].reduce((n, e) => n + e.units, 0));
    expect([...want.values()].some((e) => e.orders.size >= 5)).toBe(true); // best-sellers: the list sums something

    const cutShort = openIds.filter((id) => linesByOrder.get(id)!.length > 50);
    expect(cutShort.length).toBeGreaterThan(0);
    const listing = list.requests - cutShort.length;
    expect(listing).toBeLessThanOrEqual(Math.ceil(openIds.length / PAGE) + 2);
    expect(conn.requests.length - before).toBe(list.requests);
    const productCalls = conn.requests.slice(before).filter((r) => r.includes('/products')).map((r) => r.split('?')[0]);
    expect(productCalls.sort()).toEqual(cutShort.map((id) => `GET /stores/${h.storeHash}/v2/orders/${id}/products`).sort());
  });

  it('takes bins from the catalog (variant before product) and marks lines of deleted products', async () => {
    const list = await service.build({ storeId: STORE_ID, storeHash: h.storeHash, groupByZone: true });
    const products = new Map((await serverProducts(h)).map((p) => [p.id as number, p as unknown as Product]));
    for (const l of list.lines) {
      const p = products.get(l.productId);
      if (!p) {
        expect(l).toMatchObject({ deleted: true, bin: null });
        continue;
      }
      const v = p.variants.find((x) => x.id === l.variantId);
      expect(l.bin).toBe(v?.bin_picking_number || p.bin_picking_number || null);
      expect(l.deleted).toBe(false);
    }
    expect(list.lines.some((l) => l.productId === deletedProductId && l.deleted)).toBe(true);
    expect(list.catalogSyncedAt).not.toBeNull();
    expect(list.zones!.reduce((n, z) => n + z.units, 0)).toBe(list.totals.units);
  });

  it('builds for chosen order ids in a few requests and reports ids the store does not have', async () => {
    const chosen = openIds.filter((id) => linesByOrder.get(id)!.length <= 50).slice(5, 45);
    const fetched = await fetchPickOrders(conn.bigcommerce.clientFor(h.storeHash), { orderIds: [...chosen, 999_999] });
    expect(fetched.orderIds).toEqual(chosen);
    expect(fetched.missingOrderIds).toEqual([999_999]);
    expect(fetched.completedSeparately).toEqual([]);
    expect(fetched.requests).toBeLessThanOrEqual(Math.ceil(chosen.length / PAGE) + 2);
    const list = await service.build({ storeId: STORE_ID, storeHash: h.storeHash, orderIds: chosen });
    expect(new Map(list.lines.map((l) => [l.sku, l.quantity]))).toEqual(new Map([...expected(chosen)].map(([sku, e]) => [sku, e.units])));
  });

  it('answers a BigCommerce failure with a clear error code', async () => {
    const bad = h.connect({ token: 'not-a-valid-token' });
    const failing = createPicklistsService({ bigcommerce: bad.bigcommerce, catalog: bad.catalog });
    await expect(failing.build({ storeId: STORE_ID, storeHash: h.storeHash })).rejects.toMatchObject({ name: 'AppError', code: 'AUTH' });
  });
});
