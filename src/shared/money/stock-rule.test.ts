import { describe, expect, it } from 'vitest';
import { applyStockRule, MAX_INVENTORY_LEVEL, parseStockRule, StockRuleError } from './index';

describe('applyStockRule', () => {
  it.each<[number | null, { kind: 'set' | 'add'; amount: number }, number]>([
    [5, { kind: 'set', amount: 12 }, 12],
    [5, { kind: 'set', amount: 0 }, 0],
    [5, { kind: 'add', amount: 3 }, 8],
    [5, { kind: 'add', amount: -3 }, 2],
    [5, { kind: 'add', amount: -30 }, 0], // clamp ≥ 0
    [0, { kind: 'add', amount: 0 }, 0],
    [null, { kind: 'add', amount: 4 }, 4],
    [-3, { kind: 'add', amount: 1 }, 0], // a bad negative current level is clamped too
    [MAX_INVENTORY_LEVEL - 1, { kind: 'add', amount: 10 }, MAX_INVENTORY_LEVEL],
    [0, { kind: 'set', amount: Number.MAX_SAFE_INTEGER }, MAX_INVENTORY_LEVEL],
  ])('%s with %j → %i', (current, rule, expected) => {
    expect(applyStockRule(current, rule)).toBe(expected);
  });

  it.each<unknown>([
    { kind: 'set', amount: -1 },
    { kind: 'add', amount: 1.5 },
    { kind: 'add', amount: Number.NaN },
    { kind: 'add', amount: '5' },
    { kind: 'add', amount: 2 ** 60 },
    { kind: 'multiply', amount: 2 },
  ])('rejects %j', (rule) => {
    expect(() => parseStockRule(rule)).toThrow(StockRuleError);
  });

  it('rejects a non-integer current level', () => {
    expect(() => applyStockRule(1.5, { kind: 'add', amount: 1 })).toThrow(StockRuleError);
  });
});
