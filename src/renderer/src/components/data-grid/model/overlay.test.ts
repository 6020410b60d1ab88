import { describe, expect, it } from 'vitest';
import type { StagedEdit } from '../../../../../shared/contract';
import { buildOverlay, storeMoved } from './overlay';

const staged = (over: Partial<StagedEdit> = {}): StagedEdit => ({ entity: 'product', id: 7, field: 'price', from: '70.00', to: '77.00', stagedAt: '2026-12-03T10:00:00.000Z', ...over });
const price = { entity: 'product' as const, id: 7, field: 'price' };

describe('overlay: a staged edit over a store value that moved', () => {
  it('notices the store moving away from the staged from, as the store compares values (70 = 70.00)', () => {
    const entry = buildOverlay([staged()], new Map()).get('product:7:price');
    expect(storeMoved(entry, price, '70')).toBe(false);
    expect(storeMoved(entry, price, '71.50')).toBe(true);
  });

  it('says nothing for an optimistic value, an edit with a job note (that note says more) or no edit', () => {
    const pending = buildOverlay([], new Map([['product:7:price', { to: '80.00', batch: 1 }]])).get('product:7:price');
    expect(storeMoved(pending, price, '71.50')).toBe(false);
    const noted = buildOverlay([staged({ note: { status: 'conflict', serverValue: '71.50', jobId: 'j1' } })], new Map()).get('product:7:price');
    expect(storeMoved(noted, price, '71.50')).toBe(false);
    expect(storeMoved(undefined, price, '71.50')).toBe(false);
  });
});
