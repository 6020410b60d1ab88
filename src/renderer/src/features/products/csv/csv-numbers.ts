/**
 * Decimal commas. A file from a European spreadsheet writes 12,50 where Stockroom means 12.50, and
 * "1,234" means one thousand two hundred and thirty-four in one file and 1.234 in another. So the
 * reading is never guessed per value: the whole file is read with one decimal mark, which the
 * preview shows and the user can switch. It starts as what the file's money cells say (only commas
 * as decimal marks → comma; otherwise point), and a value that does not fit the chosen mark is
 * refused with the reason, never reinterpreted.
 */
export type DecimalMark = 'point' | 'comma';

const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;
const POINT_DECIMAL = /^[+-]?(\d+|\d{1,3}(,\d{3})+)\.\d+$/;
// "1,234" fits both readings: it says nothing about the mark.
const AMBIGUOUS = /^[+-]?\d{1,3},\d{3}$/;
const COMMA_NUMBER = /^([+-]?)(\d{1,3}(?:[. \u00A0\u202F]\d{3})+|\d+)(?:,(\d+))?$/;

/** Counts the decimal marks of money cells, to propose a reading. */
export class DecimalEvidence {
  comma = 0;
  point = 0;

  see(text: string): void {
    const t = text.trim();
    if (t === '' || AMBIGUOUS.test(t)) return;
    if (COMMA_DECIMAL.test(t)) this.comma++;
    else if (POINT_DECIMAL.test(t)) this.point++;
  }

  proposal(): DecimalMark {
    return this.comma > 0 && this.point === 0 ? 'comma' : 'point';
  }

  /** Both marks seen: the preview says so, since one of them will be refused. */
  mixed(): boolean {
    return this.comma > 0 && this.point > 0;
  }
}

export type Normalized = { ok: true; text: string } | { ok: false; message: string };

/** A numeric cell → Stockroom's reading (decimal point, no grouping), or why it does not fit the mark. */
export function normalizeNumber(raw: string, mark: DecimalMark): Normalized {
  const t = raw.trim();
  if (t === '') return { ok: true, text: '' };
  if (mark === 'point') {
    if (COMMA_DECIMAL.test(t) && !AMBIGUOUS.test(t)) return { ok: false, message: `"${t}" has a decimal comma, but the file is read with a decimal point` };
    return { ok: true, text: t };
  }
  const match = COMMA_NUMBER.exec(t);
  if (!match) {
    const message = /\d\.\d/.test(t) ? `"${t}" has a decimal point, but the file is read with a decimal comma` : `"${t}" is not a number`;
    return { ok: false, message };
  }
  const [, sign, whole, fraction] = match;
  return { ok: true, text: `${sign}${whole!.replace(/[. \u00A0\u202F]/g, '')}${fraction !== undefined ? `.${fraction}` : ''}` };
}
