import type { Page } from '@playwright/test';
import Big from 'big.js';
import { expect, test } from './fixtures';
import { ComparePage } from './pages/compare-page';
import { ProductsGridPage } from './pages/products-grid';
import { StagedPanel } from './pages/staged-panel';
import { demoStoreHttp, moneyText } from './support/demo-http';
import { rpc } from './support/rpc';

const ONE = 'Northwind Apparel & Home';
const TWO = 'Havelberg Haus & Mode';

async function loadCatalog(page: Page, storeId: string, count: number) {
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  return (await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: count })).products;
}

test('staged edits, filters and the review panel stay with their store; Ctrl+1 and Ctrl+2 switch', async ({ shell, page }) => {
  test.setTimeout(120_000);
  const [one, two] = await Promise.all([loadCatalog(page, 'demo-1', 50), loadCatalog(page, 'demo-2', 50)]);
  // A SKU both stores sell: the edit staged on one must not show on the other's row.
  const product = one.find((p) => two.some((q) => q.sku === p.sku))!;
  const theirs = two.find((q) => q.sku === product.sku)!;
  await shell.goTo('Products');
  const grid = new ProductsGridPage(page);
  const staged = new StagedPanel(page);
  await expect(shell.activeStore()).toHaveText(ONE);

  await grid.show(product.sku);
  await grid.type(product.sku, 'Price', '123.45');
  await staged.expectCount(1);
  await expect(staged.panel.getByLabel(`Applies to ${ONE}`)).toBeVisible();
  await grid.show('zzz-only-here');

  await shell.switchByShortcut(2, TWO);
  await expect(shell.activeStore()).toHaveText(TWO);
  await expect(shell.statusBar.getByTestId('status-store')).toContainText(TWO);
  await staged.expectCount(0);
  await expect(staged.panel.getByLabel(`Applies to ${TWO}`)).toBeVisible();
  await expect(grid.quickFilter).toHaveValue('');
  await grid.show(product.sku);
  await expect(grid.cell(product.sku, 'Price')).toHaveText(theirs.price);
  expect(await grid.isStaged(grid.cell(product.sku, 'Price'))).toBe(false);
  await grid.show('');

  await shell.switchByShortcut(1, ONE);
  await staged.expectCount(1);
  await expect(grid.quickFilter).toHaveValue('zzz-only-here');
  await grid.show(product.sku);
  await expect(grid.cell(product.sku, 'Price')).toHaveText('123.45');
  await expect(staged.row(product.name, 'Price')).toBeVisible();
});

type Product = Awaited<ReturnType<typeof loadCatalog>>[number];

/** SKUs both stores have, as [store 1's product, store 2's], for products with no variants of their own. */
function sharedSimple(one: readonly Product[], two: readonly Product[], keep: (a: Product, b: Product) => boolean): Array<[Product, Product]> {
  const other = new Map(two.map((p) => [p.sku, p]));
  const simple = (p: Product) => p.variants.length <= 1;
  return one.flatMap((a) => {
    const b = other.get(a.sku);
    return b && simple(a) && simple(b) && keep(a, b) ? [[a, b] as [Product, Product]] : [];
  });
}

