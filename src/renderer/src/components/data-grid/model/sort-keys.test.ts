import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../../../shared/contract';
import { compareValues } from './filters';
import { compareKeys, sortKey } from './sort-keys';

const byKeys = (values: JsonValue[]) => values.map(sortKey).sort(compareKeys).map((k) => k.value);

describe('sort keys', () => {
  it('order like compareValues: decimals exactly, numbers, natural text ignoring case, empties last', () => {
    const values: JsonValue[] = ['10.5', '9.99', null, '100.00', '', '0.10', '0.09'];
    expect(byKeys(values)).toEqual([...values].sort(compareValues));
    expect(byKeys(['SKU-10', 'SKU-9', 'sku-1', 'Sku-002'])).toEqual(['sku-1', 'Sku-002', 'SKU-9', 'SKU-10']);
    expect(byKeys([3, 20, 1, null])).toEqual([1, 3, 20, null]);
    expect(byKeys([true, false])).toEqual([false, true]);
    expect(sortKey('Tee (NW-007)').s).toBe(sortKey('tee (nw-7)').s);
    expect(byKeys(['a 100000000000000000', 'a 0000000000000000000020', 'a 99999999999999999', 'a 3', 'a-', 'a 3b', 'a 3 '])).toEqual(['a 3', 'a 3 ', 'a 3b', 'a 0000000000000000000020', 'a 99999999999999999', 'a 100000000000000000', 'a-']);
  });
  it('keeps decimals beyond a double exact, and non-ASCII text to the collator', () => {
    expect(byKeys(['1234567890123456.02', '1234567890123456.01'])).toEqual(['1234567890123456.01', '1234567890123456.02']);
    expect(byKeys(['Zebra', 'Äpfel', 'apple'])).toEqual([...['Zebra', 'Äpfel', 'apple']].sort(compareValues));
  });
});
