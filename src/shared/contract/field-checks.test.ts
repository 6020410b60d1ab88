import { describe, expect, it } from 'vitest';
import { buildSkuIndex, editIssues, editValueProblem, moneyPlacesProblem } from './field-checks';

const usd = { currency: 'USD', decimalPlaces: 2 };
const products = [
  { id: 1, name: 'Blue mug', sku: 'MUG-1', variants: [{ id: 11, sku: 'MUG-1-S', option_values: [{ label: 'Small' }] }] },
  { id: 2, name: 'Red cap', sku: 'CAP-2', variants: [] },
];
const skuOwner = buildSkuIndex(products);

describe('moneyPlacesProblem', () => {
  it('refuses 156.009 for USD with the currency in the reason', () => {
    expect(moneyPlacesProblem('156.009', usd)).toBe('USD prices have 2 decimal places');
  });
  it.each([
    ['156.01', usd],
    ['156.010', usd], // trailing zeros are no extra precision
    ['1200', { currency: 'JPY', decimalPlaces: 0 }],
    ['12.345', { currency: 'KWD', decimalPlaces: 3 }],
  ])('accepts %s', (value, money) => {
    expect(moneyPlacesProblem(value, money)).toBeNull();
  });
  it('names whole-amount and 3-decimal currencies and a store without a known currency', () => {
    expect(moneyPlacesProblem('1200.5', { currency: 'JPY', decimalPlaces: 0 })).toBe('JPY prices have no decimal places');
    expect(moneyPlacesProblem('1.2345', { currency: 'KWD', decimalPlaces: 3 })).toBe('KWD prices have 3 decimal places');
    expect(moneyPlacesProblem('1.234', { currency: null, decimalPlaces: 1 })).toBe('This store’s prices have 1 decimal place');
  });
});

describe('editValueProblem', () => {
  const ctx = { money: usd, skuOwner };
  it.each([
    [{ entity: 'product', id: 1, field: 'price', to: '156.009' }, 'USD prices have 2 decimal places'],
    [{ entity: 'variant', id: 11, field: 'sale_price', to: '1.001' }, 'USD prices have 2 decimal places'],
    [{ entity: 'product', id: 1, field: 'price', to: '-1' }, 'must not be negative'],
    [{ entity: 'product', id: 1, field: 'inventory_level', to: -1 }, 'must be between 0 and 2147483647'],
    [{ entity: 'product', id: 1, field: 'inventory_level', to: 1.5 }, 'must be an integer'],
    [{ entity: 'product', id: 1, field: 'name', to: '' }, 'must be at least 1 characters'],
    [{ entity: 'product', id: 1, field: 'name', to: 'x'.repeat(251) }, 'must be at most 250 characters'],
    [{ entity: 'product', id: 1, field: 'sku', to: '  ' }, 'a SKU must not be empty'],
    [{ entity: 'product', id: 1, field: 'sku', to: 'CAP-2' }, 'SKU "CAP-2" is already used by “Red cap”'],
    [{ entity: 'product', id: 1, field: 'sku', to: 'cap-2' }, 'SKU "cap-2" is already used by “Red cap”'],
    [{ entity: 'product', id: 2, field: 'sku', to: 'MUG-1-S' }, 'SKU "MUG-1-S" is already used by a variant of “Blue mug” (Small)'],
  ] as const)('%j → %s', (edit, message) => {
    expect(editValueProblem(edit, ctx)).toBe(message);
  });
  it('accepts a row keeping its own SKU, a new SKU, and a SKU when there is no catalog to check', () => {
    expect(editValueProblem({ entity: 'product', id: 2, field: 'sku', to: 'CAP-2' }, ctx)).toBeNull();
    expect(editValueProblem({ entity: 'variant', id: 11, field: 'sku', to: 'MUG-1-M' }, ctx)).toBeNull();
    expect(editValueProblem({ entity: 'product', id: 2, field: 'sku', to: 'MUG-1' }, { money: usd })).toBeNull();
    expect(editValueProblem({ entity: 'product', id: 1, field: 'name', to: 'x'.repeat(250) }, ctx)).toBeNull();
  });
});

describe('editIssues', () => {
  it('reports each bad edit by index and a SKU given to two rows of one batch', () => {
    const issues = editIssues(
      [
        { entity: 'product', id: 1, field: 'price', to: '10.00' },
        { entity: 'product', id: 1, field: 'sku', to: 'NEW-1' },
        { entity: 'product', id: 2, field: 'sku', to: 'NEW-1' },
        { entity: 'product', id: 2, field: 'price', to: '0.001' },
      ],
      { money: usd, skuOwner },
    );
    expect(issues).toEqual([
      { index: 2, message: 'SKU "NEW-1" is given to two rows (also edit 1)' },
      { index: 3, message: 'USD prices have 2 decimal places' },
    ]);
  });
});
