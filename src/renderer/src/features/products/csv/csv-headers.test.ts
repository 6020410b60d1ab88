import { describe, expect, it } from 'vitest';
import { itemKind, mapHeaders } from './csv-headers';

describe('mapHeaders', () => {
  it('reads BigCommerce export headers: keys, fields and what is ignored with why', () => {
    const map = mapHeaders(['Item Type', 'Product ID', 'Product Name', 'Product Type', 'Product Code/SKU', 'Price', 'Sale Price', 'Retail Price', 'Cost Price', 'Current Stock Level', 'Low Stock Level', 'Bin Picking Number', 'Product Visible?', 'Variant ID', 'Category', 'Option Set']);
    expect(map.keys).toEqual({ item: 0, productId: 1, sku: 4, variantId: 13 });
    expect(map.fields).toEqual({ name: 2, sku: 4, price: 5, sale_price: 6, retail_price: 7, cost_price: 8, inventory_level: 9, inventory_warning_level: 10, bin_picking_number: 11, is_visible: 12 });
    expect(map.ignored).toEqual([
      { index: 3, header: 'Product Type', reason: 'the product type is not changed by import' },
      { index: 14, header: 'Category', reason: 'categories are not changed by import' },
      { index: 15, header: 'Option Set', reason: 'not a column Stockroom imports' },
    ]);
  });

  it('reads Stockroom’s own labels, whatever the case and spacing, and a BOM on the first header', () => {
    const map = mapHeaders(['\uFEFFItem', 'Product ID', 'Variant ID', 'SKU', 'Name', 'Sale  price', 'STOCK', 'Low stock', 'Visible', 'Bin', 'Weight'], { sale_price: 'Sale price' });
    expect(map.keys).toEqual({ item: 0, productId: 1, variantId: 2, sku: 3 });
    expect(map.fields).toMatchObject({ name: 4, sale_price: 5, inventory_level: 6, inventory_warning_level: 7, is_visible: 8, bin_picking_number: 9, weight: 10, sku: 3 });
  });

  it('a SKU column without an id column only finds rows: it cannot change a SKU', () => {
    const map = mapHeaders(['SKU', 'Price']);
    expect(map.keys.sku).toBe(0);
    expect(map.fields.sku).toBeUndefined();
  });

  it('a column named twice is used once and the second is listed as ignored', () => {
    const map = mapHeaders(['SKU', 'Price', 'price']);
    expect(map.fields.price).toBe(1);
    expect(map.ignored).toEqual([{ index: 2, header: 'price', reason: 'the same column appears twice; the first is used' }]);
  });

  it('item types: products, variants (BigCommerce calls them SKU rows), and others', () => {
    expect(['Product', 'SKU', 'variant', 'Rule', ''].map(itemKind)).toEqual(['product', 'variant', 'variant', 'other', 'unknown']);
  });
});
