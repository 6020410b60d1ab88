import { expect, startBrowserMode, stopBrowserMode, test } from './fixtures';
import { ShellPage } from './pages/shell-page';

test('loads the catalog of the active store, shows progress, then keeps it across a restart', async ({ shell, page, app, context }) => {
  await shell.goTo('Products');
  const panel = page.getByLabel('Catalog cache');
  await expect(panel).toContainText('has not been loaded');
  await panel.getByRole('button', { name: 'Load catalog' }).click();
  await expect(panel.getByRole('status', { name: 'Catalog sync progress' })).toBeVisible();
  await expect(panel).toContainText(/2,000\s*products/, { timeout: 60_000 });
  await expect(panel).toContainText(/[\d,]+\s*variants/);

  // A refresh is a delta: same counts, no full reload.
  await panel.getByRole('button', { name: 'Refresh' }).click();
  await expect(panel).toContainText(/2,000\s*products/);

  // The other store has its own cache, empty so far.
  await shell.switchStore(/Havelberg/);
  await expect(panel).toContainText('has not been loaded');
  await shell.switchStore(/Northwind/);
  await expect(panel).toContainText(/2,000\s*products/);

  // Restart Stockroom on the same data dir: the catalog shows from the local cache at once.
  await stopBrowserMode(app);
  const again = await startBrowserMode(app.dataDir);
  try {
    const page2 = await context.newPage();
    const shell2 = new ShellPage(page2);
    await shell2.open(again.launchUrl);
    await shell2.goTo('Products');
    await expect(page2.getByLabel('Catalog cache')).toContainText(/2,000\s*products/);
  } finally {
    await stopBrowserMode(again);
  }
});
