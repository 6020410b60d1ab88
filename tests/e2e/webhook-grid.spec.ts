import { expect, test } from './fixtures';
import { ProductsGridPage } from './pages/products-grid';
import { WebhooksPage } from './pages/webhooks-page';
import { changeOnStore, useStandaloneDemoStore } from './support/demo-store-cli';
import { rpc } from './support/rpc';

// The receiver's secret lives only in the OS keychain: without one there is nothing to authenticate with.
test.skip(process.env.STOCKROOM_PRIVATE_KEYRING !== '1', 'webhook e2e tests need the private gnome-keyring that `npm test` starts');

const externalStore = useStandaloneDemoStore(test, 'e2e-webhook-grid');


test('a change made on the store reaches the open Products grid by itself; a staged edit on a changed row stays, with the store’s new value beside it', async ({ shell, page }) => {
  const store = externalStore();
  const list = await rpc(page, 'stores.add', { name: 'Live grid (e2e)', storeHash: store.storeHash, token: store.token, apiOrigin: store.apiUrl });
  const storeId = list.stores.find((s) => s.name === 'Live grid (e2e)')!.id;
  await shell.switchStore(/Live grid \(e2e\)/);
  await shell.goTo('Webhooks');
  const hooks = new WebhooksPage(page);
  await hooks.create('store/product/updated');
  await expect(hooks.row('store/product/updated')).toContainText('Active');

  await rpc(page, 'catalog.sync', { storeId: storeId, mode: 'refresh' });
  const [first, second] = (await rpc(page, 'catalog.listProducts', { storeId: storeId, offset: 0, limit: 2 })).products;
  await shell.goTo('Products');
  const grid = new ProductsGridPage(page);
  const price = grid.cell(first!.sku, 'Price');
  await expect(price).toHaveText(first!.price);

  // Nobody reloads: the delivery names the product, main fetches that one row, the grid paints it.
  await changeOnStore(externalStore(), `/v3/catalog/products/${first!.id}`, { price: 19.5 });
  await expect(price).toHaveText('19.50', { timeout: 5000 });
  await expect.poll(() => grid.isStaged(price)).toBe(false);

  // A staged edit is the merchant's: the store's newer value shows beside it, the edit stays.
  await grid.type(second!.sku, 'Price', '30.00');
  const staged = grid.cell(second!.sku, 'Price');
  await expect.poll(() => grid.isStaged(staged)).toBe(true);
  await changeOnStore(externalStore(), `/v3/catalog/products/${second!.id}`, { price: 21 });
  await expect(grid.notes(second!.sku)).toHaveText('The store now has 21.00', { timeout: 5000 });
  await expect(staged).toHaveText('30.00');
  await expect(staged).toHaveAttribute('aria-description', 'staged, the store changed');
});
