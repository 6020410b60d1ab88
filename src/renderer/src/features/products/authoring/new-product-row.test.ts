import { describe, expect, it } from 'vitest';
import type { StagedChange } from '../../../../../shared/contract';
import { newProductRow } from './new-product-row';

const checks = { money: { currency: 'USD', decimalPlaces: 2 }, skuOwner: (sku: string) => (sku.toLowerCase() === 'taken-1' ? { label: 'product “Old mug”' } : null) };
const stagedMug = {
  op: 'createProduct', key: 'new:product:aa', label: 'New product “Mug” (MUG-9)', stagedAt: '2026-01-01T00:00:00Z', variants: [],
  product: { name: 'Mug', type: 'physical', sku: 'MUG-9', price: '4.00', weight: '0', categories: [], brand_id: 0, inventory_level: 3, inventory_tracking: 'product', is_visible: true },
} as StagedChange;

describe('the Products new row', () => {
  it('refuses before staging: required fields, a SKU of the catalog or of a staged create, too many decimals', async () => {
    const sent: unknown[] = [];
    const row = newProductRow(checks as never, [stagedMug], async (c) => void sent.push(c));
    expect(await row.submit({ sku: 'N-1', price: '2' })).toMatchObject({ name: 'a name is required' });
    expect((await row.submit({ name: 'A', sku: 'taken-1', price: '2' })).sku).toMatch(/already used by product “Old mug”/);
    expect((await row.submit({ name: 'A', sku: 'mug-9', price: '2' })).sku).toMatch(/new product “Mug”, staged/);
    expect((await row.submit({ name: 'A', sku: 'N-1', price: '2.001' })).price).toMatch(/decimal places/);
    expect(await row.submit({ name: 'x'.repeat(251), sku: 'N-1', price: '2' })).toMatchObject({ name: 'a name has at most 250 characters' });
    expect(sent).toEqual([]);
  });

  it('stages a good row as a createProduct, and lists staged creates as pending rows', async () => {
    const sent: unknown[] = [];
    const row = newProductRow(checks as never, [stagedMug], async (c) => void sent.push(...c));
    expect(await row.submit({ name: 'Jug', sku: 'JUG-1', price: '7.5', inventory_level: '4' })).toEqual({});
    expect(sent).toMatchObject([{ op: 'createProduct', product: { name: 'Jug', sku: 'JUG-1', price: '7.5', inventory_level: 4, inventory_tracking: 'product' }, variants: [] }]);
    expect(row.pending).toEqual([{ key: 'new:product:aa', label: stagedMug.label, values: { name: 'Mug', sku: 'MUG-9', price: '4.00', inventory_level: '3' } }]);
  });
});
