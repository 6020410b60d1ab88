import { MoneyError, parseMoneyInput } from '../../../../../shared/money';
import { valueProblem, type FieldSpec, type JsonValue } from '../../../../../shared/contract';

/**
 * Typed or pasted text → the value a field takes (the job's wire convention: money and decimals
 * as decimal strings, stock as integers, flags as booleans), or the reason it cannot be one.
 * A refused cell is reported, never guessed at, and never stages anything.
 */
export type Coerced = { ok: true; value: JsonValue } | { ok: false; message: string };

const TRUE = new Set(['true', 'yes', 'y', '1', 'on', '✓', 'x']);
// An empty cell is not "no": a blank in a pasted block must not quietly switch a flag off.
const FALSE = new Set(['false', 'no', 'n', '0', 'off']);
const INTEGER = /^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.0+)?$/;

export function coerceCell(spec: FieldSpec, raw: string): Coerced {
  // Spreadsheets end a copied cell's text with nothing special, but a single copied cell may carry
  // its row's line break; surrounding spaces are never meant in a number.
  const text = raw.endsWith('\n') ? raw.replace(/\r?\n$/, '') : raw;
  const trimmed = text.trim();
  let value: JsonValue;
  switch (spec.kind) {
    case 'money':
    case 'decimal':
      if (trimmed === '') {
        if (spec.nullable) return { ok: true, value: null };
        return { ok: false, message: 'a value is required' };
      }
      try {
        value = parseMoneyInput(trimmed);
      } catch (error) {
        if (error instanceof MoneyError) return { ok: false, message: error.message };
        throw error;
      }
      break;
    case 'integer':
      if (trimmed === '') {
        if (spec.nullable) return { ok: true, value: null };
        return { ok: false, message: 'a whole number is required' };
      }
      if (!INTEGER.test(trimmed)) return { ok: false, message: `"${trimmed}" is not a whole number` };
      value = Number(trimmed.replace(/,/g, '').replace(/\.0+$/, ''));
      if (!Number.isSafeInteger(value)) return { ok: false, message: `"${trimmed}" is too large` };
      break;
    case 'boolean': {
      const key = trimmed.toLowerCase();
      if (TRUE.has(key)) value = true;
      else if (FALSE.has(key)) value = false;
      else return { ok: false, message: `"${trimmed}" is not yes or no (use TRUE/FALSE, yes/no or 1/0)` };
      break;
    }
    case 'enum': {
      const found = spec.values.find((v) => v.toLowerCase() === trimmed.toLowerCase());
      if (found === undefined) return { ok: false, message: `"${trimmed}" is not one of ${spec.values.join(', ')}` };
      value = found;
      break;
    }
    case 'string':
      value = text === '' && spec.nullable ? null : text;
      if (value !== null && spec.maxLength !== undefined && value.length > spec.maxLength) {
        return { ok: false, message: `${value.length} characters, at most ${spec.maxLength} allowed` };
      }
      break;
  }
  const problem = valueProblem(spec, value);
  return problem === null ? { ok: true, value } : { ok: false, message: problem };
}
