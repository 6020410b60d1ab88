import type { JsonValue } from '../../../../../shared/contract';
import { isMoney } from '../../../../../shared/money';
import { compareValues } from './filters';

/**
 * A shown value prepared once per sort, so that the 1.7 million comparisons of sorting 100,000
 * rows are plain `<` on numbers and strings instead of a decimal parse or an Intl.Collator call
 * each (which cost a click-to-sort 0.5–1.5 s). Same order as `compareValues`: numbers and
 * decimals by value, empty last, text naturally ("SKU-9" before "SKU-10") and ignoring case;
 * text outside printable ASCII falls back to the collator.
 */
export interface SortKey {
  /** 0 number, 1 ASCII text (natural key), 2 other text, 3 empty. */
  kind: 0 | 1 | 2 | 3;
  n: number;
  s: string;
  value: JsonValue;
}

const ASCII = /^[\x20-\x7e]*$/;
/** Money with at most 15 significant digits is exact as a double. */
const SAFE_DIGITS = 15;

/**
 * A run of digits as a key that orders runs by value ("7" = "007" < "10"): a '0', then a character
 * for the number's length, then its digits — where padding every run to a fixed width made each
 * SKU's key twice as long to compare and to keep. Against any other character a run orders by its
 * leading '0', as a zero-padded run does.
 */
const digitsKey = (digits: string) => {
  const bare = digits.charCodeAt(0) === 48 ? digits.replace(/^0+(?=\d)/, '') : digits;
  return `0${String.fromCharCode(48 + bare.length)}${bare}`;
};

export function sortKey(value: JsonValue): SortKey {
  if (value === null || value === '') return { kind: 3, n: 0, s: '', value };
  if (typeof value === 'number') return { kind: 0, n: value, s: '', value };
  if (typeof value === 'boolean') return { kind: 0, n: Number(value), s: '', value };
  const text = String(value);
  if (isMoney(`${text}`)) return text.replace(/[-+.]/g, '').replace(/^0+/, '').length <= SAFE_DIGITS ? { kind: 0, n: Number(text), s: '', value } : { kind: 2, n: 0, s: text, value };
  if (ASCII.test(text)) return { kind: 1, n: 0, s: text.toLowerCase().replace(/\d+/g, digitsKey), value };
  return { kind: 2, n: 0, s: text, value };
}

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.kind === 3 || b.kind === 3) return a.kind === b.kind ? 0 : a.kind === 3 ? 1 : -1;
  if (a.kind === 0 && b.kind === 0) return a.n - b.n;
  if (a.kind === 1 && b.kind === 1) return a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
  return compareValues(a.value, b.value);
}
