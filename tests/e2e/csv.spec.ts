import Papa from 'papaparse';
import { addMoney, formatMoney } from '../../src/shared/money';
import { expect, test } from './fixtures';
import { CsvPage } from './pages/csv-page';
import { StagedPanel } from './pages/staged-panel';
import { activeStoreHttp, moneyText } from './support/demo-http';
import { rpc } from './support/rpc';

async function loadCatalog(page: import('@playwright/test').Page) {
  const storeId = (await rpc(page, 'stores.list', {})).activeStoreId!;
  await rpc(page, 'catalog.sync', { storeId, mode: 'refresh' });
  return (await rpc(page, 'catalog.listProducts', { storeId, offset: 0, limit: 5000 })).products;
}

test('export the view, change 30 prices and 10 stock levels in the file, import it back, review, apply: the store has every value', async ({ shell, page }) => {
  test.setTimeout(180_000);
  const products = await loadCatalog(page);
  const store = await activeStoreHttp(page);
  await shell.goTo('Products');
  const csv = new CsvPage(page);
  const staged = new StagedPanel(page);

  const exported = await csv.exportView('Stockroom');
  expect(exported.name).toMatch(/^products-.+\.csv$/);
  expect(exported.text.startsWith('\uFEFF')).toBe(true);
  const { data } = Papa.parse<string[]>(exported.text.slice(1), { skipEmptyLines: true });
  const [header, ...rows] = data;
  const col = (label: string) => header!.indexOf(label);
  expect(header!.slice(0, 3)).toEqual(['Item', 'Product ID', 'Variant ID']);
  const productRows = rows.filter((r) => r[0] === 'Product');
  expect(productRows).toHaveLength(products.length);
  // Variants follow their product.
  const firstVariant = rows.findIndex((r) => r[0] === 'Variant');
  if (firstVariant > 0) expect(rows[firstVariant - 1]![col('Product ID')]).toBe(rows[firstVariant]![col('Product ID')]);

  const byId = new Map(products.map((p) => [p.id, p]));
  const priced = productRows.slice(0, 30);
  const newPrice = new Map<number, string>();
  for (const r of priced) {
    const id = Number(r[col('Product ID')]);
    expect(r[col('Price')]).toBe(byId.get(id)!.price);
    r[col('Price')] = formatMoney(addMoney(r[col('Price')]!, '1.25'), 2);
    newPrice.set(id, r[col('Price')]!);
  }
  const stocked = productRows.slice(30).filter((r) => byId.get(Number(r[col('Product ID')]))!.inventory_tracking === 'product').slice(0, 10);
  expect(stocked).toHaveLength(10);
  const newStock = new Map<number, number>();
  for (const r of stocked) {
    const id = Number(r[col('Product ID')]);
    newStock.set(id, Number(r[col('Stock')]) + 7);
    r[col('Stock')] = String(newStock.get(id));
  }

  await csv.importFile('edited.csv', '\uFEFF' + Papa.unparse([header!, ...rows], { newline: '\r\n' }));
  await expect(csv.section('Matched').getByRole('heading')).toHaveText(/^Matched: 40 rows with 40 changes · [\d,]+ rows unchanged$/);
  await expect(csv.section('Unmatched')).toHaveCount(0);
  await expect(csv.section('Invalid')).toHaveCount(0);
  const first = byId.get(Number(priced[0]![col('Product ID')]))!;
  await expect(csv.section('Matched').getByRole('listitem').first()).toContainText(`${first.sku} (${first.name}) — Price ${first.price} → ${newPrice.get(first.id)}`);
  await csv.stage(40);
  await staged.expectCount(40);

  await staged.apply('Prices and stock from a CSV');
  await staged.expectCount(0);
  const onStore = await store.products([...newPrice.keys(), ...newStock.keys()]);
  for (const [id, price] of newPrice) expect(moneyText(onStore.get(id)!.price)).toBe(price);
  for (const [id, stock] of newStock) expect(onStore.get(id)!.inventory_level).toBe(stock);
});

test('a file in BigCommerce’s export format with 3 unknown SKUs and 2 invalid prices: exactly those five are reported and nothing of theirs is staged', async ({ shell, page }) => {
  test.setTimeout(120_000);
  const products = await loadCatalog(page);
  await shell.goTo('Products');
  const csv = new CsvPage(page);
  const staged = new StagedPanel(page);

  const header = ['Item Type', 'Product ID', 'Product Name', 'Product Type', 'Product Code/SKU', 'Bin Picking Number', 'Price', 'Cost Price', 'Retail Price', 'Sale Price', 'Product Visible?', 'Track Inventory', 'Current Stock Level', 'Low Stock Level', 'Category'];
  const line = (p: (typeof products)[number], price: string, id = String(p.id), sku = p.sku) =>
    ['Product', id, p.name, 'P', sku, p.bin_picking_number, price, p.cost_price, p.retail_price, p.sale_price, p.is_visible ? 'Y' : 'N', p.inventory_tracking === 'none' ? 'none' : 'by product', String(p.inventory_level), String(p.inventory_warning_level), 'Shop All'];
  const good = products.slice(0, 4);
  const bad = products.slice(4, 6);
  const rows = [
    ...good.map((p) => line(p, addMoney(p.price, '2'))),
    line(products[6]!, '5.00', '', 'NO-SUCH-SKU-1'),
    line(bad[0]!, '12.345'),
    line(products[7]!, '5.00', '', 'NO-SUCH-SKU-2'),
    line(bad[1]!, 'twelve'),
    line(products[8]!, '5.00', '', 'NO-SUCH-SKU-3'),
  ];
  // Dropped onto the grid, as from a file manager.
  await csv.dropFile('bigcommerce-export.csv', Papa.unparse([header, ...rows]));

  await expect(csv.section('Matched').getByRole('heading')).toHaveText(/^Matched: 4 rows with 4 changes/);
  await expect(csv.section('Unmatched').getByRole('listitem')).toHaveText(['Row 6: unknown SKU "NO-SUCH-SKU-1"', 'Row 8: unknown SKU "NO-SUCH-SKU-2"', 'Row 10: unknown SKU "NO-SUCH-SKU-3"']);
  await expect(csv.section('Invalid').getByRole('listitem')).toHaveText([/^Row 7: Price: .*2 decimal places$/, /^Row 9: Price: "twelve" is not a valid amount/]);
  await expect(csv.importDialog.getByRole('group', { name: 'Columns to take' })).toContainText('Price');
  await expect(csv.importDialog.getByText('columns ignored')).toBeVisible();
  await csv.stage(4);
  await staged.expectCount(4);
  for (const p of [...bad, products[6]!, products[7]!, products[8]!]) await expect(staged.list.getByRole('cell', { name: p.name, exact: true })).toHaveCount(0);
  for (const p of good) await expect(staged.row(p.name, 'Price')).toHaveCount(1);

  // The import is one undo step.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await staged.expectCount(0);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await staged.expectCount(4);
});
