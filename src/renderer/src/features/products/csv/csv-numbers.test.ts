import { describe, expect, it } from 'vitest';
import { DecimalEvidence, normalizeNumber } from './csv-numbers';

describe('decimal marks', () => {
  it('proposes a comma only when the money cells use nothing else; 1,234 says nothing', () => {
    const evidence = new DecimalEvidence();
    ['12,50', '3,99', '1,234', ''].forEach((t) => evidence.see(t));
    expect([evidence.comma, evidence.point, evidence.proposal()]).toEqual([2, 0, 'comma']);
    evidence.see('4.50');
    expect([evidence.proposal(), evidence.mixed()]).toEqual(['point', true]);
  });

  it('with a decimal point, grouping commas pass and a decimal comma is refused, never reread', () => {
    expect(normalizeNumber('1,234.50', 'point')).toEqual({ ok: true, text: '1,234.50' });
    expect(normalizeNumber('1,234', 'point')).toEqual({ ok: true, text: '1,234' });
    expect(normalizeNumber('12,50', 'point')).toEqual({ ok: false, message: '"12,50" has a decimal comma, but the file is read with a decimal point' });
  });

  it('with a decimal comma, points, spaces and no-break spaces group thousands; a decimal point is refused', () => {
    expect(normalizeNumber('12,50', 'comma')).toEqual({ ok: true, text: '12.50' });
    expect(normalizeNumber('1.234,5', 'comma')).toEqual({ ok: true, text: '1234.5' });
    expect(normalizeNumber('1\u00A0234', 'comma')).toEqual({ ok: true, text: '1234' });
    expect(normalizeNumber('-7', 'comma')).toEqual({ ok: true, text: '-7' });
    expect(normalizeNumber('12.50', 'comma')).toEqual({ ok: false, message: '"12.50" has a decimal point, but the file is read with a decimal comma' });
    expect(normalizeNumber('abc', 'comma')).toEqual({ ok: false, message: '"abc" is not a number' });
  });
});
