import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startBrowserMode, stopBrowserMode, test } from './fixtures';
import { ShellPage } from './pages/shell-page';
import { WebhooksPage } from './pages/webhooks-page';
import { changeOnStore, useStandaloneDemoStore } from './support/demo-store-cli';
import { rpc } from './support/rpc';

// The receiver's secret lives only in the OS keychain: without one there is nothing to authenticate with.
test.skip(process.env.STOCKROOM_PRIVATE_KEYRING !== '1', 'webhook e2e tests need the private gnome-keyring that `npm test` starts');

const externalStore = useStandaloneDemoStore(test, 'e2e-webhooks');


test('a demo store delivers to the receiver out of the box', async ({ shell, page }) => {
  await shell.goTo('Webhooks');
  const screen = new WebhooksPage(page);
  await expect(screen.receiver).toContainText('on this computer only');
  // The hooks are set up in the background at start; Refresh shows them once they exist.
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(screen.row('store/product/*')).toContainText('Active', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  for (const scope of ['store/sku/*', 'store/order/*', 'store/customer/*']) await expect(screen.row(scope)).toContainText('Stockroom');
});

test('a store/product/updated hook made on the screen brings a change on the store into the live feed', async ({ shell, page }) => {
  const store = externalStore();
  await rpc(page, 'stores.add', { name: 'Hooked (e2e)', storeHash: store.storeHash, token: store.token, apiOrigin: store.apiUrl });
  await shell.switchStore(/Hooked \(e2e\)/);
  await shell.goTo('Webhooks');
  const screen = new WebhooksPage(page);
  await expect(page.getByText('no webhooks for Stockroom’s API account yet')).toBeVisible();

  await screen.create('store/product/updated', { headers: 'X-Team: e2e' });
  await expect(screen.row('store/product/updated')).toContainText('Active');
  await expect(screen.row('store/product/updated')).toContainText('Stockroom');

  await changeOnStore(externalStore(), '/v3/catalog/products/7', { price: 19.5 });
  const item = screen.events.getByRole('listitem').filter({ hasText: 'store/product/updated' }).filter({ hasText: 'product #7' });
  await expect(item).toBeVisible({ timeout: 5000 });

  await changeOnStore(externalStore(), '/v3/catalog/products/8', { price: 21 });
  await expect(screen.events.getByRole('listitem').first()).toContainText('product #8', { timeout: 5000 });

  // Without the secret header the receiver refuses a delivery, and nothing reaches the feed.
  const refused = await fetch(await screen.receiverUrl(), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scope: 'store/product/updated', data: { type: 'product', id: 9 }, hash: 'e'.repeat(40), created_at: 1 }),
  });
  expect(refused.status).toBe(401);
  await expect(screen.events.getByRole('listitem').filter({ hasText: 'product #9' })).toHaveCount(0);

  await screen.toggle('store/product/updated', 'Deactivate');
  await expect(screen.row('store/product/updated')).toContainText('Inactive');
  await expect(screen.inactiveAlert).toBeVisible();
  await screen.inactiveAlert.getByRole('button', { name: 'Reactivate it' }).click();
  await expect(screen.row('store/product/updated')).toContainText('Active');
  await screen.delete('store/product/updated');
});

test('a store on the internet is told it needs a public URL, and hooks to the receiver then go there', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-e2e-'));
  // A real store's profile as the app saves it; it is never called (no token), so no network is needed.
  const profile = { id: 'st-live01', name: 'Acme Live', storeHash: 'abc123', apiOrigin: 'https://api.bigcommerce.invalid', color: '#059669', demoIndex: null, connection: null };
  await writeFile(join(dataDir, 'profiles.json'), JSON.stringify({ version: 1, activeStoreId: profile.id, profiles: [profile] }));
  const app = await startBrowserMode(dataDir);
  try {
    const shell = new ShellPage(page);
    await shell.open(app.launchUrl);
    await shell.goTo('Webhooks');
    const screen = new WebhooksPage(page);
    await expect(screen.receiver).toContainText('cannot reach 127.0.0.1');
    const toReceiver = screen.createForm.getByRole('radio', { name: /Stockroom’s receiver/ });
    await expect(toReceiver).toBeDisabled();
    await screen.receiver.getByLabel('Public URL that forwards to the receiver').fill('http://insecure.example.com');
    await screen.receiver.getByRole('button', { name: 'Save public URL' }).click();
    await expect(screen.receiver.getByRole('alert')).toContainText('https://');
    await screen.receiver.getByLabel('Public URL that forwards to the receiver').fill('https://hooks.example.com');
    await screen.receiver.getByRole('button', { name: 'Save public URL' }).click();
    await expect(toReceiver).toBeEnabled();
    await expect(screen.createForm).toContainText('https://hooks.example.com/webhooks/st-live01');
  } finally {
    await stopBrowserMode(app);
    await rm(dataDir, { recursive: true, force: true });
  }
});
