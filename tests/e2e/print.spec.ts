import { expect, test } from './fixtures';
import { ActivityPage } from './pages/activity-page';
import { PrintPage } from './pages/print-page';
import { activeStoreHttp, type StoreHttp } from './support/demo-http';
import { pdfPages, type PdfItem } from './support/pdf-text';

type Line = { sku: string; quantity: number; quantity_shipped: number; quantity_refunded: number };

/** SKU → units left to ship over the orders, from `/orders/{id}/products` (not the inline consignments the app reads). */
async function expectedTotals(http: StoreHttp, orderIds: readonly number[]): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const id of orderIds) {
    const res = await http.request('GET', `/v2/orders/${id}/products?limit=250`);
    for (const l of res.body as Line[]) {
      const left = l.quantity - l.quantity_refunded - l.quantity_shipped;
      if (left > 0) totals.set(l.sku, (totals.get(l.sku) ?? 0) + left);
    }
  }
  return totals;
}

/** The quantity printed on the SKU's row: the number on the same line, under the page's QTY header. */
function quantityOf(page: PdfItem[], sku: PdfItem): number | null {
  const qty = page.find((i) => i.str === 'QTY');
  const orders = page.find((i) => i.str === 'ORDERS');
  if (!qty || !orders) return null;
  const cell = page.find((i) => Math.abs(i.y - sku.y) < 5 && i.x > qty.x - 30 && i.x < orders.x && /^\d+$/.test(i.str));
  return cell ? Number(cell.str) : null;
}

test('a pick list for 20 orders prints, as a PDF, every SKU with the total the store’s own order lines give', async ({ page, shell }) => {
  test.setTimeout(120_000);
  await shell.goTo('Pick lists');
  const print = new PrintPage(page);
  const http = await activeStoreHttp(page);
  const open = (await http.request('GET', '/v2/orders?status_id=11&sort=id:asc&limit=20')).body as Array<{ id: number }>;
  const orderIds = open.map((o) => o.id);
  expect(orderIds).toHaveLength(20);
  const want = await expectedTotals(http, orderIds);

  await print.useOrders(orderIds);
  const units = [...want.values()].reduce((a, b) => a + b, 0);
  await expect(print.summary).toContainText(`${want.size} lines · ${units.toLocaleString('en-US')} units`);
  await expect(print.pickList.getByRole('row')).toHaveCount(want.size + 1);

  const pages = await pdfPages(await print.pdf());
  expect(pages.length).toBeGreaterThan(1); // enough lines to show the header repeating and the page count
  pages.forEach((items, n) => {
    expect(items.some((i) => i.str === 'QTY'), `page ${n + 1} repeats the table header`).toBe(true);
    expect(items.some((i) => i.str === `${n + 1} / ${pages.length}`), `page ${n + 1} is numbered`).toBe(true);
  });
  const printed = new Map<string, number | null>();
  for (const items of pages) for (const item of items) if (want.has(item.str)) printed.set(item.str, quantityOf(items, item));
  expect(printed).toEqual(want);
  expect(pages[0]!.some((i) => i.str === 'Pick list')).toBe(true);
});

test('packing slips print one page per order with its ship-to address; a typo in the order numbers is refused in words', async ({ page, shell }) => {
  await shell.goTo('Pick lists');
  const print = new PrintPage(page);
  await print.chooseDocument('Packing slips');
  await print.orderNumbers.fill('101, 10x');
  await print.options.getByRole('button', { name: 'Use these orders' }).click();
  await expect(print.options.getByRole('alert')).toHaveText('"10x" is not an order number or a range like 105-110.');

  const http = await activeStoreHttp(page);
  const open = (await http.request('GET', '/v2/orders?status_id=11&sort=id:asc&limit=3')).body as Array<{ id: number }>;
  const ids = open.map((o) => o.id);
  await print.useOrders(ids);
  await print.setPaper('Letter');
  for (const id of ids) {
    const shipTo = ((await http.request('GET', `/v2/orders/${id}/shipping_addresses`)).body as Array<{ street_1: string }>)[0]!;
    const slip = print.packingSlips.getByRole('region', { name: `Packing slip for order ${id}` });
    await expect(slip).toContainText(`Order #${id}`);
    await expect(slip).toContainText(shipTo.street_1);
    await expect(slip.getByRole('img', { name: `Barcode ${id}` })).toBeVisible();
  }
  const pages = await pdfPages(await print.pdf());
  // One page per order (a long order runs on to more, without a new slip heading).
  expect(pages.flatMap((items) => items.filter((i) => i.str.startsWith('Order #')).map((i) => i.str))).toEqual(ids.map((id) => `Order #${id}`));
  expect(pages.length).toBeGreaterThanOrEqual(ids.length);
});

test('after printing, the printed orders move to a chosen status as a job, and its undo moves them back', async ({ page, shell }) => {
  test.setTimeout(120_000);
  await shell.goTo('Pick lists');
  const print = new PrintPage(page);
  const http = await activeStoreHttp(page);
  const open = (await http.request('GET', '/v2/orders?status_id=11&sort=id:desc&limit=4')).body as Array<{ id: number }>;
  const ids = open.map((o) => o.id);
  await print.chooseDocument('Packing slips');
  await print.useOrders(ids);
  const statuses = () => Promise.all(ids.map(async (id) => ((await http.request('GET', `/v2/orders/${id}`)).body as { status_id: number }).status_id));

  await print.moveOrdersTo('Awaiting Shipment');
  await expect.poll(statuses, { timeout: 60_000 }).toEqual(ids.map(() => 9));

  await shell.goTo('Activity');
  const activity = new ActivityPage(page);
  const title = 'Printed orders → Awaiting Shipment';
  await activity.expectStatus(title, 'Completed');
  await activity.undo(title);
  await expect.poll(statuses, { timeout: 60_000 }).toEqual(ids.map(() => 11));
});
