import { addPercent } from './support/money';
import { expect, test } from './fixtures';
import { ActivityPage } from './pages/activity-page';
import { rpc } from './support/rpc';

test('a bulk job shows live in Activity with per-row results, and Undo restores every row', async ({ shell, page }) => {
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  const { products } = await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: 40 });
  const edits = products.map((p) => ({ entity: 'product' as const, id: p.id, field: 'price', from: p.price, to: addPercent(p.price, 10) }));
  // One edit whose expected value is stale: the job must report the conflict, not overwrite.
  edits[0]!.from = '0.01';

  await shell.goTo('Activity');
  await rpc(page, 'jobs.start', { storeId, title: 'Prices +10 %', edits });
  const activity = new ActivityPage(page);
  await activity.expectStatus('Prices +10 %', 'Completed with errors');
  await expect(activity.row('Prices +10 %')).toContainText('39');
  await expect(shell.statusBar.getByTestId('status-jobs')).toContainText('none running');

  const results = await activity.openResults('Prices +10 %');
  await expect(results.getByRole('row').filter({ hasText: 'conflict' })).toContainText(`store now has ${products[0]!.price}`);

  // The local catalog is patched with what the job wrote (no refetch needed).
  const prices = async () => (await rpc(page, 'catalog.listProducts', { storeId, ids: products.map((p) => p.id) })).products.map((p) => p.price);
  await expect.poll(prices).toEqual(products.map((p, i) => (i === 0 ? p.price : addPercent(p.price, 10))));

  await activity.undo('Prices +10 %');
  await activity.expectStatus('Undo: Prices +10 %', 'Completed');
  await expect(activity.row('Undo: Prices +10 %')).not.toContainText('with errors');
  await expect.poll(prices).toEqual(products.map((p) => p.price));
  // And the store itself agrees: a refresh from BigCommerce changes nothing.
  await rpc(page, 'catalog.sync', { storeId, mode: 'full' });
  expect(await prices()).toEqual(products.map((p) => p.price));
});

test('rejects a job whose edits are invalid, naming the field, and sends nothing', async ({ shell, page }) => {
  await expect(shell.storeItems.first()).toBeVisible();
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await expect(rpc(page, 'jobs.start', { storeId, title: 'Bad', edits: [{ entity: 'product', id: 1, field: 'price', from: '1.00', to: 'abc' }] })).rejects.toThrow(/VALIDATION.*edits\.0\.to/);
  expect(await rpc(page, 'jobs.list', { storeId })).toEqual([]);
});
