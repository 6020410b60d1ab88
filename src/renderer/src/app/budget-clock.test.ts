import { describe, expect, it } from 'vitest';
import type { RateBudget } from '../../../shared/contract';
import { budgetAt } from './budget-clock';

const budget: RateBudget = { storeId: 's', storeHash: 'h', left: 40, quota: 150, windowMs: 30_000, resetAt: 100_000, inFlight: 0, queued: 0, waitingMs: 0 };

describe('budgetAt', () => {
  it('counts down to the reset, a second at a time', () => {
    expect(budgetAt(budget, 70_000)).toEqual({ left: 40, resetS: 30 });
    expect(budgetAt(budget, 98_500)).toEqual({ left: 40, resetS: 2 });
    expect(budgetAt(budget, 99_500)).toEqual({ left: 40, resetS: 1 });
  });

  it('rolls over with the window once the reset has passed: whole quota, next countdown', () => {
    expect(budgetAt(budget, 100_000)).toEqual({ left: 150, resetS: 30 });
    expect(budgetAt(budget, 101_000)).toEqual({ left: 150, resetS: 29 });
    expect(budgetAt(budget, 100_000 + 95_000)).toEqual({ left: 150, resetS: 25 });
  });

  it('without a window length it cannot roll over, and says so with 0 s', () => {
    expect(budgetAt({ ...budget, windowMs: null }, 120_000)).toEqual({ left: 40, resetS: 0 });
    expect(budgetAt({ ...budget, resetAt: null }, 120_000)).toEqual({ left: 40, resetS: null });
  });
});
