import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, splitValues, toNewProduct, variantRows } from './product-draft';

describe('the New product draft', () => {
  it('keeps what was typed in variant rows that stay, and leaves out combinations the product has', () => {
    const first = variantRows([{ name: 'Size', values: ['S', 'M'] }], [], 'MUG');
    expect(first.map((v) => v.sku)).toEqual(['MUG-S', 'MUG-M']);
    const typed = first.map((v) => (v.key === 'Size:M' ? { ...v, price: '9.50' } : v));
    const next = variantRows([{ name: 'Size', values: ['S', 'M', 'L'] }], typed, 'MUG', new Set(['Size:S']));
    expect(next.map((v) => [v.sku, v.price])).toEqual([['MUG-M', '9.50'], ['MUG-L', '']]);
  });

  it('reads values and amounts as a person types them', () => {
    expect(splitValues(' S, M ,, S,L ')).toEqual(['S', 'M', 'L']);
    const product = toNewProduct({ ...EMPTY_DRAFT, name: 'Mug', sku: ' MUG ', price: '1,234.5', stock: 'x' }, variantRows([{ name: 'Size', values: ['S'] }], [], 'MUG'));
    expect(product).toMatchObject({ sku: 'MUG', price: '1234.5', inventory_tracking: 'variant' });
    expect(Number.isNaN(product.inventory_level)).toBe(true);
    expect(product.variants[0]).toMatchObject({ sku: 'MUG-S', price: null, inventory_level: 0 });
  });
});
