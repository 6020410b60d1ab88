import { expect, test } from './fixtures';
import { ProductsPage } from './pages/products-page';
import { StagedPanel } from './pages/staged-panel';
import { activeStoreHttp } from './support/demo-http';
import { rpc } from './support/rpc';

// Stock never goes below 0 by a rule: "−N" on a level under N stops at 0 and the preview says how
// many did, so the review's "stock goes negative" warning is for values main was sent directly.
test('a −N stock rule that would take levels below 0 keeps them at 0, says so in the preview, and the store has exactly that', async ({ shell, page }) => {
  test.setTimeout(120_000);
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  const rows = (await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: 16 })).products;
  const editable = rows.filter((p) => p.inventory_tracking !== 'variant');
  expect(editable.length).toBeGreaterThan(2);
  const levels = editable.map((p) => p.inventory_level).sort((a, b) => a - b);
  const n = Math.max(1, levels[Math.floor(levels.length / 2)]!);
  const clamped = editable.filter((p) => p.inventory_level < n).length;
  const changing = editable.filter((p) => p.inventory_level > 0).length;
  expect(clamped).toBeGreaterThan(0);

  await shell.goTo('Products');
  const grid = new ProductsPage(page);
  const staged = new StagedPanel(page);
  await grid.selectDown(rows[0]!.sku, 'Stock', rows.length);
  await grid.openRules('shortcut');
  await grid.fillRule({ kind: 'Decrease by', amount: String(n), unit: 'amount' });
  await expect(grid.preview()).toContainText(`${changing} of ${rows.length} cells change`);
  await expect(grid.preview()).toContainText(`${clamped} stock ${clamped === 1 ? 'level would go below 0 and stays' : 'levels would go below 0 and stay'} at 0`);
  await grid.stageRule(changing);
  await staged.expectCount(changing);
  const low = editable.find((p) => p.inventory_level > 0 && p.inventory_level < n);
  if (low) await expect(grid.cell(low.sku, 'Stock')).toHaveText('0');

  const dialog = await staged.openReview();
  await expect(dialog.getByRole('region', { name: 'Warnings' })).toHaveCount(0);
  await dialog.getByRole('textbox', { name: 'Job name' }).fill(`Stock −${n}`);
  await dialog.getByRole('button', { name: /^Apply \d+ changes?$/ }).click();
  await staged.expectCount(0);
  const onStore = await (await activeStoreHttp(page)).products(editable.map((p) => p.id));
  expect(editable.map((p) => onStore.get(p.id)!.inventory_level)).toEqual(editable.map((p) => Math.max(0, p.inventory_level - n)));
});
