import type { JsonValue } from '../../../../../shared/contract';
import { compareValues } from './filters';
import type { SortKey } from './sort-keys';

/**
 * A column's sort keys for the table's rows, by the row's place in the data (`row.index`), as flat
 * arrays: sorting 100,000 rows makes about 1.7 million comparisons, and each one reads two numbers
 * or two strings here instead of calling back into the table per row (TanStack's sortFn path cost a
 * click-to-sort about a second).
 */
export interface KeyColumn {
  /** SortKey.kind per row (0 number, 1 ASCII natural key, 2 other text, 3 empty); 255 not made yet. */
  kind: Uint8Array;
  n: Float64Array;
  s: string[];
  value: JsonValue[];
}

const NOT_MADE = 255;

export function keyColumn(size: number): KeyColumn {
  return { kind: new Uint8Array(size).fill(NOT_MADE), n: new Float64Array(size), s: new Array<string>(size), value: new Array<JsonValue>(size) };
}

/** Makes the keys of these rows (by their place, `index`) not made yet: a filter may have hidden others. */
export function fillKeys<R extends { index: number }>(keys: KeyColumn, rows: readonly R[], keyOf: (row: R) => SortKey): void {
  for (const row of rows) {
    const at = row.index;
    if (keys.kind[at] !== NOT_MADE) continue;
    const key = keyOf(row);
    keys.kind[at] = key.kind;
    keys.n[at] = key.n;
    keys.s[at] = key.s;
    keys.value[at] = key.value;
  }
}

/** The order of two places by one column's keys, as compareKeys orders their keys. */
function compareAt(k: KeyColumn, a: number, b: number): number {
  const ka = k.kind[a]!;
  const kb = k.kind[b]!;
  if (ka === 3 || kb === 3) return ka === kb ? 0 : ka === 3 ? 1 : -1;
  if (ka === 0 && kb === 0) return k.n[a]! - k.n[b]!;
  if (ka === 1 && kb === 1) {
    const x = k.s[a]!;
    const y = k.s[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return compareValues(k.value[a]!, k.value[b]!);
}

/**
 * Sorts places (row indexes) by several columns' keys; a descending column reverses its whole order
 * (empties included, as TanStack's sort does); ties keep the data's order.
 */
export function sortPlaces(places: ArrayLike<number>, by: ReadonlyArray<{ keys: KeyColumn; desc: boolean }>): Uint32Array {
  const order = Uint32Array.from(places);
  order.sort((a, b) => {
    for (let i = 0; i < by.length; i++) {
      const c = compareAt(by[i]!.keys, a, b);
      if (c !== 0) return by[i]!.desc ? -c : c;
    }
    return a - b;
  });
  return order;
}
