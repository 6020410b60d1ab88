import { describe, expect, it } from 'vitest';
import { fromColumns, toColumns } from '../../../shared/columns';
import type { ProductRowData } from '../../../shared/contract';
import { patchProductRows, positionOf, productRows } from './product-rows';

const row = (id: number, price = '1.00'): ProductRowData => ({
  id, name: `P${id}`, sku: `SKU-${id}`, type: 'physical', inventory_warning_level: 0, price, sale_price: '0.00', cost_price: '0.00', retail_price: '0.00', inventory_level: 1,
  inventory_tracking: 'product', bin_picking_number: '', is_visible: true, brand_id: 0, categories: [], weight: 1, date_modified: '2026-01-01T00:00:00Z', variants: [],
});
const change = (rows: ProductRowData[], removedIds?: number[]) => ({ storeId: 's', entity: 'product' as const, rows, cause: { kind: 'job' as const, jobId: 'j' }, ...(removedIds ? { removedIds } : {}) });

describe('patchProductRows', () => {
  it('replaces changed rows in place: same list, same objects for the others, a new version', () => {
    const before = productRows([row(1), row(2), row(3)]);
    const [first, , third] = before.rows;
    const after = patchProductRows(before, change([row(2, '12.34')]));
    expect(after.rows).toBe(before.rows);
    expect(after.version).toBe(1);
    expect(after).not.toBe(before);
    expect(after.rows[0]).toBe(first);
    expect(after.rows[2]).toBe(third);
    expect(after.rows[1]!.price).toBe('12.34');
  });

  it('adds new rows and drops removed ones in id order, as a new list', () => {
    const before = productRows([row(1), row(3), row(5)]);
    const after = patchProductRows(before, change([row(4), row(1, '9.00')], [3]));
    expect(after.rows).not.toBe(before.rows);
    expect(after.rows.map((r) => [r.id, r.price])).toEqual([[1, '9.00'], [4, '1.00'], [5, '1.00']]);
    expect(positionOf(after.rows, 5)).toBe(2);
    expect(after.rows[2]).toBe(before.rows[2]);
    expect(after.version).toBe(1);
  });

  it('ignores a removed id it does not hold', () => {
    const before = productRows([row(1)]);
    expect(patchProductRows(before, change([], [7])).rows).toBe(before.rows);
  });

  it('patches rows decoded from columns with lazy variants: the others keep theirs, unread', () => {
    const variant = (id: number, productId: number) => ({ id, product_id: productId, sku: `V-${id}`, price: null, sale_price: null, cost_price: null, inventory_level: 3, bin_picking_number: null, option_values: [{ label: 'M', option_display_name: 'Size' }] });
    const sent = [1, 2, 3].map((id) => ({ ...row(id), variants: [variant(id * 10, id), variant(id * 10 + 1, id)] }));
    const decoded = fromColumns<ProductRowData>(JSON.parse(JSON.stringify(toColumns(sent))) as never, { lazyLists: true });
    const before = productRows(decoded);
    const after = patchProductRows(before, change([{ ...row(2, '5.00'), variants: [variant(20, 2)] }]));
    expect(after.rows[1]!.variants.map((v) => v.id)).toEqual([20]);
    expect(after.rows[0]).toBe(decoded[0]);
    expect(after.rows[2]!.variants).toEqual(sent[2]!.variants);
    const grown = patchProductRows(after, change([{ ...row(4), variants: [variant(40, 4)] }], [1]));
    expect(grown.rows.map((r) => [r.id, r.variants.map((v) => v.id)])).toEqual([[2, [20]], [3, [30, 31]], [4, [40]]]);
  });
});

