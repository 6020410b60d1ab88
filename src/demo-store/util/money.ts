import Big from 'big.js';

/**
 * Money helpers. Values are rounded with big.js so stored numbers never carry binary float
 * noise (79.99 * 1.1 must be stored as 87.99, not 87.98900000000001).
 */
export type Numeric = number | string | Big;

export function toBig(v: Numeric): Big {
  return v instanceof Big ? v : new Big(v);
}

/** Round to `dp` places (half-up, like a till) and return a plain JS number. */
export function roundMoney(v: Numeric, dp = 2): number {
  return Number(toBig(v).round(dp, Big.roundHalfUp).toFixed(dp));
}

export function mulMoney(a: Numeric, b: Numeric, dp = 2): number {
  return roundMoney(toBig(a).times(toBig(b)), dp);
}

export function sumMoney(values: Numeric[], dp = 2): number {
  let total = new Big(0);
  for (const v of values) total = total.plus(toBig(v));
  return roundMoney(total, dp);
}

/** V2 money format: decimal string with 4 places ("12.5000"). */
export function v2Money(v: Numeric): string {
  return toBig(v).toFixed(4);
}

/** True when `v` is a finite number with at most `dp` decimal places (ignoring float noise). */
export function hasAtMostDecimals(v: number, dp: number): boolean {
  if (!Number.isFinite(v)) return false;
  return toBig(v).round(dp, Big.roundHalfUp).eq(toBig(v));
}
