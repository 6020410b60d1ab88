import { describe, expect, it } from 'vitest';
import { EDITABLE_FIELDS, sameFieldValue, type JsonValue } from '../../../../../shared/contract';
import { editsFromTexts, type EditableColumn } from './edits';
import { fillDownCells, pasteCells, pasteTarget } from './range';
import { parseClipboardText } from './clipboard';

interface Row {
  id: number;
  name: string;
  price: string;
  inventory_level: number;
  is_visible: boolean;
}

const rows: Row[] = [
  { id: 11, name: 'Mug', price: '10.50', inventory_level: 4, is_visible: true },
  { id: 12, name: 'Cup', price: '7.00', inventory_level: 0, is_visible: false },
  { id: 13, name: 'Jug', price: '22.00', inventory_level: 9, is_visible: true },
];
const column = (field: keyof Row): EditableColumn<Row> => ({
  entity: 'product',
  field,
  idOf: (r) => r.id,
  valueOf: (r) => r[field] as JsonValue,
});
// Columns: id (read-only), name, price, stock, visible.
const columns = [null, column('name'), column('price'), column('inventory_level'), column('is_visible')];
const size = { rows: rows.length, cols: columns.length };

describe('cell texts → edits', () => {
  it('turns a pasted block into typed edits against the shown values, skipping unchanged and read-only cells', () => {
    const block = parseClipboardText('999\tMug\t10.5\t5\r\n');
    const target = pasteTarget({ top: 0, left: 0, bottom: 0, right: 0 }, { rows: 1, cols: 4 }, size);
    const { edits, errors } = editsFromTexts(rows, columns, pasteCells(target, block));
    expect(errors).toEqual([]);
    // The id cell is read-only, the name and the price (10.5 = 10.50) did not change.
    expect(edits).toEqual([{ entity: 'product', id: 11, field: 'inventory_level', from: 4, to: 5 }]);
  });

  it('reports every bad cell with its text and reason, and stages the good ones of the same paste', () => {
    const block = parseClipboardText('12,5\n-1\n8.25\n');
    const target = pasteTarget({ top: 0, left: 2, bottom: 0, right: 2 }, { rows: 3, cols: 1 }, size);
    const { edits, errors } = editsFromTexts(rows, columns, pasteCells(target, block));
    expect(errors.map((e) => [e.cell.row, e.text])).toEqual([[0, '12,5'], [1, '-1']]);
    expect(errors[1]!.message).toBe('must not be negative');
    expect(edits).toEqual([{ entity: 'product', id: 13, field: 'price', from: '22.00', to: '8.25' }]);
  });

  it('fills down a flag and a price from the first selected row', () => {
    const texts = [...fillDownCells({ top: 0, left: 2, bottom: 2, right: 4 })].map(({ cell, from }) => ({
      cell,
      text: String(columns[from.col]!.valueOf(rows[from.row]!)),
    }));
    const { edits } = editsFromTexts(rows, columns, texts);
    expect(edits.map((e) => [e.id, e.field, e.to])).toEqual([
      [12, 'price', '10.5'], // decimal strings are normalized: 10.50 → "10.5"
      [12, 'inventory_level', 4],
      [12, 'is_visible', true],
      [13, 'price', '10.5'],
      [13, 'inventory_level', 4],
    ]);
  });

  it('compares money as decimals, and only money: a SKU "10" is not "10.0"', () => {
    const { price, inventory_level: stock, sku } = EDITABLE_FIELDS.product;
    expect(sameFieldValue(price!, '10.5', '10.50')).toBe(true);
    expect(sameFieldValue(price!, '10.5', '10.51')).toBe(false);
    expect(sameFieldValue(EDITABLE_FIELDS.variant.price!, null, null)).toBe(true);
    expect(sameFieldValue(stock!, 4, '4')).toBe(false);
    expect(sameFieldValue(sku!, '10', '10.0')).toBe(false);
  });
});

describe('store-aware checks as typed', () => {
  it('refuses 156.009 in a USD store with the reason, and stages the good cell of the same paste', () => {
    const texts = [
      { cell: { row: 0, col: 2 }, text: '156.009' },
      { cell: { row: 1, col: 2 }, text: '156.01' },
    ];
    const { edits, errors } = editsFromTexts(rows, columns, texts, { money: { currency: 'USD', decimalPlaces: 2 } });
    expect(errors).toEqual([{ cell: { row: 0, col: 2 }, text: '156.009', message: 'USD prices have 2 decimal places' }]);
    expect(edits).toEqual([{ entity: 'product', id: 12, field: 'price', from: '7.00', to: '156.01' }]);
  });
});
