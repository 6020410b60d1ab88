import { describe, expect, it } from 'vitest';
import { combinations, newProductProblems, newVariantsProblems, suggestSku } from './authoring-checks';
import type { NewProduct, NewVariant } from './authoring';
import { buildSkuIndex } from './field-checks';

const money = { currency: 'USD', decimalPlaces: 2 };
const skuOwner = buildSkuIndex([{ id: 1, name: 'Old mug', sku: 'MUG-1', variants: [{ id: 10, sku: 'MUG-1-S', option_values: [{ label: 'S' }] }] }]);
const variant = (label: string, sku: string, price: string | null = null): NewVariant => ({ option_values: [{ option_display_name: 'Size', label }], sku, price, inventory_level: 0, bin_picking_number: '' });
const product = (patch: Partial<NewProduct> = {}): NewProduct => ({
  name: 'New mug', type: 'physical', sku: 'MUG-2', price: '12.50', weight: '0.5', categories: [], brand_id: 0, inventory_level: 3,
  inventory_tracking: 'product', is_visible: true, variants: [], ...patch,
});
const fields = (problems: Array<{ field: string }>) => problems.map((p) => p.field);

describe('checks of a new product before anything is sent', () => {
  it('passes a good product, and names each bad field', () => {
    expect(newProductProblems(product(), { money, skuOwner })).toEqual([]);
    const problems = newProductProblems(product({ name: ' ', sku: 'mug-1', price: '1.999' }), { money, skuOwner });
    expect(fields(problems)).toEqual(['name', 'price', 'sku']);
    expect(problems.find((p) => p.field === 'sku')!.message).toBe('SKU "mug-1" is already used by “Old mug”');
    expect(problems.find((p) => p.field === 'price')!.message).toBe('USD prices have 2 decimal places');
  });

  it('refuses a name over 250 characters, and a SKU taken by a staged create or another variant of the same request', () => {
    expect(fields(newProductProblems(product({ name: 'x'.repeat(251) }), { money }))).toEqual(['name']);
    const staged = new Map([['mug-2', 'new product “Other”']]);
    expect(newProductProblems(product(), { money, stagedSkus: staged })[0]!.message).toMatch(/already taken by new product “Other”, staged/);
    const twins = product({ variants: [variant('S', 'MUG-2-S'), variant('M', 'mug-2-s', '9.999')] });
    expect(fields(newProductProblems(twins, { money }))).toEqual(['variants.1.price', 'variants.1.sku']);
  });

  it('checks new variants of an existing product against the catalog', () => {
    expect(fields(newVariantsProblems([variant('S', 'MUG-1-S'), variant('M', 'MUG-1-M')], { money, skuOwner }))).toEqual(['variants.0.sku']);
  });
});

describe('variants from options', () => {
  it('makes one variant per combination, and suggests SKUs from the product SKU', () => {
    const combos = combinations([{ name: 'Size', values: ['S', 'M'] }, { name: 'Colour', values: ['Red', 'Sky blue'] }, { name: 'Empty', values: [] }]);
    expect(combos.map((c) => c.map((v) => v.label).join('/'))).toEqual(['S/Red', 'S/Sky blue', 'M/Red', 'M/Sky blue']);
    expect(suggestSku('MUG-1', ['M', 'Sky blue'])).toBe('MUG-1-M-SKY-BLUE');
    expect(combinations([])).toEqual([]);
  });
});
