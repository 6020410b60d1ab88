import { describe, expect, it } from 'vitest';
import { moneyFromApi, normalizeProduct } from './normalize';

describe('moneyFromApi', () => {
  it.each([
    // Float noise as arithmetic produces it (written as expressions: the literals would lint as lossy).
    [0.1 + 0.2, 2, '0.30'], // 0.30000000000000004
    [1.15 * 3, 2, '3.45'], // 3.4499999999999997
    [1.1 * 3, 2, '3.30'], // 3.3000000000000003
    [87.989, 2, '87.99'],
    [70, 2, '70.00'],
    [0, 2, '0.00'],
    [1.005, 2, '1.01'], // String(1.005) is "1.005": half away from zero on the decimal, not the binary value
    [2.675, 2, '2.68'],
    [-3.455, 2, '-3.46'],
    [-0.001, 2, '0.00'], // never "-0.00"
    [1e-7, 2, '0.00'],
    [1e21, 2, '1000000000000000000000.00'],
    [0.5, 0, '1'],
    [12, 0, '12'],
    [12.3456, 3, '12.346'],
    ['12.5', 2, '12.50'],
    [' 7 ', 2, '7.00'],
  ] as const)('%s with %i places → %s', (value, dp, expected) => {
    expect(moneyFromApi(value, dp)).toBe(expected);
  });
});

const apiProduct = (over: Record<string, unknown> = {}) => ({
  id: 5, name: 'Mug', type: 'physical', sku: 'MUG-1', price: 1.15 * 3, sale_price: 0, cost_price: 14.4, retail_price: 99,
  inventory_level: 3, inventory_tracking: 'variant', bin_picking_number: 'A-1', is_visible: true, brand_id: 2, categories: [1, 4],
  weight: 0.35, date_modified: '2026-01-09T02:24:35+00:00', description: '<p>ignored</p>',
  variants: [
    { id: 9, product_id: 5, sku: 'MUG-1-R', price: null, sale_price: null, cost_price: 2.1, inventory_level: 1, bin_picking_number: null, calculated_price: 87.99,
      option_values: [{ id: 1, label: 'Red', option_id: 3, option_display_name: 'Color' }] },
  ],
  ...over,
});

describe('normalizeProduct', () => {
  it('keeps the grid fields, money as strings, variant nulls as null (inherits)', () => {
    expect(normalizeProduct(apiProduct(), 2)).toEqual({
      id: 5, name: 'Mug', sku: 'MUG-1', price: '3.45', sale_price: '0.00', cost_price: '14.40', retail_price: '99.00',
      inventory_level: 3, inventory_tracking: 'variant', bin_picking_number: 'A-1', is_visible: true, brand_id: 2, categories: [1, 4],
      weight: 0.35, date_modified: '2026-01-09T02:24:35+00:00', type: 'physical', inventory_warning_level: 0, thumbnail_url: '',
      variants: [
        { id: 9, product_id: 5, sku: 'MUG-1-R', price: null, sale_price: null, cost_price: '2.10', inventory_level: 1, bin_picking_number: null,
          option_values: [{ label: 'Red', option_display_name: 'Color' }] },
      ],
    });
  });

  it.each([
    ['price', 'abc'],
    ['price', null],
    ['price', Number.NaN],
    ['is_visible', 'yes'],
    ['inventory_level', 1.5],
    ['inventory_tracking', 'sometimes'],
    ['categories', ['1']],
    ['variants', undefined],
    ['primary_image', 'x.jpg'],
    ['primary_image', { url_tiny: 7 }],
  ])('rejects %s = %s as BAD_RESPONSE', (field, value) => {
    expect(() => normalizeProduct(apiProduct({ [field]: value }), 2)).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE' }));
  });

  it("keeps the primary image's smallest rendition as thumbnail_url ('' without one)", () => {
    const url = 'https://cdn11.bigcommerce.com/s-x/images/stencil/44x58/products/5/9/mug__1.44.58.jpg?c=1';
    expect(normalizeProduct(apiProduct({ primary_image: { id: 9, url_tiny: url, url_thumbnail: 'other' } }), 2).thumbnail_url).toBe(url);
    expect(normalizeProduct(apiProduct({ primary_image: {} }), 2).thumbnail_url).toBe('');
    expect(normalizeProduct(apiProduct({ primary_image: null }), 2).thumbnail_url).toBe('');
  });

  it('rejects a malformed variant', () => {
    const bad = apiProduct({ variants: [{ id: 'x', sku: 'a' }] });
    expect(() => normalizeProduct(bad, 2)).toThrow(/variant/);
  });
});
