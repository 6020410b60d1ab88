import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  compareMoney,
  formatMoney,
  fractionDigits,
  isMoney,
  isNegativeMoney,
  maxMoney,
  minMoney,
  MoneyError,
  mulMoney,
  parseMoney,
  parseMoneyInput,
  percentOf,
  subMoney,
  sumMoney,
} from './index';

describe('parseMoney (strict wire format)', () => {
  it.each([
    ['87.99', '87.99'],
    ['0', '0'],
    ['-0', '0'],
    ['-0.00', '0'],
    ['0012.50', '12.5'],
    ['-3.25', '-3.25'],
    ['123456789012345678901234567890.123456789', '123456789012345678901234567890.123456789'],
    ['0.0000001', '0.0000001'],
  ])('%s → %s', (input, expected) => {
    expect(parseMoney(input)).toBe(expected);
  });

  it.each(['', ' 1', '1 ', '+1', '1,234.50', '12,3x', '1e3', '.5', '5.', 'NaN', 'Infinity', '--1', '1.2.3'])(
    'rejects %j with a MoneyError naming the input',
    (input) => {
      expect(() => parseMoney(input)).toThrow(MoneyError);
      try {
        parseMoney(input);
      } catch (e) {
        expect((e as MoneyError).input).toBe(input);
        expect((e as MoneyError).code).toBe('INVALID_MONEY');
        expect((e as Error).message).toContain(`"${input}"`);
      }
    },
  );

  it('rejects non-strings at runtime (e.g. a JS number from untyped JSON)', () => {
    expect(() => parseMoney(12.5 as unknown as string)).toThrow(MoneyError);
    expect(isMoney(12.5)).toBe(false);
    expect(isMoney('12.5')).toBe(true);
  });
});

describe('parseMoneyInput (what people type or paste)', () => {
  it.each([
    ['1,234.50', '1234.5'],
    ['12,345,678', '12345678'],
    ['  42.10 ', '42.1'],
    ['+7', '7'],
    ['-1,000.01', '-1000.01'],
    ['1,234', '1234'], // documented: en-US reading, never 1.234
    ['999', '999'],
  ])('%j → %s', (input, expected) => {
    expect(parseMoneyInput(input)).toBe(expected);
  });

  it.each(['12,3x', '12,3', '1,23', '1,2345', ',123', '1.234,50', '$12.50', '12 000', '1e3', '', '-', '1,234,'])(
    'rejects %j with a clear message',
    (input) => {
      expect(() => parseMoneyInput(input)).toThrow(/not a valid amount.*decimal point/);
    },
  );
});

describe('formatMoney', () => {
  it('79.99 × 1.1 is exactly 87.989 and formats to 87.99', () => {
    expect(mulMoney('79.99', '1.1')).toBe('87.989');
    expect(formatMoney(mulMoney('79.99', '1.1'), 2)).toBe('87.99');
  });

  it('is exact where JS floats are not', () => {
    // Float noise that would change a rounded price: 29.99 × 1.15 is 34.4885 exactly, which rounds
    // half-up to 34.49, but the float is 34.488499999999995 and rounds to 34.48.
    expect(29.99 * 1.15).toBe(34.488499999999995);
    expect(formatMoney(mulMoney('29.99', '1.15'), 2)).toBe('34.49');
    expect(4.35 * 100).toBe(434.99999999999994);
    expect(mulMoney('4.35', '100')).toBe('435');
  });

  it.each([
    ['5', 2, '5.00'],
    ['0', 2, '0.00'],
    ['1.005', 2, '1.01'], // half away from zero; float toFixed gives 1.00
    ['2.675', 2, '2.68'],
    ['-1.005', 2, '-1.01'],
    ['-0.004', 2, '0.00'], // never "-0.00"
    ['-0.4', 0, '0'],
    ['1234.5', 0, '1235'], // JPY
    ['1234.4999', 0, '1234'],
    ['12.3456', 3, '12.346'], // KWD/BHD style 3-decimal currency
    ['12', 3, '12.000'],
    ['0.0000', 4, '0.0000'], // V2 money uses 4 places
    ['99999999999999999999999.995', 2, '100000000000000000000000.00'],
  ])('formatMoney(%s, %i) → %s', (value, places, expected) => {
    expect(formatMoney(value, places)).toBe(expected);
  });

  it('rejects bad decimal places', () => {
    expect(() => formatMoney('1', -1)).toThrow(RangeError);
    expect(() => formatMoney('1', 1.5)).toThrow(RangeError);
    expect(() => formatMoney('1', 11)).toThrow(RangeError);
  });
});

