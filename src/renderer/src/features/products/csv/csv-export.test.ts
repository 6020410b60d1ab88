import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { GridView } from '../../../components/data-grid';
import { viewToCsv } from './csv-export';
import { mapHeaders } from './csv-headers';

const view: GridView = {
  columns: [
    { id: 'sku', label: 'SKU' },
    { id: 'id', label: 'ID' },
    { id: 'name', label: 'Name' },
    { id: 'price', label: 'Price' },
    { id: 'is_visible', label: 'Visible' },
    { id: 'inventory_level', label: 'Stock' },
  ],
  rows: [
    { rowId: 'p3', depth: 0, values: ['TEE', 3, 'Tee, "cotton"', '9.5', true, 6] },
    { rowId: 'v31', depth: 1, values: ['TEE-S', 31, 'Size: S', null, null, 3] },
    { rowId: 'p1', depth: 0, values: ['MUG-1', 1, '=HYPERLINK("x")', '10', false, 5] },
  ],
};

describe('viewToCsv', () => {
  it('Stockroom headers: keys first, shown columns in order, variants under their product, money with the store’s places', () => {
    const csv = viewToCsv(view, { style: 'stockroom', decimalPlaces: 2, productOf: () => 3 });
    expect(csv.split('\r\n')).toEqual([
      'Item,Product ID,Variant ID,SKU,Name,Price,Visible,Stock',
      'Product,3,,TEE,"Tee, ""cotton""",9.50,Yes,6',
      'Variant,3,31,TEE-S,Size: S,,,3',
      `Product,1,,MUG-1,"'=HYPERLINK(""x"")",10.00,No,5`,
    ]);
  });

  it('BigCommerce headers read back to the same columns', () => {
    const csv = viewToCsv(view, { style: 'bigcommerce', decimalPlaces: 3, productOf: () => 3 });
    const [header, first, second] = Papa.parse<string[]>(csv).data;
    expect(header).toEqual(['Item Type', 'Product ID', 'Variant ID', 'Product SKU', 'Product Name', 'Price', 'Product Visible?', 'Current Stock Level']);
    expect(first).toEqual(['Product', '3', '', 'TEE', 'Tee, "cotton"', '9.500', 'Y', '6']);
    expect(second!.slice(0, 3)).toEqual(['SKU', '3', '31']);
    const map = mapHeaders(header!);
    expect(map.keys).toEqual({ item: 0, productId: 1, variantId: 2, sku: 3 });
    expect(Object.keys(map.fields).sort()).toEqual(['inventory_level', 'is_visible', 'name', 'price', 'sku']);
  });
});