test('copies stock of 10 SKUs from one store to the other as staged edits, applied on the target and read back from the store', async ({ shell, page }) => {
  test.setTimeout(180_000);
  const [one, two] = await Promise.all([loadCatalog(page, 'demo-1', 400), loadCatalog(page, 'demo-2', 400)]);
  // The demo stores share part of their catalog, with drifted stock: 10 SKUs both track by product and count differently.
  const tracked = (p: Product) => p.inventory_tracking === 'product';
  const pairs = sharedSimple(one, two, (a, b) => tracked(a) && tracked(b) && a.inventory_level !== b.inventory_level).slice(0, 10);
  expect(pairs).toHaveLength(10);
  const [sources, targets] = [pairs.map(([a]) => a), pairs.map(([, b]) => b)];
  const storeTwo = await demoStoreHttp(page, 'demo-2');

  await shell.goTo('Compare');
  const compare = new ComparePage(page);
  // Out of the box, the default view (every SKU the two share) already shows the difference.
  await compare.compare([ONE, TWO]);
  await expect(compare.summary).toContainText(/^[1-9][\d,]{3,} SKUs · [1-9][\d,]* differ$/);
  const [all, differ] = ((await compare.summary.textContent()) ?? '').match(/[\d,]+/g)!.map((n) => Number(n.replace(/,/g, '')));
  expect(differ).toBeLessThan(all!);
  await compare.grid.expectRowsShown(all!, all!);
  await page.getByRole('checkbox', { name: 'Only the SKUs that differ' }).check();
  await compare.grid.expectRowsShown(differ!, differ!);
  await compare.grid.show(sources[0]!.sku);
  await expect(compare.grid.cell(sources[0]!.sku, 'Stock · Havelberg')).toHaveText(String(targets[0]!.inventory_level));
  await expect(compare.grid.cell(sources[0]!.sku, 'Stock · Havelberg')).toHaveAttribute('aria-description', 'stock differs');
  await expect(compare.grid.cell(sources[0]!.sku, 'USD · Northwind')).toHaveText(sources[0]!.price);
  await expect(compare.grid.cell(sources[0]!.sku, 'EUR · Havelberg')).toHaveText(targets[0]!.price);
  await compare.grid.show('');

  await compare.compare([ONE, TWO], sources.map((p) => p.sku));
  await compare.expectRows(10);
  // Prices cross currencies only with a factor.
  const priceOnly = await compare.fillCopy({ from: ONE, to: TWO, price: true });
  await compare.selectAll();
  await expect(priceOnly).toBeDisabled();
  await expect(compare.copy).toContainText('USD → EUR: give the factor');

  const stage = await compare.fillCopy({ from: ONE, to: TWO, stock: true });
  await expect(stage).toHaveText(`Stage 10 SKUs on ${TWO}`);
  await stage.click();
  await expect(compare.copy.getByRole('status')).toContainText(`Staged 10 changes on ${TWO}`);
  await compare.copy.getByRole('button', { name: `Review and apply on ${TWO}` }).click();

  await expect(shell.storeButton(TWO)).toHaveAttribute('aria-current', 'true');
  await expect(shell.title).toHaveText('Products');
  const staged = new StagedPanel(page);
  await staged.expectCount(10);
  await expect(staged.panel.getByLabel(`Applies to ${TWO}`)).toBeVisible();
  const dialog = await staged.openReview();
  await expect(dialog).toHaveAccessibleName(`Apply 10 changes to ${TWO}`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await staged.apply('Stock from Northwind');
  await staged.expectCount(0);

  const onStore = await storeTwo.products(targets.map((t) => t.id));
  expect(targets.map((t) => onStore.get(t.id)!.inventory_level)).toEqual(sources.map((s) => s.inventory_level));
});

test('copies price of 5 SKUs from the USD store to the EUR one with an explicit factor, applied on the target and read back from the store', async ({ shell, page }) => {
  test.setTimeout(180_000);
  const [one, two] = await Promise.all([loadCatalog(page, 'demo-1', 400), loadCatalog(page, 'demo-2', 400)]);
  const factor = '0.9';
  const converted = (usd: string) => new Big(usd).times(factor).round(2, Big.roundHalfUp).toFixed(2);
  const pairs = sharedSimple(one, two, (a, b) => converted(a.price) !== b.price).slice(0, 5);
  expect(pairs).toHaveLength(5);
  const [sources, targets] = [pairs.map(([a]) => a), pairs.map(([, b]) => b)];
  const storeTwo = await demoStoreHttp(page, 'demo-2');

  await shell.goTo('Compare');
  const compare = new ComparePage(page);
  await compare.compare([ONE, TWO], sources.map((p) => p.sku));
  await compare.expectRows(5);
  await expect(compare.grid.cell(sources[0]!.sku, 'EUR · Havelberg')).toHaveText(targets[0]!.price);
  await compare.selectAll();
  const stage = await compare.fillCopy({ from: ONE, to: TWO, price: true, factor });
  await expect(stage).toHaveText(`Stage 5 SKUs on ${TWO}`);
  await stage.click();
  await expect(compare.copy.getByRole('status')).toContainText(`Staged 5 changes on ${TWO}`);
  await compare.copy.getByRole('button', { name: `Review and apply on ${TWO}` }).click();

  await expect(shell.storeButton(TWO)).toHaveAttribute('aria-current', 'true');
  const grid = new ProductsGridPage(page);
  await grid.show(sources[0]!.sku);
  await expect(grid.cell(sources[0]!.sku, 'Price')).toHaveText(converted(sources[0]!.price));
  const staged = new StagedPanel(page);
  await staged.expectCount(5);
  await staged.apply('Prices from Northwind × 0.9');
  await staged.expectCount(0);

  const onStore = await storeTwo.products(targets.map((t) => t.id));
  expect(targets.map((t) => moneyText(onStore.get(t.id)!.price))).toEqual(sources.map((s) => converted(s.price)));
});

test('switching stores brings back each store’s selected cell and scroll position', async ({ shell, page }) => {
  test.setTimeout(120_000);
  await Promise.all([loadCatalog(page, 'demo-1', 1), loadCatalog(page, 'demo-2', 1)]);
  await shell.goTo('Products');
  const grid = new ProductsGridPage(page);
  const leave = async (by: number, column: string) => {
    await grid.scrollRows(by);
    const top = await grid.firstVisibleSku();
    const skus = await grid.skus();
    const chosen = skus[skus.indexOf(top) + 4]!;
    await grid.select(chosen, column);
    await grid.expectActiveCell(chosen, column);
    return { top, chosen, column };
  };
  const expectBack = async (at: { top: string; chosen: string; column: string }) => {
    await expect.poll(() => grid.firstVisibleSku()).toBe(at.top);
    await grid.expectActiveCell(at.chosen, at.column);
  };

  const first = await leave(6000, 'Price');
  await shell.switchByShortcut(2, TWO);
  await expect.poll(() => grid.firstVisibleSku()).not.toBe(first.top);
  const second = await leave(2400, 'Name');
  expect(second.top).not.toBe(first.top);

  await shell.switchByShortcut(1, ONE);
  await expectBack(first);
  // The keyboard goes on from the restored cell.
  await grid.grid.focus();
  await page.keyboard.press('ArrowDown');
  const skus = await grid.skus();
  await grid.expectActiveCell(skus[skus.indexOf(first.chosen) + 1]!, 'Price');
  await page.keyboard.press('ArrowUp');

  await shell.switchByShortcut(2, TWO);
  await expectBack(second);
  await shell.switchByShortcut(1, ONE);
  await expectBack(first);
});
