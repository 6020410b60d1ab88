import { describe, expect, it } from 'vitest';
import type { ProductRow, VariantRow } from '../catalog';
import { aggregatePickList, type OrderLine } from './aggregate';
import { compareBins, zoneOf } from './bins';

function variant(id: number, productId: number, sku: string, bin: string | null): VariantRow {
  return { id, product_id: productId, sku, price: null, sale_price: null, cost_price: null, inventory_level: 5, bin_picking_number: bin, option_values: [] };
}

function product(id: number, bin: string, variants: VariantRow[]): ProductRow {
  return {
    id, name: `Product ${id}`, sku: `P${id}`, type: 'physical', inventory_warning_level: 0, price: '10.00', sale_price: '0.00', cost_price: '0.00', retail_price: '0.00',
    inventory_level: 5, inventory_tracking: 'variant', bin_picking_number: bin, is_visible: true, brand_id: 0, categories: [],
    weight: 1, date_modified: '2026-01-01T00:00:00+00:00', variants,
  };
}

let nextOrder = 0;
function line(sku: string, productId: number, variantId: number | null, quantity: number, extra: Partial<OrderLine> = {}): OrderLine {
  return { orderId: 100 + nextOrder++, sku, productId, variantId, name: `Item ${sku}`, options: [], quantity, quantityRefunded: 0, quantityShipped: 0, ...extra };
}

const catalog: ProductRow[] = [
  product(1, 'A-10', [variant(11, 1, 'TEE-S', 'A-2'), variant(12, 1, 'TEE-M', ''), variant(13, 1, 'TEE-L', null)]),
  product(2, 'B-1-10', [variant(21, 2, 'MUG', null)]),
  product(3, 'B-01-3', [variant(31, 3, 'CAP', null)]),
  product(4, '', [variant(41, 4, 'SOCK', '  ')]),
  product(5, 'a-3', [variant(51, 5, 'HAT', null)]),
];

describe('aggregatePickList', () => {
  it('sums one SKU across orders and keeps each order with its own quantity', () => {
    const lines = [line('MUG', 2, 21, 2, { orderId: 7 }), line('MUG', 2, 21, 1, { orderId: 3 }), line('MUG', 2, 21, 4, { orderId: 7 })];
    const { lines: picks, totals, orderIds } = aggregatePickList(lines, { catalog });
    expect(picks).toHaveLength(1);
    expect(picks[0]).toMatchObject({ sku: 'MUG', quantity: 7, orders: [{ orderId: 3, quantity: 1 }, { orderId: 7, quantity: 6 }], bin: 'B-1-10', deleted: false });
    expect(totals).toEqual({ orders: 2, lines: 1, units: 7 });
    expect(orderIds).toEqual([3, 7]);
  });

  it("keeps a product's variants apart and takes a variant's bin before its product's", () => {
    const lines = [line('TEE-S', 1, 11, 1), line('TEE-M', 1, 12, 2), line('TEE-L', 1, 13, 3), line('TEE-S', 1, 11, 1)];
    const picks = aggregatePickList(lines, { catalog }).lines;
    expect(picks.map((p) => [p.sku, p.bin, p.quantity])).toEqual([['TEE-S', 'A-2', 2], ['TEE-L', 'A-10', 3], ['TEE-M', 'A-10', 2]]);
  });

  it('sorts bins naturally (A-2 < a-3 < A-10, B-01-3 < B-1-10) with lines without a bin last', () => {
    const lines = [line('SOCK', 4, 41, 1), line('MUG', 2, 21, 1), line('TEE-L', 1, 13, 1), line('CAP', 3, 31, 1), line('HAT', 5, 51, 1), line('TEE-S', 1, 11, 1)];
    const picks = aggregatePickList(lines, { catalog }).lines;
    expect(picks.map((p) => p.bin)).toEqual(['A-2', 'a-3', 'A-10', 'B-01-3', 'B-1-10', null]);
    expect(picks.at(-1)).toMatchObject({ sku: 'SOCK', bin: null, zone: null, deleted: false });
  });

  it('leaves out zero-quantity, fully refunded and fully shipped lines; picks what is left to ship', () => {
    const lines = [
      line('MUG', 2, 21, 0),
      line('CAP', 3, 31, 2, { quantityRefunded: 2 }),
      line('HAT', 5, 51, 3, { quantityShipped: 3 }),
      line('TEE-S', 1, 11, 5, { quantityRefunded: 1, quantityShipped: 2 }),
      line('SOCK', 4, 41, 2, { quantityRefunded: 1, quantityShipped: 2 }),
    ];
    const result = aggregatePickList(lines, { catalog });
    expect(result.lines.map((p) => [p.sku, p.quantity])).toEqual([['TEE-S', 2]]);
    expect(result.totals).toEqual({ orders: 1, lines: 1, units: 2 });
  });

  it('keeps lines of products deleted from the catalog, marked, without a bin', () => {
    const lines = [line('GONE-1', 99, 990, 2, { options: [{ name: 'Size', value: 'L' }, { name: 'Colour', value: 'Red' }] }), line('MUG', 2, 21, 1)];
    const picks = aggregatePickList(lines, { catalog }).lines;
    expect(picks[1]).toMatchObject({ sku: 'GONE-1', deleted: true, bin: null, quantity: 2, options: ['Size: L', 'Colour: Red'] });
    expect(picks[0].deleted).toBe(false);
  });

  it('marks nothing deleted and has no bins without a local catalog; a custom line is never deleted', () => {
    const none = aggregatePickList([line('MUG', 2, 21, 1)], { catalog: null }).lines;
    expect(none[0]).toMatchObject({ bin: null, deleted: false });
    const custom = aggregatePickList([line('', 0, null, 1, { name: 'Gift wrap' })], { catalog }).lines;
    expect(custom[0]).toMatchObject({ sku: '', name: 'Gift wrap', deleted: false, quantity: 1 });
  });

  it('groups by zone when asked: zones in natural order with their lines and units, no bin last', () => {
    const lines = [line('SOCK', 4, 41, 1), line('MUG', 2, 21, 2), line('TEE-S', 1, 11, 3), line('CAP', 3, 31, 1), line('TEE-L', 1, 13, 1)];
    const result = aggregatePickList(lines, { catalog, groupByZone: true });
    expect(result.zones).toEqual([{ zone: 'A', lines: 2, units: 4 }, { zone: 'B', lines: 2, units: 3 }, { zone: null, lines: 1, units: 1 }]);
    expect(aggregatePickList(lines, { catalog }).zones).toBeUndefined();
  });
});

describe('bins', () => {
  it('compares as a person reads them', () => {
    const bins = ['B-1-10', 'A-10', null, 'B-01-3', 'A-2', 'A-1', 'B2', 'B-10'];
    expect([...bins].sort(compareBins)).toEqual(['A-1', 'A-2', 'A-10', 'B-01-3', 'B-1-10', 'B-10', 'B2', null]);
  });

  it('takes the zone before the first separator', () => {
    expect([zoneOf('A-03-2'), zoneOf('Z_1'), zoneOf('C.4'), zoneOf('D/2'), zoneOf('E 7'), zoneOf('SHELF9'), zoneOf(null)]).toEqual(['A', 'Z', 'C', 'D', 'E', 'SHELF9', null]);
  });
});
