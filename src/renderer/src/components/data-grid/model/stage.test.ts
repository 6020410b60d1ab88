import { describe, expect, it } from 'vitest';
import type { GridColumn } from '../types';
import { prepareStage } from './stage';

interface Item {
  id: number;
  price: string;
  stock: number;
  tracked: boolean;
}
const price: GridColumn<Item> = { id: 'price', label: 'Price', value: (r) => r.price, edit: (r) => ({ entity: 'product', id: r.id, field: 'price' }) };
const stock: GridColumn<Item> = {
  id: 'stock',
  label: 'Stock',
  value: (r) => r.stock,
  edit: (r) => ({ entity: 'product', id: r.id, field: 'inventory_level' }),
  refuse: (r) => (r.tracked ? null : 'Inventory is tracked by variant; edit the variant rows.'),
};
const idCol: GridColumn<Item> = { id: 'id', label: 'ID', value: (r) => r.id };
const a: Item = { id: 1, price: '10.00', stock: 3, tracked: true };
const b: Item = { id: 2, price: '5.00', stock: 1, tracked: false };
const at = (row: Item, column: GridColumn<Item>, text: string) => ({ row, rowId: String(row.id), column, text });
const shown = (_key: string, column: GridColumn<Item>, row: Item) => column.value(row);

describe('cell texts → staged edits and one undo step', () => {
  it('stages changed cells, skips read-only and unchanged ones, and refuses with the row’s or the field’s reason', () => {
    const { edits, step, refused } = prepareStage([at(a, price, '12.5'), at(a, idCol, '9'), at(b, price, '5'), at(b, stock, '4'), at(a, stock, '-1')], shown);
    expect(edits).toEqual([{ entity: 'product', id: 1, field: 'price', from: '10.00', to: '12.5' }]);
    expect(step).toEqual([{ target: { entity: 'product', id: 1, field: 'price' }, before: '10.00', after: '12.5' }]);
    expect(refused.map((r) => [r.rowId, r.columnId, r.message])).toEqual([
      ['2', 'stock', 'Inventory is tracked by variant; edit the variant rows.'],
      ['1', 'stock', expect.stringContaining('between 0')],
    ]);
  });
  it('keeps the last text for a cell written twice, and lets the screen refuse what the field spec allows', () => {
    const twice = prepareStage([at(a, price, '11'), at(a, price, '12')], shown);
    expect(twice.edits.map((e) => e.to)).toEqual(['12']);
    const back = prepareStage([at(a, price, '11'), at(a, price, '10.0')], shown);
    expect(back.edits).toEqual([]); // the last text is the store's value: nothing to stage
    const places = prepareStage([at(a, price, '156.009')], shown, (_t, value) => (String(value).split('.')[1]?.length ?? 0) > 2 ? 'at most 2 decimal places' : null);
    expect(places.refused[0]!.message).toBe('at most 2 decimal places');
  });
  it('reads a column’s shown text back into the stored value through column.parse (a name typed for an id)', () => {
    const names = new Map([['low', '1'], ['high', '9']]);
    const level: GridColumn<Item> = { ...stock, refuse: undefined, parse: (text) => names.get(text.trim().toLowerCase()) ?? text };
    const { edits, refused } = prepareStage([at(a, level, 'High'), at(b, level, 'medium')], shown);
    expect(edits).toEqual([{ entity: 'product', id: 1, field: 'inventory_level', from: 3, to: 9 }]);
    expect(refused.map((r) => r.message)).toEqual(['"medium" is not a whole number']);
  });
  it('names each edit’s staged key in order, and keeps a variant’s product id on its edit', () => {
    const variantPrice: GridColumn<Item> = { id: 'vprice', label: 'Price', value: (r) => r.price, edit: (r) => ({ entity: 'variant', id: r.id + 100, productId: r.id, field: 'price' }) };
    const { edits, keys } = prepareStage([at(a, price, '11'), at(b, variantPrice, '7.5'), at(a, price, '12')], shown);
    expect(keys).toEqual(['product:1:price', 'variant:102:price']);
    expect(edits).toEqual([
      { entity: 'product', id: 1, field: 'price', from: '10.00', to: '12' },
      { entity: 'variant', id: 102, productId: 2, field: 'price', from: '5.00', to: '7.5' },
    ]);
  });
});
