import { describe, expect, it } from 'vitest';
import type { JobEdit, ProductRowData, StagedEdit } from '../../../../shared/contract';
import { fieldLabel, formatStaged, indexCatalog, reviewCache, reviewStaged, rowName } from './review';

const product = (id: number, over: Partial<ProductRowData> = {}): ProductRowData => ({
  id, name: `Mug ${id}`, sku: `MUG-${id}`, type: 'physical', inventory_warning_level: 0, price: '20.00', sale_price: '0.00', cost_price: '8.00', retail_price: '0.00',
  inventory_level: 5, inventory_tracking: 'product', bin_picking_number: '', is_visible: true, brand_id: 0, categories: [],
  weight: 1, date_modified: '2026-01-01T00:00:00+00:00', variants: [], ...over,
});
const withVariant = product(2, {
  variants: [{ id: 21, product_id: 2, sku: 'MUG-2-M', price: null, sale_price: null, cost_price: null, inventory_level: 3, bin_picking_number: null, option_values: [{ label: 'M', option_display_name: 'Size' }] }],
});
const catalog = indexCatalog([product(1), withVariant]);
const staged = (edit: JobEdit): StagedEdit => ({ ...edit, stagedAt: '2026-01-01T00:00:00Z' });
const warningsOf = (edits: JobEdit[]) => Object.fromEntries(reviewStaged(edits.map(staged), catalog, 2).warnings);

describe('names, labels and store formatting', () => {
  it('names rows by product name (and options) with the row’s SKU, fields by column label', () => {
    expect(rowName({ entity: 'product', id: 1 }, catalog)).toEqual({ name: 'Mug 1', sku: 'MUG-1' });
    expect(rowName({ entity: 'variant', id: 21, productId: 2 }, catalog)).toEqual({ name: 'Mug 2 — Size: M', sku: 'MUG-2-M' });
    expect(rowName({ entity: 'product', id: 99 }, catalog).name).toBe('Product #99 (not in the local catalog)');
    expect(fieldLabel('inventory_level')).toBe('Stock');
    expect(fieldLabel('sale_price')).toBe('Sale price');
  });
  it('formats a pasted "20" as the store shows money, for 2, 0 and 3 decimal currencies', () => {
    expect(formatStaged('product', 'price', '20', 2)).toBe('20.00');
    expect(formatStaged('product', 'price', '1999', 0)).toBe('1999');
    expect(formatStaged('product', 'price', '1.5', 3)).toBe('1.500');
    expect(formatStaged('product', 'inventory_level', 20, 2)).toBe('20');
    expect(formatStaged('variant', 'price', null, 2)).toBe('— (product’s)');
    expect(formatStaged('product', 'is_visible', false, 2)).toBe('No');
  });
});

describe('warnings before Apply', () => {
  const price = (id: number, from: string, to: string, field = 'price'): JobEdit => ({ entity: 'product', id, field, from, to });
  it('sale price at or above the price, also when the price is what is staged', () => {
    expect(warningsOf([price(1, '0.00', '20.00', 'sale_price')])).toEqual({ 'product:1:sale_price': ['sale price is not below the price'] });
    expect(warningsOf([price(1, '0.00', '15.00', 'sale_price'), price(1, '20.00', '14.00')])).toEqual({
      'product:1:sale_price': ['sale price is not below the price'],
      'product:1:price': ['sale price is not below the price'],
    });
    expect(warningsOf([price(1, '0.00', '19.99', 'sale_price')])).toEqual({});
  });
  it('price below cost, a change over ±50 %, and absurd values', () => {
    expect(warningsOf([price(1, '20.00', '7.99')])).toEqual({ 'product:1:price': ['price changes by more than 50 %', 'price is below cost'] });
    expect(warningsOf([price(1, '20.00', '30.01')])).toEqual({ 'product:1:price': ['price changes by more than 50 %'] });
    expect(warningsOf([price(1, '20.00', '30.00'), price(2, '20.00', '10.00')])).toEqual({});
    expect(warningsOf([price(1, '20.00', '999999999999')])['product:1:price']).toEqual(['unusually large: 999999999999.00', 'price changes by more than 50 %']);
    expect(warningsOf([{ entity: 'product', id: 1, field: 'inventory_level', from: 5, to: 5_000_000 }])).toEqual({ 'product:1:inventory_level': ['unusually large stock: 5,000,000'] });
  });
  it('a variant price of null is its product’s: a variant sale price above the product price warns', () => {
    expect(warningsOf([{ entity: 'variant', id: 21, productId: 2, field: 'sale_price', from: null, to: '25.00' }])).toEqual({ 'variant:21:sale_price': ['sale price is not below the price'] });
  });
  it('counts staged edits per column label', () => {
    const edits: JobEdit[] = [price(1, '20.00', '21.00'), price(2, '20.00', '21.00'), { entity: 'variant', id: 21, field: 'inventory_level', from: 3, to: 8 }];
    const review = reviewStaged(edits.map(staged), catalog, 2);
    expect(review.countsByField).toEqual([['Price', 2], ['Stock', 1]]);
  });
});

