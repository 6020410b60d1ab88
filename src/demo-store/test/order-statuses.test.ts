import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

type Status = { id: number; name: string; system_label: string; custom_label: string; order: number };

describe('order statuses and archived orders', () => {
  let usd: Harness;
  let eur: Harness;
  beforeAll(async () => {
    usd = await startHarness({ orders: 40, products: 40, customers: 10 });
    eur = await startHarness({ orders: 40, products: 40, customers: 10 }, 1);
  });
  afterAll(async () => {
    await usd.close();
    await eur.close();
  });

  it('answers the store’s custom labels beside BigCommerce’s names (the EUR demo store renamed some)', async () => {
    const plain = (await usd.call('GET', '/v2/order_statuses')).body as Status[];
    expect(plain.every((s) => s.custom_label === s.name && s.system_label === s.name)).toBe(true);
    const renamed = (await eur.call('GET', '/v2/order_statuses')).body as Status[];
    expect(renamed.find((s) => s.id === 11)).toMatchObject({ name: 'Awaiting Fulfillment', system_label: 'Awaiting Fulfillment', custom_label: 'Zu kommissionieren' });
    expect(renamed.find((s) => s.id === 5)).toMatchObject({ name: 'Cancelled', custom_label: 'Cancelled' });
    expect((await eur.call('GET', '/v2/order_statuses/9')).body).toMatchObject({ id: 9, custom_label: 'Versandbereit' });
    const counted = (await eur.call('GET', '/v2/orders/count')).body as { statuses: Array<Status & { sort_order: number }> };
    expect(counted.statuses.find((s) => s.id === 11)).toMatchObject({ custom_label: 'Zu kommissionieren', sort_order: 3 });
  });

  it('an archived order leaves the list and the count, and is still read by id with is_deleted', async () => {
    const before = ((await usd.call('GET', '/v2/orders/count')).body as { count: number }).count;
    const [first] = (await usd.call('GET', '/v2/orders?limit=1')).body as Array<{ id: number }>;
    expect((await usd.call('DELETE', `/v2/orders/${first!.id}`)).status).toBe(204);
    expect(((await usd.call('GET', '/v2/orders/count')).body as { count: number }).count).toBe(before - 1);
    const listed = (await usd.call('GET', `/v2/orders?min_id=${first!.id}&max_id=${first!.id}`));
    expect(listed.status).toBe(204);
    expect((await usd.call('GET', `/v2/orders/${first!.id}`)).body).toMatchObject({ id: first!.id, is_deleted: true });
    // A PUT of is_deleted: true is the same as DELETE (orders.v2 spec); false brings it back.
    const [second] = (await usd.call('GET', '/v2/orders?limit=1')).body as Array<{ id: number }>;
    expect((await usd.call('PUT', `/v2/orders/${second!.id}`, { is_deleted: true })).body).toMatchObject({ id: second!.id, is_deleted: true });
    expect(((await usd.call('GET', '/v2/orders/count')).body as { count: number }).count).toBe(before - 2);
    expect((await usd.call('PUT', `/v2/orders/${second!.id}`, { is_deleted: 'yes' })).status).toBe(400);
    expect((await usd.call('PUT', `/v2/orders/${second!.id}`, { is_deleted: false })).status).toBe(200);
    expect(((await usd.call('GET', '/v2/orders/count')).body as { count: number }).count).toBe(before - 1);
  });
});
