import { describe, expect, it } from 'vitest';
import { describeFilter, localDayStart, matchesFilter, type ColumnFilterValue } from './filters';

const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);
const iso = (date: Date) => date.toISOString();
const rfc2822 = (date: Date) => date.toUTCString().replace('GMT', '+0000');
const range = (from?: string, to?: string): ColumnFilterValue => ({ op: 'dateRange', ...(from && { from }), ...(to && { to }) });
const passes = (filter: ColumnFilterValue, value: string | null) => matchesFilter(filter, value, '');

describe('date range filter (whole local days, both ends included)', () => {
  it('keeps a day from its first to its last minute, and drops the minute before and after', () => {
    const march = range('2025-03-01', '2025-03-31');
    expect(passes(march, iso(at(2025, 3, 1, 0, 0)))).toBe(true);
    expect(passes(march, iso(at(2025, 3, 31, 23, 59)))).toBe(true);
    expect(passes(march, iso(at(2025, 2, 28, 23, 59)))).toBe(false);
    expect(passes(march, iso(at(2025, 4, 1, 0, 0)))).toBe(false);
  });

  it('reads the V2 API’s RFC 2822 dates as well as ISO 8601', () => {
    expect(passes(range('2025-03-01', '2025-03-01'), rfc2822(at(2025, 3, 1, 12)))).toBe(true);
    expect(passes(range('2025-03-02'), rfc2822(at(2025, 3, 1, 12)))).toBe(false);
  });

  it('an open end is unbounded; no bounds keep everything, an empty date only when unbounded', () => {
    expect(passes(range('2025-03-01'), iso(at(2030, 1, 1)))).toBe(true);
    expect(passes(range(undefined, '2025-03-01'), iso(at(2001, 1, 1)))).toBe(true);
    expect(passes(range(), null)).toBe(true);
    expect(passes(range('2025-03-01'), null)).toBe(false);
    expect(passes(range('2025-03-01'), 'not a date')).toBe(false);
  });

  it('ignores a bound that is not a YYYY-MM-DD day (a hand-edited saved view)', () => {
    expect(localDayStart('2025-3-1')).toBeNull();
    expect(localDayStart('yesterday')).toBeNull();
    expect(passes(range('yesterday', '2025-03-01'), iso(at(2025, 1, 1)))).toBe(true);
    expect(localDayStart('2025-12-31', 1)).toBe(at(2026, 1, 1).getTime());
  });

  it('describes itself for the header and the toolbar', () => {
    expect(describeFilter(range('2025-03-01', '2025-03-31'))).toBe('2025-03-01 – 2025-03-31');
    expect(describeFilter(range('2025-03-01'))).toBe('from 2025-03-01');
    expect(describeFilter(range(undefined, '2025-03-31'))).toBe('until 2025-03-31');
  });
});
