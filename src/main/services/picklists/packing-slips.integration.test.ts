import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogHarness, type CatalogHarness, type Connection } from '../catalog/test-support';
import { createPicklistsService, type PicklistsService } from './picklists-service';

/**
 * Packing slips against the demo store over real HTTP. The expectations come from the plain
 * endpoints (`/orders/{id}`, `/orders/{id}/products`, `/orders/{id}/shipping_addresses`,
 * `/store`), never from the inline consignments the code under test reads.
 */
type Line = { sku: string; quantity: number; quantity_refunded: number; quantity_shipped: number; order_address_id: number };
type Address = { id: number; first_name: string; last_name: string; street_1: string; city: string; zip: string; country: string };

const STORE_ID = 'store-1';

describe('packing slips against the demo store', () => {
  let h: CatalogHarness;
  let conn: Connection;
  let service: PicklistsService;
  let openIds: number[];

  const get = async <T>(path: string): Promise<T> => (await h.raw('GET', path)).body as T;

  beforeAll(async () => {
    h = await startCatalogHarness({ products: 200, orders: 400 });
    openIds = (await get<Array<{ id: number }>>('/v2/orders?status_id=11&limit=250')).map((o) => o.id);
    conn = h.connect();
    service = createPicklistsService({ bigcommerce: conn.bigcommerce, catalog: conn.catalog });
  }, 120_000);
  afterAll(() => h?.close());

  it('gives each chosen order its ship-to address, lines and message, with the store as sender, in few requests', async () => {
    const lineCounts = await Promise.all(openIds.map(async (id) => [id, (await get<Line[]>(`/v2/orders/${id}/products?limit=250`)).length] as const));
    const long = lineCounts.find(([, n]) => n > 50)?.[0];
    const chosen = [...openIds.slice(0, 12), ...(long && !openIds.slice(0, 12).includes(long) ? [long] : [])].sort((a, b) => a - b);
    const slips = await service.packingSlips({ storeId: STORE_ID, orderIds: [...chosen, 999_999] });

    expect(slips.slips.map((s) => s.orderId)).toEqual(chosen);
    expect(slips.missingOrderIds).toEqual([999_999]);
    const store = await get<{ name: string; address: string }>('/v2/store');
    expect(slips.store).toMatchObject({ name: store.name, address: store.address });
    for (const slip of slips.slips) {
      const order = await get<{ customer_message: string; date_created: string }>(`/v2/orders/${slip.orderId}`);
      const lines = await get<Line[]>(`/v2/orders/${slip.orderId}/products?limit=250`);
      const addresses = await get<Address[]>(`/v2/orders/${slip.orderId}/shipping_addresses`);
      expect(slip.customerMessage).toBe(order.customer_message);
      expect(Date.parse(slip.dateCreated)).toBe(Date.parse(order.date_created));
      expect(slip.shipments.map((s) => s.shipTo.name)).toEqual(addresses.map((a) => `${a.first_name} ${a.last_name}`.trim()));
      expect(slip.shipments[0]!.shipTo).toMatchObject({ street1: addresses[0]!.street_1, city: addresses[0]!.city, zip: addresses[0]!.zip });
      const got = slip.shipments.flatMap((s) => s.lines.map((l) => [l.sku, l.quantity, l.shipped]));
      expect(got).toEqual(lines.map((l) => [l.sku, l.quantity - l.quantity_refunded, l.quantity_shipped]));
    }
    // The store, one id run of orders, and one /products call per order past 50 lines.
    expect(slips.requests).toBeLessThanOrEqual(2 + (long ? 1 : 0) + 1);
  });

  it('answers a BigCommerce failure with a clear error code', async () => {
    const bad = h.connect({ token: 'not-a-valid-token' });
    const failing = createPicklistsService({ bigcommerce: bad.bigcommerce, catalog: bad.catalog });
    await expect(failing.packingSlips({ storeId: STORE_ID, orderIds: [1] })).rejects.toMatchObject({ name: 'AppError', code: 'AUTH' });
  });
});
