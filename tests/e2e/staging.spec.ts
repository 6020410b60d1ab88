import { addPercent } from './support/money';
import { expect, test } from './fixtures';
import { ActivityPage } from './pages/activity-page';
import { StagingPanel } from './pages/staging-panel';
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
  const panel = new StagingPanel(page);
  await panel.expectCount('6 changes');
  await expect(panel.edits.getByRole('row')).toHaveCount(7); // the header and six edits

  // One is discarded from the list.
  await panel.discard(`product:${products[5]!.id}:price`);
  await panel.expectCount('5 changes');

  await expect(panel.root.getByRole('button', { name: /Apply 5 changes/ })).toBeEnabled();
  await panel.apply('Staged prices');
  // The four that still matched the store are applied and leave; the stale one stays, with the store's value.
  await panel.expectCount('1 change', 15_000);
  await expect(panel.edit(0)).toContainText(`conflict: store now has ${products[0]!.price}`);
  const prices = async () => (await rpc(page, 'catalog.listProducts', { storeId, ids: products.map((p) => p.id) })).products.map((p) => p.price);
  await expect.poll(prices).toEqual(products.map((p, i) => (i === 0 || i === 5 ? p.price : addPercent(p.price, 10))));

  await shell.goTo('Activity');
  await new ActivityPage(page).expectStatus('Staged prices', 'Completed with errors');

  // Staged while the list is not on screen: it is there when the merchant comes back.
  await rpc(page, 'staging.stage', { storeId, edits: [{ entity: 'product', id: products[5]!.id, field: 'price', from: products[5]!.price, to: '9.99' }] });
  await shell.goTo('Products');
  await panel.expectCount('2 changes');
});
