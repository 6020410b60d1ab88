import { compareMoney, isMoney } from '../../../../../shared/money';
import type { JsonValue } from '../../../../../shared/contract';

/** A per-column filter, as the column menu sets it and a saved view stores it. */
export type ColumnFilterValue =
  | { op: 'contains' | 'equals'; text: string }
  | { op: 'range'; min?: string; max?: string }
  | { op: 'empty' | 'notEmpty' }
  | { op: 'oneOf'; values: string[] };

const isEmpty = (value: JsonValue): boolean => value === null || value === '';

/** Numbers and decimal strings compare exactly (money stays decimal); anything else is not a number. */
export function compareNumeric(a: JsonValue, b: string): number | null {
  const left = typeof a === 'number' ? String(a) : a;
  if (typeof left !== 'string' || !isMoney(left) || !isMoney(b)) return null;
  return compareMoney(left, b);
}

/** Whether a cell (its value and shown text) passes a column filter. */
export function matchesFilter(filter: ColumnFilterValue, value: JsonValue, text: string): boolean {
  switch (filter.op) {
    case 'contains':
      return text.toLowerCase().includes(filter.text.trim().toLowerCase());
    case 'equals':
      return text.trim().toLowerCase() === filter.text.trim().toLowerCase();
    case 'empty':
      return isEmpty(value);
    case 'notEmpty':
      return !isEmpty(value);
    case 'oneOf':
      return filter.values.length === 0 || filter.values.includes(String(value ?? '')) || filter.values.includes(text);
    case 'range': {
      const min = filter.min?.trim();
      const max = filter.max?.trim();
      if (min) {
        const c = compareNumeric(value, min);
        if (c === null || c < 0) return false;
      }
      if (max) {
        const c = compareNumeric(value, max);
        if (c === null || c > 0) return false;
      }
      return true;
    }
  }
}

/** Sort order of two shown values: numbers and decimals as numbers, empty last, text by locale. */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
export function compareValues(a: JsonValue, b: JsonValue): number {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) === isEmpty(b) ? 0 : isEmpty(a) ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const left = String(a);
  const right = String(b);
  if (isMoney(left) && isMoney(right)) return compareMoney(left, right);
  return collator.compare(left, right);
}

/** A short description of a filter for the header and toolbar ("≥ 10", "empty"). */
export function describeFilter(filter: ColumnFilterValue): string {
  switch (filter.op) {
    case 'contains':
      return `contains “${filter.text}”`;
    case 'equals':
      return `= “${filter.text}”`;
    case 'empty':
      return 'empty';
    case 'notEmpty':
      return 'not empty';
    case 'oneOf':
      return `one of ${filter.values.join(', ')}`;
    case 'range':
      return [filter.min ? `≥ ${filter.min}` : '', filter.max ? `≤ ${filter.max}` : ''].filter(Boolean).join(' and ');
  }
}