describe('order rows in the review', () => {
  const order = { id: 104, date_created: '2026-01-01T00:00:00.000Z', date_modified: '2026-01-01T00:00:00.000Z', status_id: 11, status: 'Awaiting Fulfillment', customer_id: 3, customer_name: 'Ada Lovelace', email: 'ada@example.com', items_total: 2, items_shipped: 0, total_inc_tax: '12.0000', currency_code: 'USD', payment_method: 'Card', payment_status: 'captured', shipping_method: 'Flat', ship_to_country: 'United States', staff_notes: '', customer_message: '', channel_id: 1, external_id: '' };
  const index = indexCatalog([], { orders: [order], statuses: [{ id: 11, name: 'Awaiting Fulfillment', systemName: 'Awaiting Fulfillment', order: 3 }, { id: 9, name: 'Ready to ship', systemName: 'Awaiting Shipment', order: 4 }] });
  it('names an order by number and customer, and a status by the store’s (custom) label', () => {
    expect(rowName({ entity: 'order', id: 104 }, index)).toEqual({ name: 'Order #104', sku: 'Ada Lovelace' });
    expect(rowName({ entity: 'order', id: 7 }, index).name).toBe('Order #7 (not in the local orders)');
    expect(formatStaged('order', 'status_id', 9, 2, index)).toBe('Ready to ship');
    expect(formatStaged('order', 'status_id', 11, 2, index)).toBe('Awaiting Fulfillment');
    expect(fieldLabel('status_id')).toBe('Status');
  });
});

describe('reviewing again with a cache', () => {
  it('gives the same warnings, and follows a row whose other price moved', () => {
    const cache = reviewCache();
    const first = [staged({ entity: 'product', id: 1, field: 'sale_price', from: '0.00', to: '5.00' })];
    expect(reviewStaged(first, catalog, 2, cache).warnings).toEqual(reviewStaged(first, catalog, 2).warnings);
    // The price staged below the sale price: the same sale-price edit now warns.
    const second = [...first, staged({ entity: 'product', id: 1, field: 'price', from: '10.00', to: '4.00' })];
    expect(reviewStaged(second, catalog, 2, cache).warnings).toEqual(reviewStaged(second, catalog, 2).warnings);
    expect(reviewStaged(second, catalog, 2, cache).warnings.get('product:1:sale_price')).toContain('sale price is not below the price');
  });
  it('follows a variant whose product price moved, and an edit that left, step by step as the uncached review does', () => {
    const cache = reviewCache();
    const variantSale = staged({ entity: 'variant', id: 21, productId: 2, field: 'sale_price', from: null, to: '15.00' });
    const productPrice = staged({ entity: 'product', id: 2, field: 'price', from: '20.00', to: '12.00' });
    const otherRow = staged({ entity: 'product', id: 1, field: 'cost_price', from: '8.00', to: '9.00' });
    const steps: StagedEdit[][] = [
      [variantSale, otherRow],
      [variantSale, otherRow, productPrice], // the variant's price is its product's: now below its sale price
      [variantSale, otherRow, { ...productPrice, to: '30.00' }],
      [variantSale, otherRow], // the product's edit left
      [otherRow],
    ];
    for (const edits of steps) expect(reviewStaged(edits, catalog, 2, cache).warnings).toEqual(reviewStaged(edits, catalog, 2).warnings);
    expect(reviewStaged(steps[1]!, catalog, 2, cache).warnings.get('variant:21:sale_price')).toContain('sale price is not below the price');
  });
  it('keeps the warnings of an edit whose object and row did not change (a refetch after another row’s edit)', () => {
    const cache = reviewCache();
    const big = staged({ entity: 'product', id: 1, field: 'price', from: '20.00', to: '45.00' });
    const first = reviewStaged([big], catalog, 2, cache).warnings.get('product:1:price');
    const again = reviewStaged([big, staged({ entity: 'product', id: 2, field: 'inventory_level', from: 5, to: 6 })], catalog, 2, cache).warnings.get('product:1:price');
    expect(again).toBe(first);
    expect(reviewStaged([big], catalog, 3, cache).warnings.get('product:1:price')).not.toBe(first); // other decimal places: worked out again
  });
});
