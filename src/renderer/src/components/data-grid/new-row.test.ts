import { describe, expect, it } from 'vitest';
import { newRowCount, PENDING_SHOWN } from './new-row';
import type { NewRowDef } from './types';

const def = (pending: number): NewRowDef => ({
  label: 'New product',
  columns: ['name'],
  submit: () => Promise.resolve({}),
  pending: Array.from({ length: pending }, (_, i) => ({ key: `p${i}`, label: `Product ${i}`, values: {} })),
});

describe('newRowCount', () => {
  it('counts the entry row, the pending rows shown and the line that counts the rest', () => {
    expect(newRowCount(undefined)).toBe(0);
    expect(newRowCount(def(0))).toBe(1);
    expect(newRowCount(def(PENDING_SHOWN))).toBe(PENDING_SHOWN + 1);
    expect(newRowCount(def(PENDING_SHOWN + 7))).toBe(PENDING_SHOWN + 2);
  });
});
