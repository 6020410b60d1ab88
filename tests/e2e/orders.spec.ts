import { expect, test } from './fixtures';
import { ActivityPage } from './pages/activity-page';
import { OrdersPage } from './pages/orders-page';
import { StagedPanel } from './pages/staged-panel';
import { activeStoreHttp, type StoreHttp } from './support/demo-http';

type ApiOrder = { id: number; status_id: number; items_total: number; items_shipped: number };
type ApiLine = { id: number; sku: string; quantity: number; quantity_shipped: number; quantity_refunded: number; type: string; order_address_id: number };

async function openOrders(store: StoreHttp): Promise<ApiOrder[]> {
  return (await store.request('GET', '/v2/orders?status_id=11&sort=id:asc&limit=250')).body as ApiOrder[];
}
const statusOf = async (store: StoreHttp, id: number) => ((await store.request('GET', `/v2/orders/${id}`)).body as ApiOrder).status_id;

test('a batch status change is reviewed by order, applied as a job, and undone order by order — checked on the store', async ({ shell, page }) => {
  const store = await activeStoreHttp(page);
  const picked = (await openOrders(store)).slice(0, 3);
  const [first, last] = [picked[0]!.id, picked[2]!.id];
  await shell.goTo('Orders');
  const orders = new OrdersPage(page);
  await orders.load();
  await orders.toggleStatus('Awaiting Fulfillment');
  await orders.showIds(first, last);
  await expect(orders.cell(picked[1]!.id, 'Status')).toHaveText('Awaiting Fulfillment');
  await orders.select(first, last);
  await orders.changeStatus('Awaiting Shipment');

  const staging = new StagedPanel(page);
  await staging.expectCount(3);
  // The review names orders, and statuses by name, never ids.
  for (const o of picked) await expect(staging.row(`Order #${o.id}`, 'Status')).toContainText('Awaiting FulfillmentAwaiting Shipment');
  await staging.apply('Orders to Awaiting Shipment');
  await staging.expectCount(0);
  for (const o of picked) await expect.poll(() => statusOf(store, o.id), { timeout: 30_000 }).toBe(9);
  // The grid follows: the moved orders leave the Awaiting Fulfillment filter, and show their new status without it.
  await expect(orders.cell(first, 'Order')).toHaveCount(0);
  await orders.toggleStatus('Awaiting Fulfillment');
  for (const o of picked) await expect(orders.cell(o.id, 'Status')).toHaveText('Awaiting Shipment');

  await shell.goTo('Activity');
  const activity = new ActivityPage(page);
  await activity.expectStatus('Orders to Awaiting Shipment', 'Completed');
  await activity.undo('Orders to Awaiting Shipment');
  await activity.expectStatus('Undo: Orders to Awaiting Shipment', 'Completed');
  for (const o of picked) expect(await statusOf(store, o.id)).toBe(11);
  await shell.goTo('Orders');
  for (const o of picked) await expect(orders.cell(o.id, 'Status')).toHaveText('Awaiting Fulfillment');
});

test('a shipment from the detail drawer: more than is left is refused with nothing sent, then the order ships — checked on the store', async ({ shell, page }) => {
  const store = await activeStoreHttp(page);
  let order: ApiOrder | undefined;
  let lines: ApiLine[] = [];
  for (const o of await openOrders(store)) {
    lines = (await store.request('GET', `/v2/orders/${o.id}/products?limit=250`)).body as ApiLine[];
    const simple = lines.every((l) => l.type === 'physical' && l.quantity_refunded === 0 && l.quantity_shipped === 0 && l.order_address_id === lines[0]!.order_address_id);
    if (simple && lines.length <= 3 && lines.some((l) => l.quantity > 1)) {
      order = o;
      break;
    }
  }
  expect(order, 'an open single-address order with a line of 2+ units').toBeDefined();
  const line = lines.find((l) => l.quantity > 1)!;
  await shell.goTo('Orders');
  const orders = new OrdersPage(page);
  await orders.load();
  await orders.showIds(order!.id, order!.id);
  await orders.select(order!.id);
  const drawer = await orders.openDetails();
  await expect(drawer.getByRole('region', { name: 'Items' })).toContainText(line.sku);
  await expect(drawer.getByRole('region', { name: 'Shipments' })).toContainText('None yet.');

  const dialog = await orders.startShipment({ trackingNumber: '1ZE2E0001', provider: 'UPS' });
  await expect(orders.quantityToShip(line.sku)).toHaveValue(String(line.quantity));
  await orders.quantityToShip(line.sku).fill(String(line.quantity + 1));
  await dialog.getByRole('button', { name: 'Create shipment' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(`${line.sku}: cannot ship ${line.quantity + 1}, only ${line.quantity} left to ship.`);
  expect((await store.request('GET', `/v2/orders/${order!.id}/shipments`)).status).toBe(204);

  await orders.quantityToShip(line.sku).fill(String(line.quantity));
  await dialog.getByRole('button', { name: 'Create shipment' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const shipments = (await store.request('GET', `/v2/orders/${order!.id}/shipments`)).body as Array<{ tracking_number: string; shipping_provider: string; items: Array<{ order_product_id: number; quantity: number }> }>;
  expect(shipments).toHaveLength(1);
  expect(shipments[0]).toMatchObject({ tracking_number: '1ZE2E0001', shipping_provider: 'ups' });
  expect(shipments[0]!.items.map(({ order_product_id, quantity }) => ({ order_product_id, quantity })).sort((a, b) => a.order_product_id - b.order_product_id)).toEqual(lines.map((l) => ({ order_product_id: l.id, quantity: l.quantity })).sort((a, b) => a.order_product_id - b.order_product_id));
  expect(await statusOf(store, order!.id)).toBe(2);
  // The drawer and the grid follow.
  await expect(drawer.getByRole('region', { name: 'Shipments' })).toContainText('1ZE2E0001');
  await expect(drawer.getByRole('link', { name: '1ZE2E0001' })).toHaveAttribute('href', /ups\.com.*1ZE2E0001/);
  await expect(orders.cell(order!.id, 'Status')).toHaveText('Shipped');
  await drawer.getByRole('button', { name: 'Close order details' }).click();
  await expect(orders.cell(order!.id, 'Shipped')).toHaveText(String(order!.items_total));
});
