import Big from 'big.js';
import { isMoney, parseMoney } from '../../../shared/money';
import type { FieldSpec, JsonValue } from './edit-schema';

/**
 * Conversions between the job's value conventions (decimal strings for money) and the wire
 * (V3 JSON numbers, V2 "12.5000" strings), and the equality the conflict check uses.
 * Money is compared as exact decimals: the server's 79.99 equals the grid's "79.99" and "79.990".
 */

/** A JSON number as the exact decimal it denotes ("79.99" for 79.99, "0.0000001" for 1e-7). */
export function numberToDecimal(value: number): string {
  // big.js parses the shortest round-trip text of the double, which is what the server wrote.
  return new Big(value).toFixed();
}

/** Job value → request body value. Sending Number("87.99") is exact enough: the server parses that double back to 87.99. */
export function toWire(spec: FieldSpec, value: JsonValue): JsonValue {
  if (value === null) return null;
  if ((spec.kind === 'money' || spec.kind === 'decimal') && typeof value === 'string') return Number(value);
  return value;
}

/** Server value → job convention, so conflicts report it the way the grid shows values. */
export function fromWire(spec: FieldSpec, raw: unknown): JsonValue {
  if (raw === undefined || raw === null) return null;
  switch (spec.kind) {
    case 'money':
    case 'decimal':
      if (typeof raw === 'number' && Number.isFinite(raw)) return numberToDecimal(raw);
      if (typeof raw === 'string' && isMoney(raw)) return parseMoney(raw);
      return String(raw);
    case 'integer':
      if (typeof raw === 'string' && /^-?\d+$/.test(raw)) return Number(raw);
      return typeof raw === 'number' ? raw : String(raw);
    case 'boolean':
      return typeof raw === 'boolean' ? raw : String(raw);
    default:
      return typeof raw === 'string' ? raw : String(raw);
  }
}

/** Equality for the conflict check; both sides in job convention (fromWire output or an edit value). */
export { sameFieldValue as sameValue } from './edit-schema';
