import { describe, expect, it } from 'vitest';
import {
  applyPriceRule,
  createPriceRuleApplier,
  parsePriceRule,
  PriceRuleError,
  PriceRuleSchema,
  type PriceRule,
} from './index';
import { MoneyError } from './decimal';

const pct = (amount: string, round?: PriceRule['round'], floor?: string): PriceRule => ({
  kind: 'percent',
  amount,
  ...(round ? { round } : {}),
  ...(floor ? { floor } : {}),
});

describe('applyPriceRule: the headline cases', () => {
  it('+10 %, round to .99: 79.99 → 87.99', () => {
    expect(applyPriceRule('79.99', pct('10', { to: 'ending', ending: '.99' }))).toBe('87.99');
  });

  it('is exact where floats are not: 29.99 + 15 % = 34.4885 → 34.49 (float math gives 34.48)', () => {
    expect(applyPriceRule('29.99', pct('15'))).toBe('34.49');
    expect(applyPriceRule('29.99', { kind: 'multiply', amount: '1.15' })).toBe('34.49');
  });

  it('79.99 × 1.1 with places rounding is exactly 87.99', () => {
    expect(applyPriceRule('79.99', { kind: 'multiply', amount: '1.1' })).toBe('87.99');
    expect(applyPriceRule('79.99', { kind: 'multiply', amount: '1.1', round: { to: 'places' } })).toBe('87.99');
  });
});

describe('kinds', () => {
  it.each<[string, PriceRule, string]>([
    ['10', { kind: 'set', amount: '12.5' }, '12.50'],
    ['10', { kind: 'add', amount: '2.345' }, '12.35'],
    ['10', { kind: 'add', amount: '-2.5' }, '7.50'],
    ['10', { kind: 'multiply', amount: '0.5' }, '5.00'],
    ['10', { kind: 'percent', amount: '-25' }, '7.50'],
    ['10', { kind: 'percent', amount: '-100' }, '0.00'],
    ['10', { kind: 'percent', amount: '0' }, '10.00'],
    ['0', { kind: 'percent', amount: '50' }, '0.00'],
    ['0', { kind: 'add', amount: '0.01' }, '0.01'],
  ])('%s with %j → %s', (value, rule, expected) => {
    expect(applyPriceRule(value, rule)).toBe(expected);
  });

  it('never returns a negative price', () => {
    expect(applyPriceRule('5', { kind: 'add', amount: '-10' })).toBe('0.00');
    expect(applyPriceRule('-5', { kind: 'percent', amount: '10' })).toBe('0.00');
    expect(applyPriceRule('5', { kind: 'add', amount: '-10', round: { to: 'ending', ending: '.99' } })).toBe('0.99');
    expect(applyPriceRule('5', { kind: 'add', amount: '-10', round: { to: 'nearest', step: '0.05' } })).toBe('0.00');
  });
});

describe('round to an ending (nearest ending, ties up)', () => {
  const ending = (e: string) => ({ to: 'ending', ending: e }) as const;
  it.each<[string, string, number, string]>([
    ['87.989', '.99', 2, '87.99'],
    ['87.49', '.99', 2, '87.99'], // exactly 0.50 from 86.99 and from 87.99 → tie → up
    ['87.48', '.99', 2, '86.99'],
    ['87.50', '.99', 2, '87.99'],
    ['88', '.99', 2, '87.99'],
    ['87.99', '.99', 2, '87.99'],
    ['0.50', '.99', 2, '0.99'],
    ['0', '.99', 2, '0.99'],
    ['10.02', '.95', 2, '9.95'],
    ['10.45', '.95', 2, '10.95'], // tie → up
    ['10.44', '.95', 2, '9.95'],
    ['10.46', '.95', 2, '10.95'],
    ['12.49', '.00', 2, '12.00'],
    ['12.50', '.00', 2, '13.00'], // tie → up
    ['84', '9.99', 2, '79.99'],
    ['85', '9.99', 2, '89.99'], // tie (5.01 vs 4.99 → 89.99 nearer)
    ['84.99', '9.99', 2, '89.99'], // exact tie at 5.00 → up
    ['15', '0.99', 2, '10.99'], // documented: "0.99" cycles every 10
    ['1100', '9', 0, '1099'], // JPY
    ['1104', '9', 0, '1109'], // tie (5 vs 5) → up
    ['1000', '99', 0, '999'],
    ['12.3456', '.995', 3, '11.995'], // 3-decimal currency
    ['12.4955', '.995', 3, '12.995'], // tie-ish: 0.5005 below vs 0.4995 above → above
  ])('%s to ending %s (%i places) → %s', (value, e, places, expected) => {
    expect(applyPriceRule(value, { kind: 'add', amount: '0', round: ending(e) }, places)).toBe(expected);
  });

  it('handles huge values exactly', () => {
    expect(
      applyPriceRule('123456789012345678901234567.123', { kind: 'add', amount: '0', round: ending('.99') }),
    ).toBe('123456789012345678901234566.99');
  });

  it('rejects an ending with more decimals than the currency (".99" for JPY)', () => {
    expect(() => applyPriceRule('100', { kind: 'add', amount: '0', round: ending('.99') }, 0)).toThrow(
      /more decimals than the currency allows \(0\)/,
    );
  });
});

