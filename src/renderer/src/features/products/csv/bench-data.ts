import type { ProductRowData } from '../../../../../shared/contract';
import { fakeProduct } from './test-catalog';

/**
 * The csvImport benchmark's data (scripts/csv-import-bench.ts, in Node and in Chromium): a catalog
 * of `count` products and a file in Stockroom's export format that changes one cell per row: the
 * stock of every tenth row, the price of the others (one import is at most 100,000 edits).
 */
export function benchCatalog(count: number): ProductRowData[] {
  const products: ProductRowData[] = new Array<ProductRowData>(count);
  for (let i = 0; i < count; i++) {
    const id = i + 1;
    products[i] = fakeProduct(id, `BENCH-${String(id).padStart(6, '0')}`, {
      name: `Bench product ${id}`,
      price: `${10 + (i % 90)}.50`,
      retail_price: '0.00',
      inventory_level: i % 50,
      bin_picking_number: `B${i % 400}`,
    });
  }
  return products;
}

export function benchCsv(products: readonly ProductRowData[]): string {
  const lines = ['\uFEFFItem,Product ID,Variant ID,SKU,Name,Price,Stock,Bin'];
  products.forEach((p, i) => {
    const tenth = i % 10 === 0;
    const price = tenth ? p.price : `${10 + (i % 90)}.75`;
    lines.push(`Product,${p.id},,${p.sku},"${p.name}",${price},${tenth ? p.inventory_level + 5 : p.inventory_level},${p.bin_picking_number}`);
  });
  return lines.join('\r\n') + '\r\n';
}
