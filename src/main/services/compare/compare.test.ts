import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/rpc';
import type { ProductRow, VariantRow } from '../catalog';
import { planCopy, priceFactor, type CopySide } from './copy-plan';
import { matchSkus } from './matching';
import { indexSkus } from './sku-index';

const variant = (id: number, productId: number, sku: string, price: string | null, stock: number | null): VariantRow => ({
  id, product_id: productId, sku, price, sale_price: null, cost_price: null, inventory_level: stock, bin_picking_number: null, option_values: [{ label: 'M', option_display_name: 'Size' }],
});

const product = (id: number, sku: string, price: string, over: Partial<ProductRow> = {}): ProductRow => ({
  id, name: `P${id}`, sku, price, sale_price: '0', cost_price: '0', retail_price: '0', inventory_level: 7, inventory_tracking: 'product', bin_picking_number: '',
  is_visible: true, brand_id: 1, categories: [], weight: 1, date_modified: '2026-01-01T00:00:00+00:00', type: 'physical', inventory_warning_level: 0,
  variants: [variant(id * 10, id, sku, null, 7)], ...over,
});

const usd: CopySide = {
  name: 'US store', currency: 'USD', decimalPlaces: 2,
  index: indexSkus([
    product(1, 'TEE-1', '10.00'),
    product(2, 'HAT', '19.99', { inventory_tracking: 'variant', variants: [variant(21, 2, 'HAT-M', '21.50', 4), variant(22, 2, 'HAT-L', null, 0)] }),
    product(3, 'MUG', '5.00', { inventory_tracking: 'none' }),
  ]),
};
const eur: CopySide = {
  name: 'EU store', currency: 'EUR', decimalPlaces: 2,
  index: indexSkus([
    product(101, 'tee-1', '9.00', { inventory_level: 2 }),
    product(102, 'HAT', '18.00', { inventory_tracking: 'variant', variants: [variant(121, 102, 'HAT-M', null, 1), variant(122, 102, 'HAT-L', '18.40', 0)] }),
    product(103, 'MUG', '4.00', { inventory_level: 3 }),
    product(104, 'ONLY-EU', '1.00'),
  ]),
};

describe('indexSkus', () => {
  it('makes the product the row of its own SKU, and a variant shows its product price when it has none', () => {
    expect(usd.index.get('tee-1')).toMatchObject({ entity: 'product', id: 1, price: '10.00', stock: 7, stockRefusal: null });
    expect(usd.index.get('hat-l')).toMatchObject({ entity: 'variant', id: 22, productId: 2, price: '19.99', ownPrice: null, stock: 0 });
    expect(usd.index.get('hat')).toMatchObject({ entity: 'product', stockRefusal: 'its stock is kept per variant there' });
    expect(usd.index.get('mug')).toMatchObject({ stock: null, stockRefusal: 'that store does not track its stock' });
  });
});

describe('matchSkus', () => {
  it('without chosen SKUs, lists every SKU two stores share, case-insensitively, sorted', () => {
    const { rows, unknown, truncated } = matchSkus([usd.index, eur.index]);
    expect(rows.map((r) => r.sku)).toEqual(['HAT', 'HAT-L', 'HAT-M', 'MUG', 'TEE-1']);
    expect(rows[4]!.cells.map((c) => c?.price)).toEqual(['10.00', '9.00']);
    expect(unknown).toEqual([]);
    expect(truncated).toBe(false);
  });

  it('keeps chosen SKUs in order, once each, with null where a store lacks one, and names unknown ones', () => {
    const { rows, unknown } = matchSkus([usd.index, eur.index], ['ONLY-EU', 'nope', 'tee-1', 'TEE-1 ']);
    expect(rows.map((r) => [r.sku, r.cells.map((c) => c?.id ?? null)])).toEqual([['ONLY-EU', [null, 104]], ['tee-1', [1, 101]]]);
    expect(unknown).toEqual(['nope']);
  });

  it('stops at the row limit and says so', () => {
    const { rows, truncated } = matchSkus([usd.index, eur.index], undefined, 2);
    expect(rows).toHaveLength(2);
    expect(truncated).toBe(true);
  });
});

describe('priceFactor', () => {
  it('needs an explicit factor across currencies, and is 1 within one', () => {
    expect(() => priceFactor(usd, eur, undefined)).toThrow(AppError);
    expect(() => priceFactor(usd, eur, undefined)).toThrow(/US store uses USD and EU store uses EUR/);
    expect(priceFactor(usd, eur, '0.92')).toBe('0.92');
    expect(priceFactor(usd, { ...usd, name: 'other' }, undefined)).toBe('1');
    expect(() => priceFactor({ ...usd, currency: null }, { ...usd, currency: null }, undefined)).toThrow(/unknown currency/);
  });
});

describe('planCopy', () => {
  it('copies stock to where the target keeps it, and says why it cannot elsewhere', () => {
    const plan = planCopy({ from: usd, to: eur, skus: ['TEE-1', 'HAT-M', 'HAT-L', 'HAT', 'MUG', 'ONLY-EU'], fields: ['stock'] });
    expect(plan.edits).toEqual([
      { entity: 'product', id: 101, field: 'inventory_level', from: 2, to: 7 },
      { entity: 'variant', id: 121, productId: 102, field: 'inventory_level', from: 1, to: 4 },
    ]);
    expect(plan.unchanged).toBe(1);
    expect(plan.skipped).toEqual([
      { sku: 'HAT', field: 'stock', reason: 'its stock is kept per variant there' },
      { sku: 'MUG', field: 'stock', reason: 'US store does not track its stock' },
      { sku: 'ONLY-EU', field: 'stock', reason: 'not in US store' },
    ]);
  });

  it('multiplies prices by the factor exactly and rounds half-up to the target decimals', () => {
    const plan = planCopy({ from: usd, to: eur, skus: ['TEE-1', 'HAT-M', 'HAT-L'], fields: ['price'], factor: '0.925' });
    // 10.00 × 0.925 = 9.25; 21.50 × 0.925 = 19.8875 → 19.89; 19.99 × 0.925 = 18.49075 → 18.49.
    expect(plan.edits).toEqual([
      { entity: 'product', id: 101, field: 'price', from: '9.00', to: '9.25' },
      { entity: 'variant', id: 121, productId: 102, field: 'price', from: null, to: '19.89' },
      { entity: 'variant', id: 122, productId: 102, field: 'price', from: '18.40', to: '18.49' },
    ]);
  });

  it('refuses a price copy across currencies without a factor, but copies stock without one', () => {
    expect(() => planCopy({ from: usd, to: eur, skus: ['TEE-1'], fields: ['price', 'stock'] })).toThrow(/give the factor/);
    expect(planCopy({ from: usd, to: eur, skus: ['TEE-1'], fields: ['stock'] }).edits).toHaveLength(1);
  });

  it('counts a price the target already shows (inherited included) as unchanged', () => {
    const same: CopySide = { ...eur, currency: 'USD', index: indexSkus([product(102, 'HAT', '21.50', { inventory_tracking: 'variant', variants: [variant(121, 102, 'HAT-M', null, 1)] })]) };
    const plan = planCopy({ from: usd, to: same, skus: ['HAT-M'], fields: ['price'] });
    expect(plan).toEqual({ edits: [], skipped: [], unchanged: 1 });
  });
});