describe('arithmetic', () => {
  it('adds and subtracts exactly', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(addMoney('0.1', '0.2')).toBe('0.3');
    expect(subMoney('0.3', '0.1')).toBe('0.2');
    expect(subMoney('1', '1.00')).toBe('0');
    expect(subMoney('1', '2.5')).toBe('-1.5');
    expect(sumMoney(['0.1', '0.1', '0.1'])).toBe('0.3');
    expect(sumMoney([])).toBe('0');
  });

  it('multiplies and takes percentages exactly', () => {
    expect(mulMoney('19.99', '3')).toBe('59.97');
    expect(mulMoney('0', '1.1')).toBe('0');
    expect(percentOf('80', '12.5')).toBe('10');
    expect(percentOf('79.99', '10')).toBe('7.999');
    expect(percentOf('79.99', '-10')).toBe('-7.999');
    expect(mulMoney('123456789012345678901234567890', '1.1')).toBe('135802467913580246791358024679');
  });

  it('compares numerically', () => {
    expect(compareMoney('1.50', '1.5')).toBe(0);
    expect(compareMoney('2', '10')).toBe(-1); // not string order
    expect(compareMoney('-1', '-2')).toBe(1);
    expect(isNegativeMoney('-0.01')).toBe(true);
    expect(isNegativeMoney('-0')).toBe(false);
    expect(minMoney('2', '10')).toBe('2');
    expect(maxMoney('2', '10.0')).toBe('10');
  });

  it('throws MoneyError on bad operands', () => {
    expect(() => addMoney('1', 'abc')).toThrow(MoneyError);
    expect(() => mulMoney('1', '1,1')).toThrow(MoneyError);
  });
});

describe('canonical form and comparison without big.js (the paste fast path)', () => {
  // The reference: what big.js says, with the settings the module had before the fast path.
  const R = Big();
  R.PE = 1e6;
  R.NE = -1e6;
  const reference = (text: string) => {
    const s = new R(text).toFixed();
    return s === '-0' ? '0' : s;
  };
  const edges = [
    '0', '-0', '00', '-000.000', '0.0', '0.10', '-0.10', '000123', '-000123.4500', '1.000000000', '10', '100.00',
    '0.0000000001', '-0.0000000001', '99999999999999999999.99', '-99999999999999999999.990', '5.5', '5.50', '5.05',
    '12.5', '12.45', '012.450', '1', '9', '0.9', '0.09', '-1', '-9.99', '-10', '1000000', '999999.999',
  ];
  // Seeded, so a failure names the same inputs on every run.
  let seed = 20261203;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(rnd() * 10))).join('');
  const random = Array.from({ length: 2000 }, () => {
    const sign = rnd() < 0.3 ? '-' : '';
    const zeros = '0'.repeat(Math.floor(rnd() * 3));
    const fraction = rnd() < 0.6 ? `.${digits(1 + Math.floor(rnd() * 6))}` : '';
    return `${sign}${zeros}${digits(1 + Math.floor(rnd() * 4))}${fraction}`;
  });
  const all = [...edges, ...random];

  it('parseMoney gives what big.js gives: leading zeros, trailing zeros, negative zero, many decimals', () => {
    for (const text of all) expect(parseMoney(text), text).toBe(reference(text));
  });

  it('compareMoney and isNegativeMoney agree with big.js on every pair', () => {
    for (let i = 0; i < all.length; i++) {
      const a = all[i]!;
      const b = all[(i * 7 + 3) % all.length]!;
      expect(compareMoney(a, b), `${a} vs ${b}`).toBe(new R(a).cmp(new R(b)));
      expect(compareMoney(a, a)).toBe(0);
      expect(isNegativeMoney(a), a).toBe(new R(a).lt(0));
    }
    for (const a of edges) for (const b of edges) expect(compareMoney(a, b), `${a} vs ${b}`).toBe(new R(a).cmp(new R(b)));
  });

  it('still refuses exponent forms and anything else that is not plain decimal text', () => {
    for (const bad of ['1e3', '1E-2', '-1e+2', '0x10', '١٢', '1_000', ' 1', '']) {
      expect(() => parseMoney(bad), bad).toThrow(MoneyError);
      expect(() => compareMoney(bad, '1'), bad).toThrow(MoneyError);
      expect(() => isNegativeMoney(bad), bad).toThrow(MoneyError);
    }
    expect(() => parseMoneyInput('1.5e2')).toThrow(MoneyError);
    expect(parseMoneyInput(' +0,001,234.5000 ')).toBe('1234.5');
    expect(parseMoneyInput('-0.00')).toBe('0');
  });

  it('keeps the store’s decimal places visible to the places check ("156.009" has 3, "156.0100" has 2)', () => {
    expect(fractionDigits(parseMoney('156.009'))).toBe(3);
    expect(fractionDigits(parseMoney('156.0100'))).toBe(2);
    expect(fractionDigits(parseMoney('156.000'))).toBe(0);
  });
});
