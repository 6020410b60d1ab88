import { ApiError } from './errors';
import { parseDateParam } from '../util/dates';

/**
 * Typed access to query parameters. BigCommerce accepts comma-joined lists (`id:in=1,2`);
 * some clients repeat the key or use `id:in[]=`, so all three forms are merged.
 */
export class Query {
  private readonly values = new Map<string, string[]>();

  constructor(readonly raw: URLSearchParams) {
    for (const [k, v] of raw) {
      const key = k.endsWith('[]') ? k.slice(0, -2) : k;
      const list = this.values.get(key) ?? [];
      list.push(v);
      this.values.set(key, list);
    }
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  keys(): string[] {
    return [...this.values.keys()];
  }

  str(key: string): string | undefined {
    const v = this.values.get(key);
    return v === undefined ? undefined : v[v.length - 1];
  }

  list(key: string): string[] | undefined {
    const v = this.values.get(key);
    if (v === undefined) return undefined;
    return v.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  }

  int(key: string): number | undefined {
    const s = this.str(key);
    if (s === undefined || s === '') return undefined;
    const n = Number(s);
    if (!Number.isInteger(n)) throw invalidParam(key);
    return n;
  }

  num(key: string): number | undefined {
    const s = this.str(key);
    if (s === undefined || s === '') return undefined;
    const n = Number(s);
    if (!Number.isFinite(n)) throw invalidParam(key);
    return n;
  }

  intList(key: string): number[] | undefined {
    const l = this.list(key);
    if (l === undefined) return undefined;
    return l.map((s) => {
      const n = Number(s);
      if (!Number.isInteger(n)) throw invalidParam(key);
      return n;
    });
  }

  bool(key: string): boolean | undefined {
    const s = this.str(key);
    if (s === undefined || s === '') return undefined;
    if (s === 'true' || s === '1') return true;
    if (s === 'false' || s === '0') return false;
    throw invalidParam(key);
  }

  date(key: string): number | undefined {
    const s = this.str(key);
    if (s === undefined || s === '') return undefined;
    const ms = parseDateParam(s);
    if (Number.isNaN(ms)) throw invalidParam(key);
    return ms;
  }
}

/** [unverified] exact wording; the catalog specs document 400 "Input is invalid" style errors. */
export function invalidParam(key: string): ApiError {
  return new ApiError(422, 'The filter(s): ' + key + ' are invalid.', { errors: { [key]: 'Invalid value.' } });
}
