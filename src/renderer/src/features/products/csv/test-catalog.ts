import type { ProductRowData } from '../../../../../shared/contract';

type VariantData = ProductRowData['variants'][number];

/** A physical product tracked by product, with one base variant of its SKU; `extra` overrides any field. */
export function fakeProduct(id: number, sku: string, extra: Partial<ProductRowData> = {}): ProductRowData {
  const inventory = extra.inventory_level ?? 5;
  return {
    id,
    name: `Product ${id}`,
    sku,
    price: '10.00',
    sale_price: '0.00',
    cost_price: '4.00',
    retail_price: '12.00',
    inventory_level: inventory,
    inventory_tracking: 'product',
    bin_picking_number: 'A1',
    is_visible: true,
    brand_id: 0,
    categories: [1],
    weight: 1,
    date_modified: '2026-01-01T00:00:00Z',
    type: 'physical',
    inventory_warning_level: 2,
    variants: [fakeVariant(id * 100, id, sku, { inventory_level: inventory })],
    ...extra,
  };
}

export function fakeVariant(id: number, productId: number, sku: string, extra: Partial<VariantData> = {}): VariantData {
  return { id, product_id: productId, sku, price: null, sale_price: null, cost_price: null, inventory_level: 3, bin_picking_number: null, option_values: [], ...extra };
}

/** A small catalog for the CSV tests: two simple products and one with two variants (tracked by variant). */
export function testCatalog(): ProductRowData[] {
  const size = (id: number, sku: string, label: string) => fakeVariant(id, 3, sku, { option_values: [{ label, option_display_name: 'Size' }] });
  return [
    fakeProduct(1, 'MUG-1'),
    fakeProduct(2, 'MUG-2', { name: 'Blue mug' }),
    fakeProduct(3, 'TEE', { inventory_tracking: 'variant', inventory_level: 6, variants: [size(31, 'TEE-S', 'S'), size(32, 'TEE-M', 'M')] }),
  ];
}
