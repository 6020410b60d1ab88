import { hasAtMostDecimals } from '../util/money';

/**
 * Tiny field validator producing BigCommerce-style per-field messages (`{errors:{field:msg}}`).
 * Kept hand-written so the messages stay stable and it costs nothing on the hot batch path.
 */
export interface FieldRule {
  type: 'string' | 'number' | 'money' | 'integer' | 'boolean' | 'array' | 'object';
  nullable?: boolean;
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  enum?: readonly (string | number)[];
  items?: 'integer' | 'number' | 'string' | 'object';
}

export type Rules = Record<string, FieldRule>;

export function checkField(name: string, value: unknown, rule: FieldRule): string | null {
  if (value === null) return rule.nullable ? null : `${name} must not be null`;
  switch (rule.type) {
    case 'string':
      if (typeof value !== 'string') return `${name} must be a string`;
      if (rule.minLength !== undefined && value.length < rule.minLength) return `${name} must be at least ${rule.minLength} characters`;
      if (rule.maxLength !== undefined && value.length > rule.maxLength) return `${name} must be at most ${rule.maxLength} characters`;
      break;
    case 'number':
    case 'money':
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${name} must be a number`;
      if (rule.type === 'integer' && !Number.isInteger(value)) return `${name} must be an integer`;
      if (rule.min !== undefined && value < rule.min) return `${name} must be greater than or equal to ${rule.min}`;
      if (rule.max !== undefined && value > rule.max) return `${name} must be less than or equal to ${rule.max}`;
      // [unverified] BigCommerce rounds extra decimals; we reject below a hundredth of a cent of noise.
      if (rule.type === 'money' && !hasAtMostDecimals(value, 4)) return `${name} has too many decimal places`;
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return `${name} must be a boolean`;
      break;
    case 'array':
      if (!Array.isArray(value)) return `${name} must be an array`;
      if (rule.items === 'integer' && !value.every((v) => Number.isInteger(v))) return `${name} must be an array of integers`;
      if (rule.items === 'string' && !value.every((v) => typeof v === 'string')) return `${name} must be an array of strings`;
      if (rule.items === 'object' && !value.every((v) => isObject(v))) return `${name} must be an array of objects`;
      break;
    case 'object':
      if (!isObject(value)) return `${name} must be an object`;
      break;
  }
  if (rule.enum && !rule.enum.includes(value as string | number)) return `${name} must be one of: ${rule.enum.join(', ')}`;
  return null;
}

/** Validate known fields of `body`; unknown fields are ignored like the API ignores read-only ones. */
export function validateFields(body: Record<string, unknown>, rules: Rules, required: readonly string[] = [], prefix = ''): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const r of required) {
    if (body[r] === undefined || body[r] === '') errors[prefix + r] = `${r} is required`;
  }
  for (const [k, v] of Object.entries(body)) {
    const rule = rules[k];
    if (!rule || v === undefined || errors[prefix + k]) continue;
    const msg = checkField(k, v, rule);
    if (msg) errors[prefix + k] = msg;
  }
  return errors;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Copy only the writable keys present in `body`. */
export function pickWritable<T>(body: Record<string, unknown>, rules: Rules): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(rules)) if (body[k] !== undefined) out[k] = body[k];
  return out as Partial<T>;
}
