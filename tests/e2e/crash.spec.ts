import { addPercent } from './support/money';
import { expect, startBrowserMode, stopBrowserMode, test } from './fixtures';
import { ActivityPage } from './pages/activity-page';
import { ShellPage } from './pages/shell-page';
import { rpc } from './support/rpc';

test('a job cut off by a crash shows as interrupted after restart, and Resume finishes it with nothing lost', async ({ shell, page, app, context }) => {
  test.setTimeout(180_000);
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  // 1,600 products = 160 batch writes: more than one 150-request window of the demo store's
  // Standard quota, so the job is still running when the process is killed.
  const { products } = await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: 1600 });
  const edits = products.map((p) => ({ entity: 'product' as const, id: p.id, field: 'price', from: p.price, to: addPercent(p.price, 7) }));
  await shell.goTo('Activity');
  await rpc(page, 'jobs.start', { storeId, title: 'Prices +7 %', edits });
  const activity = new ActivityPage(page);
  await expect(activity.row('Prices +7 %').getByRole('progressbar')).toHaveAttribute('aria-valuenow', /^[1-9]\d*$/, { timeout: 60_000 });

  app.process.kill('SIGKILL');
  await new Promise((resolve) => app.process.once('exit', resolve));

  const again = await startBrowserMode(app.dataDir);
  try {
    const page2 = await context.newPage();
    const shell2 = new ShellPage(page2);
    await shell2.open(again.launchUrl);
    await shell2.goTo('Activity');
    const activity2 = new ActivityPage(page2);
    await activity2.expectStatus('Prices +7 %', 'Interrupted');
    const interrupted = (await rpc(page2, 'jobs.list', { storeId }))[0]!;
    expect(interrupted.done).toBeGreaterThan(0);
    expect(interrupted.done + interrupted.pending).toBe(1600);

    await activity2.row('Prices +7 %').getByRole('button', { name: 'Resume' }).click();
    await activity2.expectStatus('Prices +7 %', 'Completed');
    const finished = (await rpc(page2, 'jobs.get', { jobId: interrupted.id }));
    expect(finished.rows.every((r) => r.status === 'applied')).toBe(true);

    // Read every row back from the store itself.
    await rpc(page2, 'catalog.sync', { storeId, mode: 'full' });
    const after = await rpc(page2, 'catalog.listProducts', { storeId, ids: products.map((p) => p.id) });
    expect(after.products.map((p) => p.price)).toEqual(products.map((p) => addPercent(p.price, 7)));
  } finally {
    await stopBrowserMode(again);
  }
});
