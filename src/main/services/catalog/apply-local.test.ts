import { describe, expect, it } from 'vitest';
import { applyEdits, CatalogEdits } from './apply-local';
import { createCatalog } from './catalog-state';
import type { ProductRow, VariantRow } from './types';

const meta = { storeId: 's1', storeHash: 'h', syncedAt: '2026-01-01T00:00:00.000Z', deltaFrom: 0, decimalPlaces: 2 };

const variant = (id: number, productId: number, options: string[], stock: number | null): VariantRow => ({
  id, product_id: productId, sku: `V${id}`, price: null, sale_price: null, cost_price: null, inventory_level: stock,
  bin_picking_number: null, option_values: options.map((label) => ({ label, option_display_name: 'Size' })),
});

const product = (id: number, variants: VariantRow[], tracking: ProductRow['inventory_tracking']): ProductRow => ({
  id, name: `P${id}`, sku: `P${id}`, price: '10.00', sale_price: '0.00', cost_price: '0.00', retail_price: '0.00',
  inventory_level: variants.reduce((n, v) => n + (v.inventory_level ?? 0), 0), inventory_tracking: tracking,
  bin_picking_number: '', is_visible: true, brand_id: 0, categories: [], weight: 1, date_modified: 'd', type: 'physical', inventory_warning_level: 0, variants,
});

function setup() {
  const simple = product(1, [variant(11, 1, [], 5)], 'product');
  const sized = product(2, [variant(21, 2, ['S'], 4), variant(22, 2, ['M'], 6)], 'variant');
  return { catalog: createCatalog(meta, [simple, sized]), simple, sized };
}

const apply = (catalog: ReturnType<typeof setup>['catalog'], edits: unknown[]) => applyEdits(catalog, CatalogEdits.parse(edits));

describe('applyEdits', () => {
  it('formats money with the store decimal places and replaces rows instead of mutating them', () => {
    const { catalog, simple } = setup();
    apply(catalog, [{ entity: 'product', id: 1, field: 'sale_price', to: '7.5' }, { entity: 'product', id: 1, field: 'weight', to: '2.25' }]);
    expect(catalog.byId.get(1)).toMatchObject({ sale_price: '7.50', weight: 2.25 });
    expect(simple.sale_price).toBe('0.00');
  });

  it('keeps a base variant and its product in step, both ways', () => {
    const { catalog } = setup();
    apply(catalog, [{ entity: 'product', id: 1, field: 'sku', to: 'NEW' }, { entity: 'product', id: 1, field: 'inventory_level', to: 9 }]);
    expect(catalog.byId.get(1)!.variants[0]).toMatchObject({ sku: 'NEW', inventory_level: 9 });
    apply(catalog, [{ entity: 'variant', id: 11, field: 'bin_picking_number', to: 'B-1' }, { entity: 'variant', id: 11, field: 'inventory_level', to: 2 }]);
    expect(catalog.byId.get(1)).toMatchObject({ bin_picking_number: 'B-1', inventory_level: 2 });
  });

  it("sums variant stock into a variant-tracked product, and a variant price may go back to null (inherit)", () => {
    const { catalog } = setup();
    apply(catalog, [{ entity: 'variant', id: 22, productId: 2, field: 'inventory_level', to: 1 }, { entity: 'variant', id: 21, field: 'price', to: '3' }]);
    expect(catalog.byId.get(2)!.inventory_level).toBe(5);
    expect(catalog.byId.get(2)!.variants[0]!.price).toBe('3.00');
    apply(catalog, [{ entity: 'variant', id: 21, field: 'price', to: null }]);
    expect(catalog.byId.get(2)!.variants[0]!.price).toBeNull();
  });

  it('reports missing rows and a variant given with the wrong product', () => {
    const { catalog } = setup();
    const result = apply(catalog, [
      { entity: 'variant', id: 21, productId: 1, field: 'sku', to: 'X' },
      { entity: 'variant', id: 99, field: 'sku', to: 'X' },
      { entity: 'product', id: 3, field: 'sku', to: 'X' },
    ]);
    expect(result).toEqual({ applied: 0, ignored: 0, missing: [{ entity: 'variant', id: 21 }, { entity: 'variant', id: 99 }, { entity: 'product', id: 3 }], productIds: [] });
  });

  it('rejects a bad value before applying anything', () => {
    const { catalog } = setup();
    expect(() => apply(catalog, [{ entity: 'product', id: 1, field: 'name', to: 'ok' }, { entity: 'product', id: 1, field: 'inventory_level', to: -1 }])).toThrow(/invalid value for inventory_level/);
    expect(catalog.byId.get(1)!.name).toBe('P1');
  });
});
