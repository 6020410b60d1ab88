import { compareMoney, isMoney } from '../../../../../shared/money';
import type { JsonValue } from '../../../../../shared/contract';

/** A per-column filter, as the column menu sets it and a saved view stores it. */
export type ColumnFilterValue =
  | { op: 'contains' | 'equals'; text: string }
  | { op: 'range'; min?: string; max?: string }
  /** Local calendar days `YYYY-MM-DD`, both included (the API's `date_created:min/max` over whole days). */
  | { op: 'dateRange'; from?: string; to?: string }
  | { op: 'empty' | 'notEmpty' }
  | { op: 'oneOf'; values: string[] };

const isEmpty = (value: JsonValue): boolean => value === null || value === '';

/** Numbers and decimal strings compare exactly (money stays decimal); anything else is not a number. */
export function compareNumeric(a: JsonValue, b: string): number | null {
  const left = typeof a === 'number' ? String(a) : a;
  if (typeof left !== 'string' || !isMoney(left) || !isMoney(b)) return null;
  return compareMoney(left, b);
}

/** Midnight (local time) starting a `YYYY-MM-DD` day, `days` later; null for anything else. */
export function localDayStart(day: string | undefined, days = 0): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day?.trim() ?? '');
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days).getTime();
}

/** A date cell (ISO 8601 or the V2 API's RFC 2822) within whole local days; no bound = open. */
function inDays(value: JsonValue, from: string | undefined, to: string | undefined): boolean {
  const start = localDayStart(from);
  const end = localDayStart(to, 1);
  if (start === null && end === null) return true;
  const at = typeof value === 'string' && value ? Date.parse(value) : NaN;
  if (Number.isNaN(at)) return false;
  return (start === null || at >= start) && (end === null || at < end);
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
    case 'dateRange':
      return inDays(value, filter.from, filter.to);
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
    case 'dateRange':
      return filter.from && filter.to ? `${filter.from} – ${filter.to}` : filter.from ? `from ${filter.from}` : filter.to ? `until ${filter.to}` : 'any date';
  }
}
