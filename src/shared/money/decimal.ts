import Big from 'big.js';

/**
 * Decimal money arithmetic on strings ("87.99"), exact, on big.js.
 *
 * Money crosses every boundary (IPC, HTTP, BigCommerce JSON) as a decimal string, so every function
 * here takes and returns strings; `Big` never leaks out. Results of add/sub/mul/percent are exact and
 * unrounded; round once, at the end, with `formatMoney` (currency `decimal_places`).
 *
 * Rounding everywhere in this module is half away from zero ("commercial" rounding: 0.005 → 0.01,
 * -0.005 → -0.01), big.js `roundHalfUp`.
 */

// A private constructor: other big.js users can't change our settings, and `strict` makes any
// accidental JS number (float) input throw instead of silently carrying binary rounding error.
const D = Big();
D.strict = true;
D.RM = Big.roundHalfUp;
D.DP = 40; // only used by internal integer division in grid rounding
// Never switch to exponential notation in toString/toFixed, however large or small the value.
D.PE = 1e6;
D.NE = -1e6;

export type Decimal = InstanceType<typeof D>;

/** Wire format: optional minus, digits, optional "." and digits. No exponent, no grouping, no "+". */
export const MONEY_PATTERN = /^-?\d+(\.\d+)?$/;

export class MoneyError extends Error {
  readonly code = 'INVALID_MONEY' as const;
  constructor(
    message: string,
    readonly input: string,
  ) {
    super(message);
    this.name = 'MoneyError';
  }
}

export const MAX_DECIMAL_PLACES = 10;

export function isMoney(text: unknown): text is string {
  return typeof text === 'string' && MONEY_PATTERN.test(text);
}

/** Internal: strict parse to a Big. Throws MoneyError naming the bad input. */
export function toDecimal(text: string): Decimal {
  if (!isMoney(text)) {
    throw new MoneyError(
      `"${String(text)}" is not a valid amount: use digits with an optional "." decimal point, e.g. 1234.50`,
      String(text),
    );
  }
  return new D(text);
}

/** Internal: canonical string, no exponent, no trailing zeros, no "-0". */
export function fromDecimal(value: Decimal): string {
  const s = value.toFixed();
  return s === '-0' ? '0' : s;
}

/**
 * Strict parse of the wire format (BigCommerce JSON, IPC). Returns the canonical form
 * ("0012.50" → "12.5", "-0" → "0"). Throws MoneyError.
 */
export function parseMoney(text: string): string {
  if (!isMoney(text)) toDecimal(text);
  return canonical(text);
}

const ZERO = 48;

/**
 * The canonical form of wire-format text by string surgery: what `fromDecimal(new Big(text))`
 * gives, exactly (leading zeros and trailing fraction zeros dropped, no "-0"), without big.js.
 * A paste validates and compares 10,000 values; each big.js round trip cost ~1 µs of that.
 */
function canonical(text: string): string {
  const negative = text.charCodeAt(0) === 45;
  const dot = text.indexOf('.');
  const intEnd = dot < 0 ? text.length : dot;
  let start = negative ? 1 : 0;
  while (start < intEnd - 1 && text.charCodeAt(start) === ZERO) start++;
  let end = text.length;
  if (dot >= 0) {
    while (end > dot + 1 && text.charCodeAt(end - 1) === ZERO) end--;
    if (end === dot + 1) end = dot;
  }
  const body = text.slice(start, end);
  if (body === '0') return '0';
  return negative ? `-${body}` : body;
}

