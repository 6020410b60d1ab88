import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../../../shared/contract';
import { compareKeys, sortKey } from './sort-keys';
import { fillKeys, keyColumn, sortPlaces } from './sorted-rows';

const keysOf = (values: JsonValue[]) => {
  const keys = keyColumn(values.length);
  fillKeys(keys, values.map((_, index) => ({ index })), (row) => sortKey(values[row.index]!));
  return keys;
};
const places = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('sorting places over flat key arrays', () => {
  it('orders like compareKeys, ties in the data’s order, mixed kinds through the collator', () => {
    const values: JsonValue[] = ['10.5', 'SKU-10', null, 'sku-9', 'Äpfel', 3, '', '9.99', 'SKU-10', 'apple', true, '1234567890123456.01'];
    const expected = values.map((v, i) => ({ k: sortKey(v), i })).sort((a, b) => compareKeys(a.k, b.k) || a.i - b.i).map((x) => x.i);
    expect([...sortPlaces(places(values.length), [{ keys: keysOf(values), desc: false }])]).toEqual(expected);
  });
  it('reverses a descending column, empties included, and breaks ties by the next column', () => {
    const price = keysOf(['5.00', '3.00', '5.00', null]);
    const sku = keysOf(['B', 'Z', 'A', 'C']);
    expect([...sortPlaces(places(4), [{ keys: price, desc: true }])]).toEqual([3, 0, 2, 1]);
    expect([...sortPlaces(places(4), [{ keys: price, desc: false }, { keys: sku, desc: false }])]).toEqual([1, 2, 0, 3]);
  });
  it('sorts only the places given, and makes only the keys not made yet', () => {
    const values: JsonValue[] = ['c', 'a', 'b'];
    const keys = keyColumn(3);
    let made = 0;
    const keyOf = (row: { index: number }) => (made++, sortKey(values[row.index]!));
    fillKeys(keys, [{ index: 0 }, { index: 2 }], keyOf);
    expect([...sortPlaces([0, 2], [{ keys, desc: false }])]).toEqual([2, 0]);
    fillKeys(keys, [{ index: 0 }, { index: 1 }, { index: 2 }], keyOf);
    expect(made).toBe(3);
    expect([...sortPlaces(places(3), [{ keys, desc: false }])]).toEqual([1, 2, 0]);
  });
});
