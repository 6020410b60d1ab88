import { expect, test } from './fixtures';
import { ActivityPage } from './pages/activity-page';
import { AuthoringPage } from './pages/authoring-page';
import { activeStoreHttp } from './support/demo-http';
import { rpc } from './support/rpc';

type Raw = Record<string, unknown>;

test('quick entry: two products typed into the new row are staged, shown pending, applied, and found on the store', async ({ shell, page }) => {
  test.setTimeout(120_000);
  const http = await activeStoreHttp(page);
  await rpc(page, 'catalog.sync', { storeId: http.storeId, mode: 'refresh' });
  const bySku = async (sku: string) => ((await http.request('GET', `/v3/catalog/products?sku=${sku}`)).body as { data: Raw[] }).data;
  await shell.goTo('Products');
  const products = new AuthoringPage(page);

  // A SKU the catalog has is refused beside its cell, and nothing is staged or sent.
  const [taken] = (await rpc(page, 'catalog.listProducts', { storeId: http.storeId, offset: 0, limit: 1 })).products;
  await products.typeNewRow({ name: 'Quick Jug', sku: taken!.sku, price: '9.50' });
  await expect(products.newRowProblem()).toContainText(/is already used by/);
  await expect(products.newRowInput('SKU')).toHaveAttribute('aria-invalid', 'true');
  expect((await rpc(page, 'authoring.list', { storeId: http.storeId })).changes).toEqual([]);

  await products.newRowInput('SKU').fill('QE-JUG');
  await products.newRowInput('SKU').press('Enter');
  await expect(products.pendingRow(/New product “Quick Jug” \(QE-JUG\)/)).toBeVisible();
  // The row is cleared for the next one; a SKU that a staged create takes is refused too.
  await expect(products.newRowInput('Name')).toHaveValue('');
  await products.typeNewRow({ name: 'Quick Bowl', sku: 'qe-jug', price: '4' });
  await expect(products.newRowProblem()).toContainText(/already taken by new product “Quick Jug”, staged/);
  await products.newRowInput('SKU').fill('QE-BOWL');
  await products.newRowInput('Stock').fill('12');
  await products.newRowInput('SKU').press('Enter');
  await expect(products.pendingRow(/New product “Quick Bowl” \(QE-BOWL\)/)).toBeVisible();
  await products.expectCatalogStaged(2);
  await expect(products.changes.getByRole('list', { name: 'Staged catalog changes' })).toContainText('Quick Bowl');

  await products.applyChanges();
  await products.expectLastJob('Create 2 products', 'completed');
  await expect(products.pendingRow(/Quick Jug/)).toHaveCount(0);
  const [jug] = await bySku('QE-JUG');
  const [bowl] = await bySku('QE-BOWL');
  expect(jug).toMatchObject({ name: 'Quick Jug', price: 9.5 });
  expect(bowl).toMatchObject({ name: 'Quick Bowl', price: 4, inventory_level: 12 });
});

test('a create and a delete run as jobs in Activity, with progress, and are undone there', async ({ shell, page }) => {
  test.setTimeout(120_000);
  const http = await activeStoreHttp(page);
  await rpc(page, 'catalog.sync', { storeId: http.storeId, mode: 'refresh' });
  const read = async (path: string) => (await http.request('GET', path)).body as { data: Raw[] };
  await shell.goTo('Products');
  const products = new AuthoringPage(page);
  const activity = new ActivityPage(page);

  await products.typeNewRow({ name: 'Activity Crate', sku: 'ACT-CRATE', price: '15' });
  await products.expectCatalogStaged(1);
  await products.applyChanges();
  await products.expectLastJob('Create 1 product', 'completed');
  await shell.goTo('Activity');
  await activity.expectStatus('Create 1 product', 'Completed');
  await expect(activity.row('Create 1 product').getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
  const results = await activity.openResults('Create 1 product');
  await expect(results.getByRole('row').filter({ hasText: 'New product “Activity Crate” (ACT-CRATE)' })).toContainText('applied');
  await activity.undo('Create 1 product');
  await activity.expectStatus('Undo: Create 1 product', 'Completed');
  expect((await read('/v3/catalog/products?sku=ACT-CRATE')).data).toEqual([]);

  // A product with custom fields (every third seeded one has some) is deleted, then undone from Activity.
  const withFields = (await read('/v3/catalog/products?include=custom_fields&limit=10')).data.find((p) => (p.custom_fields as Raw[]).length > 0)!;
  await shell.goTo('Products');
  const confirm = await products.openDelete(String(withFields.sku));
  await confirm.getByRole('button', { name: 'Stage delete of 1 product' }).click();
  await products.expectCatalogStaged(1);
  await products.applyChanges();
  await products.expectLastJob('Delete 1 product', 'completed');
  expect((await read(`/v3/catalog/products?sku=${String(withFields.sku)}`)).data).toEqual([]);
  await shell.goTo('Activity');
  await activity.expectStatus('Delete 1 product', 'Completed');
  await activity.undo('Delete 1 product');
  await activity.expectStatus('Undo: Delete 1 product', 'Completed');
  const [back] = (await read(`/v3/catalog/products?sku=${String(withFields.sku)}&include=custom_fields`)).data;
  expect(back!.id).not.toBe(withFields.id);
  const pairs = (p: Raw) => (p.custom_fields as Raw[]).map((f) => `${String(f.name)}=${String(f.value)}`).sort();
  expect(pairs(back!)).toEqual(pairs(withFields));
});
