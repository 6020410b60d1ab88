import { describe, expect, it } from 'vitest';
import type { CompareCell, CompareRow, CompareStore } from '../../../../shared/contract';
import { compareColumns, differences, headerNames } from './compare-columns';
import { parseSkus } from './compare-store';

const store = (storeId: string, currency: string): CompareStore => ({ storeId, name: storeId.toUpperCase(), color: '#000000', currency, decimalPlaces: 2, syncedAt: '2026-01-01T00:00:00Z' });
const cell = (price: string, stock: number | null): CompareCell => ({ entity: 'product', id: 1, productId: 1, name: 'Tee', price, stock });
const stores = [store('us', 'USD'), store('us2', 'USD'), store('eu', 'EUR')];

describe('differences', () => {
  it('compares prices only within one currency, stock across all, and counts a missing store', () => {
    const row: CompareRow = { sku: 'A', cells: [cell('10.00', 3), cell('10.0', 3), cell('9.20', 3)] };
    expect(differences(row, stores)).toEqual([]);
    expect(differences({ sku: 'A', cells: [cell('10.00', 3), cell('11.00', 4), null] }, stores)).toEqual(['missing', 'price', 'stock']);
  });
});

describe('compareColumns', () => {
  it('gives each store a price column with its currency and a stock column, highlighting what differs from the first store that has the SKU', () => {
    const columns = compareColumns({ stores });
    expect(columns.map((c) => c.label)).toEqual(['SKU', 'USD · US', 'USD · US2', 'EUR · EU', 'Stock · US', 'Stock · US2', 'Stock · EU', 'Differs', 'Name']);
    const row: CompareRow = { sku: 'A', cells: [null, cell('10.00', 3), cell('9.20', 5)] };
    const byLabel = (label: string) => columns.find((c) => c.label === label)!;
    expect(byLabel('USD · US').highlight!(row)).toBe('not in US');
    expect(byLabel('USD · US').format!(null, row)).toBe('—');
    expect(byLabel('USD · US2').highlight!(row)).toBeNull();
    expect(byLabel('EUR · EU').highlight!(row)).toBeNull();
    expect(byLabel('Stock · EU').highlight!(row)).toBe('stock differs');
    expect(byLabel('Differs').value(row)).toBe('missing, stock');
  });
});

describe('headerNames', () => {
  it('shortens the stores to their first word when that still tells them apart', () => {
    expect(headerNames([{ name: 'Northwind Apparel & Home' }, { name: 'Havelberg Haus & Mode' }])).toEqual(['Northwind', 'Havelberg']);
    expect(headerNames([{ name: 'Northwind Apparel & Home' }, { name: 'Northwind Apparel & Home 2' }])).toEqual(['Northwind Apparel & Home', 'Northwind Apparel & Home 2']);
  });
});

describe('parseSkus', () => {
  it('takes SKUs one per line or separated by commas, semicolons or tabs', () => {
    expect(parseSkus(' A-1\nB-2, C-3;D-4\tE-5\n\n')).toEqual(['A-1', 'B-2', 'C-3', 'D-4', 'E-5']);
  });
});
