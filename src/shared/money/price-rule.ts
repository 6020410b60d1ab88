import { z } from 'zod';
import {
  assertDecimalPlaces,
  formatDecimal,
  fractionDigits,
  MONEY_PATTERN,
  toDecimal,
  type Decimal,
} from './decimal';

/**
 * Price rules: the same function computes the renderer's preview and main's apply, so the
 * number a merchant saw is the number that gets sent.
 *
 * Pipeline for `applyPriceRule(value, rule, decimalPlaces)`:
 * 1. raw = set: amount | add: value + amount | multiply: value × amount | percent: value × (100 + amount) / 100
 *    (exact decimal arithmetic, no intermediate rounding; "percent -10" is 10 % off).
 * 2. A price is never negative: raw below 0 becomes 0.
 * 3. Round (default `places`):
 *    - `places`: half away from zero to `decimalPlaces`.
 *    - `nearest` step S: the nearest multiple of S (0, S, 2S, ...); an exact tie goes up.
 *    - `ending` E: the nearest price that "ends in" E. E's integer digits decide the cycle M:
 *      ".99" → M = 1 (…, 86.99, 87.99, …); "9.99" → M = 10 (…, 79.99, 89.99, …);
 *      "9" → M = 10 (…, 1999, 2009 …, JPY style); "99" → M = 100. Candidates are E + k·M for
 *      k = 0, 1, 2, …; the nearest to the exact raw value wins; an exact tie goes up; the smallest
 *      candidate is E itself, so the result is never negative (raw 0.50 with ".99" → 0.99).
 *      Note "0.99" therefore means M = 10 (10.99, 20.99, …); use ".99" for "any price ending .99".
 *    `step` and `ending` may not have more decimals than the currency (".99" for JPY is an error).
 * 4. `floor` is a hard minimum applied last: if the rounded price is below it, the result is the
 *    floor itself even if that breaks the ending (a floor of 10 with ending ".99" gives 10.00, not
 *    10.99), because a floor is a "never sell below" guard, not a styling choice.
 * 5. Output is padded to `decimalPlaces` ("88" → "88.00").
 *
 * Example: 79.99, percent 10, ending ".99": 79.99 × 1.1 = 87.989 exactly; candidates 86.99 and
 * 87.99; 87.99 is nearer → "87.99".
 */

const money = z.string().regex(MONEY_PATTERN, 'must be a decimal string such as "12.50"');
const nonNegativeMoney = money.refine((s) => !s.startsWith('-') || /^-0*(\.0*)?$/.test(s), {
  message: 'must not be negative',
});
const positiveMoney = money.refine((s) => /[1-9]/.test(s) && !s.startsWith('-'), {
  message: 'must be greater than zero',
});

export const PriceRoundingSchema = z.discriminatedUnion('to', [
  z.strictObject({ to: z.literal('places') }),
  z.strictObject({
    to: z.literal('ending'),
    ending: z
      .string()
      .regex(/^(\d+|\d*\.\d+)$/, 'must look like ".99", ".95", ".00", "9.99" or "9"'),
  }),
  z.strictObject({ to: z.literal('nearest'), step: positiveMoney }),
]);
export type PriceRounding = z.infer<typeof PriceRoundingSchema>;

export const PriceRuleSchema = z
  .strictObject({
    kind: z.enum(['set', 'add', 'multiply', 'percent']),
    amount: money,
    round: PriceRoundingSchema.optional(),
    floor: nonNegativeMoney.optional(),
  })
  .superRefine((rule, ctx) => {
    const problem = amountProblem(rule.kind, rule.amount);
    if (problem) ctx.addIssue({ code: 'custom', path: ['amount'], message: problem });
  });
export type PriceRule = z.infer<typeof PriceRuleSchema>;

function amountProblem(kind: PriceRule['kind'], amount: string): string | null {
  if (!MONEY_PATTERN.test(amount)) return null; // the regex issue is already reported
  const a = toDecimal(amount);
  if (kind === 'set' && a.lt('0')) return 'a price cannot be set to a negative amount';
  if (kind === 'multiply' && a.lt('0')) return 'a multiplier must not be negative';
  if (kind === 'percent' && a.lt('-100')) return 'a percentage change cannot be below -100';
  return null;
}

