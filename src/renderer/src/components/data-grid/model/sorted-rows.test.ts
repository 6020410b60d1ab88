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
  it('ranks all-number and all-ASCII columns like the comparison sort: ties, -0, empties, descending, several columns, a subset', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const size = 500;
    const names: JsonValue[] = Array.from({ length: size }, () => (random(9) === 0 ? (random(2) ? null : '') : `Item ${random(40)}${'ab'[random(2)]}`));
    const prices: JsonValue[] = Array.from({ length: size }, () => (random(9) === 0 ? null : random(12) === 0 ? '-0.00' : `${random(30)}.${random(2) ? '50' : '00'}`));
    const name = keysOf(names);
    const price = keysOf(prices);
    const subset = places(size).filter((p) => p % 3 !== 1);
    const expected = (at: number[], by: Array<{ values: JsonValue[]; desc: boolean }>) =>
      [...at].sort((a, b) => {
        for (const { values, desc } of by) {
          const c = compareKeys(sortKey(values[a]!), sortKey(values[b]!));
          if (c !== 0) return desc ? -c : c;
        }
        return a - b;
      });
    for (const desc of [false, true]) {
      expect([...sortPlaces(places(size), [{ keys: name, desc }])]).toEqual(expected(places(size), [{ values: names, desc }]));
      expect([...sortPlaces(subset, [{ keys: price, desc }, { keys: name, desc: !desc }])]).toEqual(expected(subset, [{ values: prices, desc }, { values: names, desc: !desc }]));
    }
  });
});
