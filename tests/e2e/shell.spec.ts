import { expect, test } from './fixtures';

test('opens the console on the demo stores and switches between them', async ({ shell, page }) => {
  await expect(page).toHaveTitle('Stockroom');
  // The token is swapped for a cookie and leaves the address bar.
  expect(page.url()).not.toContain('token=');
  const storeButtons = shell.storeItems;
  await expect(storeButtons).toHaveCount(2);
  const first = storeButtons.nth(0);
  const second = storeButtons.nth(1);
  await expect(first).toHaveAttribute('aria-current', 'true');
  await second.click();
  await expect(second).toHaveAttribute('aria-current', 'true');
  await expect(first).not.toHaveAttribute('aria-current', 'true');
  // The button's accessible name is the store's name (plan, currency and budget are its description).
  await expect(shell.statusBar.getByTestId('status-store')).toContainText((await second.getAttribute('aria-label')) ?? '');
});

test('navigates every section', async ({ shell }) => {
  for (const section of ['Products', 'Orders', 'Customers', 'Pick lists', 'Webhooks', 'Activity']) {
    await shell.goTo(section);
  }
  await expect(shell.statusBar).toContainText('browser mode');
});

test('keeps the active store across a reload (it lives in main, not the page)', async ({ shell, page }) => {
  const second = shell.storeItems.nth(1);
  await second.click();
  await expect(second).toHaveAttribute('aria-current', 'true');
  await page.reload();
  await expect(shell.storeItems.nth(1)).toHaveAttribute('aria-current', 'true');
});

test('without the session cookie the server answers 401', async ({ app, browser }) => {
  const context = await browser.newContext();
  const response = await context.request.get(app.origin + '/');
  expect(response.status()).toBe(401);
  await context.close();
});

test('a browser session whose cookie is gone says so once, in words, not as a store refusing its token', async ({ shell, page, context }) => {
  await shell.goTo('Products');
  await context.clearCookies();
  const panel = page.getByLabel('Catalog cache');
  await panel.getByRole('button', { name: 'Load catalog' }).click();
  await panel.getByRole('button', { name: 'Load catalog' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'This browser session has expired — reopen the link Stockroom printed.' });
  await expect(notice).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Notifications' })).not.toContainText(/AUTH|refused/);
});