export class PriceRuleError extends Error {
  readonly code = 'INVALID_PRICE_RULE' as const;
  constructor(message: string) {
    super(message);
    this.name = 'PriceRuleError';
  }
}

/** Validate an untrusted rule (e.g. from IPC); throws PriceRuleError with a readable message. */
export function parsePriceRule(input: unknown): PriceRule {
  const result = PriceRuleSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || 'rule'}: ${i.message}`);
  throw new PriceRuleError(`Invalid price rule: ${issues.join('; ')}`);
}

export function applyPriceRule(value: string, rule: PriceRule, decimalPlaces = 2): string {
  return createPriceRuleApplier(rule, decimalPlaces)(value);
}

/**
 * Validate a rule once and get a function for many rows (a 10k-row preview): same results as
 * applyPriceRule. Rule problems (bad rule, ending/step/floor finer than the currency) throw here,
 * not per row; a bad row value throws MoneyError for that row only.
 */
export function createPriceRuleApplier(rule: PriceRule, decimalPlaces = 2): (value: string) => string {
  assertDecimalPlaces(decimalPlaces);
  const valid = parsePriceRule(rule);
  const rounding = valid.round ?? { to: 'places' as const };
  if (rounding.to === 'nearest') requireFits(rounding.step, decimalPlaces, 'step');
  if (rounding.to === 'ending') requireFits(rounding.ending, decimalPlaces, 'ending');
  if (valid.floor !== undefined) requireFits(valid.floor, decimalPlaces, 'floor');
  const floor = valid.floor === undefined ? null : toDecimal(valid.floor);
  return (value) => {
    const raw = computeRaw(toDecimal(value), valid);
    const clamped = raw.lt('0') ? toDecimal('0') : raw;
    let result = roundPrice(clamped, rounding, decimalPlaces);
    if (floor !== null && result.lt(floor)) result = floor;
    return formatDecimal(result, decimalPlaces);
  };
}

function computeRaw(value: Decimal, rule: PriceRule): Decimal {
  const amount = toDecimal(rule.amount);
  switch (rule.kind) {
    case 'set':
      return amount;
    case 'add':
      return value.plus(amount);
    case 'multiply':
      return value.times(amount);
    case 'percent':
      return value.times(amount.plus('100')).times('0.01');
  }
}

function roundPrice(value: Decimal, rounding: PriceRounding, decimalPlaces: number): Decimal {
  switch (rounding.to) {
    case 'places':
      return value.round(decimalPlaces, 1);
    case 'nearest':
      return nearestOnGrid(value, toDecimal('0'), toDecimal(rounding.step));
    case 'ending': {
      const dot = rounding.ending.indexOf('.');
      const integerDigits = dot < 0 ? rounding.ending.length : dot;
      const cycle = toDecimal(`1${'0'.repeat(integerDigits)}`);
      const offset = toDecimal(dot === 0 ? `0${rounding.ending}` : rounding.ending);
      return nearestOnGrid(value, offset, cycle);
    }
  }
}

function requireFits(text: string, decimalPlaces: number, what: string): void {
  if (fractionDigits(text) > decimalPlaces) {
    throw new PriceRuleError(
      `The ${what} "${text}" has more decimals than the currency allows (${decimalPlaces})`,
    );
  }
}

/**
 * The candidate offset + k·cycle (k = 0, 1, …) nearest to `value`; ties go to the larger one.
 * Exact: uses an integer quotient and an exact remainder, never a rounded division result.
 */
export function nearestOnGrid(value: Decimal, offset: Decimal, cycle: Decimal): Decimal {
  if (value.lte(offset)) return offset;
  const distance = value.minus(offset);
  let k = distance.div(cycle).round(0, 0);
  let remainder = distance.minus(k.times(cycle));
  // div() rounds at 40 places; correct the integer quotient if that ever pushed it off by one.
  if (remainder.lt('0')) {
    k = k.minus('1');
    remainder = remainder.plus(cycle);
  } else if (remainder.gte(cycle)) {
    k = k.plus('1');
    remainder = remainder.minus(cycle);
  }
  const below = offset.plus(k.times(cycle));
  return remainder.times('2').gte(cycle) ? below.plus(cycle) : below;
}