/** -1, 0 or 1 for two canonical magnitudes (no sign): no leading zeros, so a longer whole part is larger, and equal lengths compare as text. */
function compareMagnitude(a: string, b: string): -1 | 0 | 1 {
  const wa = a.indexOf('.');
  const wb = b.indexOf('.');
  const la = wa < 0 ? a.length : wa;
  const lb = wb < 0 ? b.length : wb;
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

// Optional sign, then either plain digits or correctly grouped thousands, then optional ".digits".
const INPUT_PATTERN = /^([+-]?)(\d+|\d{1,3}(?:,\d{3})+)(\.\d+)?$/;

/**
 * Lenient parse of what a person typed or pasted (e.g. a column copied from Excel).
 *
 * Accepted: surrounding whitespace, a leading "+", and "," as a thousands separator **only** in the
 * unambiguous en-US pattern ("1,234.50", "12,345,678"). The decimal separator is always ".".
 * Rejected with a MoneyError: decimal commas ("12,3"), badly grouped commas ("1,23"), spaces inside,
 * currency symbols, exponents ("1e3"), anything else ("12,3x").
 *
 * Why so narrow: we cannot know the locale of the sheet the text came from. "12,3" can only be a
 * decimal comma, so guessing would silently turn it into 123. Known residual ambiguity: "1,234" is
 * read as one thousand two hundred thirty-four (en-US), never as 1.234; the preview shows the parsed
 * value before anything is applied.
 */
export function parseMoneyInput(text: string): string {
  // Most pasted amounts are plain wire-format text already ("12.50"): no grouping to undo.
  if (MONEY_PATTERN.test(text)) return canonical(text);
  const match = INPUT_PATTERN.exec(text.trim());
  if (!match) {
    throw new MoneyError(
      `"${text}" is not a valid amount: use digits with "." as the decimal point ` +
        `(commas only as thousands separators, e.g. 1,234.50; no currency symbols)`,
      text,
    );
  }
  const [, sign, whole, fraction = ''] = match;
  return parseMoney(`${sign === '-' ? '-' : ''}${whole!.replaceAll(',', '')}${fraction}`);
}

export function assertDecimalPlaces(decimalPlaces: number): void {
  if (!Number.isInteger(decimalPlaces) || decimalPlaces < 0 || decimalPlaces > MAX_DECIMAL_PLACES) {
    throw new RangeError(
      `decimal places must be an integer from 0 to ${MAX_DECIMAL_PLACES}, got ${decimalPlaces}`,
    );
  }
}

/** Round half away from zero to `decimalPlaces` and pad: ("87.989", 2) → "87.99"; ("5", 2) → "5.00". */
export function formatMoney(value: string, decimalPlaces: number): string {
  assertDecimalPlaces(decimalPlaces);
  return formatDecimal(toDecimal(value), decimalPlaces);
}

export function formatDecimal(value: Decimal, decimalPlaces: number): string {
  const s = value.toFixed(decimalPlaces, Big.roundHalfUp);
  // big.js keeps the sign of a value that rounds to zero ("-0.001" → "-0.00"); a price never shows "-0".
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/** Number of digits after the decimal point as written ("1.50" → 2, "3" → 0). */
export function fractionDigits(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

export function addMoney(a: string, b: string): string {
  return fromDecimal(toDecimal(a).plus(toDecimal(b)));
}

export function subMoney(a: string, b: string): string {
  return fromDecimal(toDecimal(a).minus(toDecimal(b)));
}

/** Exact product; `factor` is a decimal string too ("1.1"), never a JS number. */
export function mulMoney(a: string, factor: string): string {
  return fromDecimal(toDecimal(a).times(toDecimal(factor)));
}

/** `percent` % of `value`, exact: percentOf("80", "12.5") → "10". */
export function percentOf(value: string, percent: string): string {
  // times 0.01 rather than div(100): multiplication is always exact in big.js, division is not.
  return fromDecimal(toDecimal(value).times(toDecimal(percent)).times('0.01'));
}

export function sumMoney(values: readonly string[]): string {
  return fromDecimal(values.reduce((acc, v) => acc.plus(toDecimal(v)), new D('0')));
}

/** -1, 0 or 1; numeric, so "1.50" equals "1.5". */
export function compareMoney(a: string, b: string): -1 | 0 | 1 {
  const x = parseMoney(a);
  const y = parseMoney(b);
  const negX = x.charCodeAt(0) === 45;
  if (negX !== (y.charCodeAt(0) === 45)) return negX ? -1 : 1;
  if (!negX) return compareMagnitude(x, y);
  const m = compareMagnitude(x.slice(1), y.slice(1));
  return m === 0 ? 0 : m === 1 ? -1 : 1;
}

export function isNegativeMoney(value: string): boolean {
  return parseMoney(value).charCodeAt(0) === 45;
}

export function minMoney(a: string, b: string): string {
  return compareMoney(a, b) <= 0 ? parseMoney(a) : parseMoney(b);
}

export function maxMoney(a: string, b: string): string {
  return compareMoney(a, b) >= 0 ? parseMoney(a) : parseMoney(b);
}

