import type { ProductRowData } from '../../../../../shared/contract';

/**
 * The csvImport benchmark's data (scripts/csv-import-bench.ts, in Node and in Chromium): a catalog
 * of `count` products and a file in Stockroom's export format that changes one cell per row: the
 * stock of every tenth row, the price of the others (one import is at most 100,000 edits).
 */
export function benchCatalog(count: number): ProductRowData[] {
  const products: ProductRowData[] = new Array<ProductRowData>(count);
  for (let i = 0; i < count; i++) {
    const id = i + 1;
    const sku = `BENCH-${String(id).padStart(6, '0')}`;
    products[i] = {
      id,
      name: `Bench product ${id}`,
      sku,
      price: `${10 + (i % 90)}.50`,
      sale_price: '0.00',
      cost_price: '4.00',
      retail_price: '0.00',
      inventory_level: i % 50,
      inventory_tracking: 'product',
      bin_picking_number: `B${i % 400}`,
      is_visible: true,
      brand_id: 0,
      categories: [1],
      weight: 1,
      date_modified: '2026-01-01T00:00:00Z',
      type: 'physical',
      inventory_warning_level: 2,
      variants: [{ id: id * 10, product_id: id, sku, price: null, sale_price: null, cost_price: null, inventory_level: i % 50, bin_picking_number: null, option_values: [] }],
    };
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
