import { applyPriceRule } from '../../../src/shared/money';

/** The expected price after "+N %", computed with the same shared decimal code the app uses. */
export function addPercent(price: string, percent: number): string {
  return applyPriceRule(price, { kind: 'percent', amount: String(percent) }, 2);
}
