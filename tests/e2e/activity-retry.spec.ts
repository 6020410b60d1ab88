import { expect, test } from './fixtures';
import { ActivityPage } from './pages/activity-page';
import { addPercent } from './support/money';
import { rpc } from './support/rpc';

test('Retry failed re-runs the row the store refused, once its cause is fixed, as a new job shown in Activity', async ({ shell, page }) => {
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  const { products } = await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: 10 });
  const [taker, owner, other] = products;
  const takenName = owner!.name;

  await shell.goTo('Activity');
  const activity = new ActivityPage(page);
  // Names are unique in a store and this one is still another product's: the store refuses that row
  // (409), the price row is applied. (A taken SKU would not get this far: main refuses it before any job.)
  await rpc(page, 'jobs.start', {
    storeId,
    title: 'Name move',
    edits: [
      { entity: 'product', id: taker!.id, field: 'name', from: taker!.name, to: takenName },
      { entity: 'product', id: other!.id, field: 'price', from: other!.price, to: addPercent(other!.price, 10) },
    ],
  });
  await activity.expectStatus(/^Name move/, 'Completed with errors');
  await expect(activity.retryFailedButton(/^Name move/)).toHaveText('Retry failed (1)');

  // The operator frees the name, then retries.
  await rpc(page, 'jobs.start', { storeId, title: 'Free the name', edits: [{ entity: 'product', id: owner!.id, field: 'name', from: takenName, to: `${takenName} (old)` }] });
  await activity.expectStatus('Free the name', 'Completed');
  await activity.retryFailedButton(/^Name move/).click();

  await expect(page.getByRole('status').filter({ hasText: 'Started “Retry: Name move” (1 row)' })).toBeVisible();
  await activity.expectStatus('Retry: Name move', 'Completed');
  await expect(activity.row('Retry: Name move')).not.toContainText('with errors');
  await expect(activity.retryFailedButton('Retry: Name move')).toHaveCount(0);
  // The new job is the one shown, with its origin and its one applied row.
  const results = page.getByRole('region', { name: 'Results of Retry: Name move' });
  await expect(results).toContainText('Retry of Name move');
  await results.getByRole('tab', { name: 'all' }).click();
  await expect(results.getByRole('row').filter({ hasText: `product ${taker!.id}` })).toContainText('applied');

  const jobs = await rpc(page, 'jobs.list', { storeId });
  const source = jobs.find((j) => j.title === 'Name move')!;
  expect(jobs.find((j) => j.title === 'Retry: Name move')).toMatchObject({ kind: 'retry', retryOf: source.id, total: 1, done: 1 });
  await rpc(page, 'catalog.sync', { storeId, mode: 'full' });
  const after = await rpc(page, 'catalog.listProducts', { storeId, ids: [taker!.id, owner!.id] });
  const nameOf = (id: number) => after.products.find((p) => p.id === id)?.name;
  expect([nameOf(taker!.id), nameOf(owner!.id)]).toEqual([takenName, `${takenName} (old)`]);
});

test('Overwrite conflicts, from the results where the store values are listed, writes over exactly those values', async ({ shell, page }) => {
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  const { products } = await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: 3 });
  const edits = products.map((p) => ({ entity: 'product' as const, id: p.id, field: 'price', from: p.price, to: addPercent(p.price, 10) }));
  // The grid's value is stale for the first row: the store has products[0].price, not 0.01.
  edits[0]!.from = '0.01';

  await shell.goTo('Activity');
  const activity = new ActivityPage(page);
  await rpc(page, 'jobs.start', { storeId, title: 'Prices up', edits });
  await activity.expectStatus(/^Prices up/, 'Completed with errors');
  await expect(activity.retryFailedButton(/^Prices up/)).toHaveCount(0);
  const results = await activity.openResults('Prices up');
  await expect(results.getByRole('row').filter({ hasText: 'conflict' })).toContainText(`store now has ${products[0]!.price}`);

  page.once('dialog', (d) => void d.accept());
  await results.getByRole('button', { name: 'Overwrite conflicts (1)' }).click();
  await activity.expectStatus('Retry conflicts: Prices up', 'Completed');
  await expect(page.getByRole('region', { name: 'Results of Retry conflicts: Prices up' })).toContainText('Retry of Prices up');
  const retried = (await rpc(page, 'jobs.list', { storeId })).find((j) => j.title === 'Retry conflicts: Prices up')!;
  const detail = await rpc(page, 'jobs.get', { jobId: retried.id });
  // `from` is now the store's value as the conflict reported it ("70" for the grid's "70.00").
  expect(detail.rows.map((r) => [Number(r.edit.from), r.edit.to, r.status])).toEqual([[Number(products[0]!.price), edits[0]!.to, 'applied']]);
  const prices = async () => (await rpc(page, 'catalog.listProducts', { storeId, ids: products.map((p) => p.id) })).products.map((p) => p.price);
  await expect.poll(prices).toEqual(products.map((p) => addPercent(p.price, 10)));
});
