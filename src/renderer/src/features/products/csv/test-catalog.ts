import type { ProductRowData } from '../../../../../shared/contract';

/** A small catalog for the CSV tests: two simple products and one with two variants (tracked by variant). */
export function testCatalog(): ProductRowData[] {
  const product = (id: number, sku: string, extra: Partial<ProductRowData> = {}): ProductRowData => ({
    id,
    name: `Product ${id}`,
    sku,
    price: '10.00',
    sale_price: '0.00',
    cost_price: '4.00',
    retail_price: '12.00',
    inventory_level: 5,
    inventory_tracking: 'product',
    bin_picking_number: 'A1',
    is_visible: true,
    brand_id: 0,
    categories: [1],
    weight: 1,
    date_modified: '2026-01-01T00:00:00Z',
    type: 'physical',
    inventory_warning_level: 2,
    variants: [{ id: id * 100, product_id: id, sku, price: null, sale_price: null, cost_price: null, inventory_level: 5, bin_picking_number: null, option_values: [] }],
    ...extra,
  });
  const variant = (id: number, productId: number, sku: string, size: string) => ({
    id,
    product_id: productId,
    sku,
    price: null,
    sale_price: null,
    cost_price: null,
    inventory_level: 3,
    bin_picking_number: null,
    option_values: [{ label: size, option_display_name: 'Size' }],
  });
  return [
    product(1, 'MUG-1'),
    product(2, 'MUG-2', { name: 'Blue mug' }),
    product(3, 'TEE', { inventory_tracking: 'variant', inventory_level: 6, variants: [variant(31, 3, 'TEE-S', 'S'), variant(32, 3, 'TEE-M', 'M')] }),
  ];
}
