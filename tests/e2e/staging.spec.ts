import { addPercent } from './support/money';
import { expect, test } from './fixtures';
import { StagedPanel } from './pages/staged-panel';
import { rpc } from './support/rpc';

test('staged changes are listed before they reach the store; Apply runs them as a job and keeps what it could not apply', async ({ shell, page }) => {
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  const { products } = await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: 6 });
  const edits = products.map((p) => ({ entity: 'product' as const, id: p.id, field: 'price', from: p.price, to: addPercent(p.price, 10) }));
  // The merchant saw an old price for the first one: the store no longer has it.
  edits[0]!.from = '0.01';
  // Staged (as the grid will do), not applied: the store is untouched so far.
  await rpc(page, 'staging.stage', { storeId, edits });

  await shell.goTo('Products');
  const staged = new StagedPanel(page);
  const { panel, list: table } = staged;
  await staged.expectCount(6);
  await expect(table.getByRole('row')).toHaveCount(7); // the header and six edits

  // One is discarded from the list.
  await panel.getByRole('button', { name: `Discard: ${products[5]!.name} Price` }).click();
  await staged.expectCount(5);

  // The stale one's "Store had" (0.01) makes +10 % look like a huge rise: the review asks to confirm.
  await staged.apply('Staged prices', { confirmWarnings: true });
  // The four that still matched the store are applied and leave; the stale one stays, with the store's value.
  await staged.expectCount(1);
  await expect(table.getByRole('row').nth(1)).toContainText(`conflict: the store now has ${products[0]!.price}`);
  const prices = async () => (await rpc(page, 'catalog.listProducts', { storeId, ids: products.map((p) => p.id) })).products.map((p) => p.price);
  await expect.poll(prices).toEqual(products.map((p, i) => (i === 0 || i === 5 ? p.price : addPercent(p.price, 10))));

  await shell.goTo('Activity');
  await expect(page.getByRole('row').filter({ hasText: 'Staged prices' })).toContainText('Completed with errors');

  // Staged while the list is not on screen: it is there when the merchant comes back.
  await rpc(page, 'staging.stage', { storeId, edits: [{ entity: 'product', id: products[5]!.id, field: 'price', from: products[5]!.price, to: '9.99' }] });
  await shell.goTo('Products');
  await staged.expectCount(2);
});

test('product edits staged on Products are named by product and SKU on the Customers and Orders screens too', async ({ shell, page }) => {
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  const [product] = (await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: 1 })).products;
  await rpc(page, 'staging.stage', { storeId, edits: [{ entity: 'product', id: product!.id, field: 'price', from: product!.price, to: addPercent(product!.price, 10) }] });
  const staged = new StagedPanel(page);
  for (const section of ['Customers', 'Orders']) {
    // A fresh page each time: the catalog was never read into this one by the Products screen.
    await page.reload();
    await shell.goTo(section);
    await staged.expectCount(1);
    await expect(staged.row(product!.name, 'Price')).toContainText(product!.sku);
  }
});

test('customer group changes staged on Customers are named by customer and group on the Products screen too', async ({ shell, page }) => {
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await rpc(page, 'customers.sync', { storeId, mode: 'refresh' });
  const groups = await rpc(page, 'customers.listGroups', { storeId });
  const customer = (await rpc(page, 'customers.list', { storeId, offset: 0, limit: 50 })).customers.find((c) => groups.some((g) => g.id === c.customer_group_id));
  const from = groups.find((g) => g.id === customer!.customer_group_id)!;
  const to = groups.find((g) => g.id !== customer!.customer_group_id)!;
  await rpc(page, 'staging.stage', { storeId, edits: [{ entity: 'customer', id: customer!.id, field: 'customer_group_id', from: from.id, to: to.id }] });
  // A fresh page: the customers were never read into it by the Customers screen.
  await page.reload();
  await shell.goTo('Products');
  const staged = new StagedPanel(page);
  await staged.expectCount(1);
  const row = staged.row(`${customer!.first_name} ${customer!.last_name}`, 'Customer group');
  await expect(row).toContainText(customer!.email);
  await expect(row).toContainText(from.name);
  await expect(row).toContainText(to.name);
});