describe('round to nearest step (ties up)', () => {
  const nearest = (step: string) => ({ to: 'nearest', step }) as const;
  it.each<[string, string, number, string]>([
    ['87.989', '0.05', 2, '88.00'],
    ['87.97', '0.05', 2, '87.95'],
    ['87.975', '0.05', 2, '88.00'], // tie → up
    ['12.34', '0.25', 2, '12.25'],
    ['12.375', '0.25', 2, '12.50'], // tie → up
    ['1234', '50', 0, '1250'], // JPY step 50, tie → up
    ['1224', '50', 0, '1200'],
    ['0.02', '0.05', 2, '0.00'],
    ['0.025', '0.05', 2, '0.05'],
    ['10', '0.03', 2, '9.99'],
    ['1.2345', '0.005', 3, '1.235'], // tie → up
  ])('%s step %s (%i places) → %s', (value, step, places, expected) => {
    expect(applyPriceRule(value, { kind: 'add', amount: '0', round: nearest(step) }, places)).toBe(expected);
  });

  it('rejects a step finer than the currency', () => {
    expect(() => applyPriceRule('1', { kind: 'add', amount: '0', round: nearest('0.005') }, 2)).toThrow(PriceRuleError);
  });
});

describe('floor', () => {
  it('is a hard minimum applied after rounding, even over an ending', () => {
    expect(applyPriceRule('12', pct('-50', { to: 'ending', ending: '.99' }, '10'))).toBe('10.00');
    expect(applyPriceRule('30', pct('-50', { to: 'ending', ending: '.99' }, '10'))).toBe('14.99');
    expect(applyPriceRule('5', { kind: 'add', amount: '-10', floor: '1.5' })).toBe('1.50');
  });
  it('must fit the currency', () => {
    expect(() => applyPriceRule('5', { kind: 'add', amount: '1', floor: '1.5' }, 0)).toThrow(/floor/);
  });
});

describe('currencies', () => {
  it('JPY (0 places)', () => {
    expect(applyPriceRule('1980', pct('10'), 0)).toBe('2178');
    expect(applyPriceRule('1985', pct('-10'), 0)).toBe('1787'); // 1786.5 → half up
  });
  it('3-decimal currencies', () => {
    expect(applyPriceRule('12.345', pct('10'), 3)).toBe('13.580'); // 13.5795
    expect(applyPriceRule('0.001', { kind: 'multiply', amount: '0.5' }, 3)).toBe('0.001'); // 0.0005 half up
  });
  it('4-place V2 money in, currency places out', () => {
    expect(applyPriceRule('79.9900', pct('10'), 2)).toBe('87.99');
  });
});

describe('validation', () => {
  it.each<[unknown, RegExp]>([
    [{ kind: 'set', amount: '-1' }, /amount: a price cannot be set to a negative amount/],
    [{ kind: 'multiply', amount: '-2' }, /multiplier must not be negative/],
    [{ kind: 'percent', amount: '-101' }, /cannot be below -100/],
    [{ kind: 'percent', amount: '10%' }, /amount: must be a decimal string/],
    [{ kind: 'percent', amount: 10 }, /amount/],
    [{ kind: 'discount', amount: '1' }, /kind/],
    [{ kind: 'add', amount: '1', round: { to: 'ending', ending: '99c' } }, /round/],
    [{ kind: 'add', amount: '1', round: { to: 'nearest', step: '0' } }, /greater than zero/],
    [{ kind: 'add', amount: '1', round: { to: 'nearest', step: '-0.05' } }, /greater than zero/],
    [{ kind: 'add', amount: '1', round: { to: 'bankers' } }, /round/],
    [{ kind: 'add', amount: '1', floor: '-1' }, /floor: must not be negative/],
    [{ kind: 'add', amount: '1', extra: true }, /Unrecognized key|extra/],
  ])('rejects %j', (input, message) => {
    expect(() => parsePriceRule(input)).toThrow(message);
    expect(PriceRuleSchema.safeParse(input).success).toBe(false);
  });

  it('rejects an invalid value with a MoneyError', () => {
    expect(() => applyPriceRule('12,3x', pct('10'))).toThrow(MoneyError);
  });

  it('rejects bad decimal places', () => {
    expect(() => applyPriceRule('1', pct('10'), -1)).toThrow(RangeError);
  });

  it('accepts "-0" as a floor and "0" multipliers', () => {
    expect(applyPriceRule('9', { kind: 'multiply', amount: '0', floor: '-0' })).toBe('0.00');
  });
});

describe('createPriceRuleApplier', () => {
  it('gives the same results as applyPriceRule and validates the rule once, up front', () => {
    const rule: PriceRule = { kind: 'percent', amount: '10', round: { to: 'ending', ending: '.99' }, floor: '1' };
    const apply = createPriceRuleApplier(rule);
    for (const v of ['0', '0.5', '79.99', '1234.567', '99999999999999.99']) expect(apply(v)).toBe(applyPriceRule(v, rule));
    expect(() => createPriceRuleApplier({ kind: 'add', amount: '0', round: { to: 'ending', ending: '.99' } }, 0)).toThrow(PriceRuleError);
    expect(() => apply('12,3x')).toThrow(MoneyError);
  });

  it('prices 10,000 rows quickly enough for a live preview', () => {
    const apply = createPriceRuleApplier({ kind: 'percent', amount: '10', round: { to: 'ending', ending: '.99' } });
    for (let i = 0; i < 2_000; i++) apply(`${i}.49`); // JIT warm-up
    const start = performance.now();
    for (let i = 0; i < 10_000; i++) apply(`${i}.99`);
    // ~35 ms warm on the dev box; the bound only catches an accidental order-of-magnitude regression.
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
