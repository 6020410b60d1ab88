import { ApiError, TYPE_URL } from '../../http/errors';
import type { Query } from '../../http/query';
import type { CustomerRow } from '../../state/types';
import { parseDateParam } from '../../util/dates';

type Pred = (c: CustomerRow) => boolean;

/** Spec 422 for a bad filter: "The optional filter parameter was not valid." */
function invalid(key: string): ApiError {
  return new ApiError(422, 'The optional filter parameter was not valid.', { errors: { [key]: `${key} is invalid.` }, type: TYPE_URL });
}

function dateRange(q: Query, field: 'created_ms' | 'modified_ms', key: string, preds: Pred[]): void {
  const read = (k: string): number | undefined => {
    const s = q.str(k);
    if (s === undefined || s === '') return undefined;
    const ms = parseDateParam(s);
    if (Number.isNaN(ms)) throw invalid(k);
    return ms;
  };
  const exact = read(key), min = read(`${key}:min`), max = read(`${key}:max`);
  if (exact !== undefined) preds.push((c) => c[field] === exact);
  if (min !== undefined) preds.push((c) => c[field] >= min);
  if (max !== undefined) preds.push((c) => c[field] <= max);
}

function intList(q: Query, key: string): number[] | undefined {
  const l = q.list(key);
  if (!l) return undefined;
  return l.map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n)) throw invalid(key);
    return n;
  });
}

export function customerPredicates(q: Query): Pred[] {
  const preds: Pred[] = [];
  const ids = intList(q, 'id:in');
  if (ids) preds.push((c) => ids.includes(c.id));
  const groups = intList(q, 'customer_group_id:in');
  if (groups) preds.push((c) => groups.includes(c.customer_group_id));
  const emails = q.list('email:in')?.map((e) => e.toLowerCase());
  if (emails) preds.push((c) => emails.includes(c.email.toLowerCase()));
  const fullName = (c: CustomerRow) => `${c.first_name} ${c.last_name}`.toLowerCase();
  const names = q.list('name:in')?.map((n) => n.toLowerCase());
  if (names) preds.push((c) => names.includes(fullName(c)));
  // Spec: substring match on "first last"; a comma list matches any of the terms.
  const likes = q.list('name:like')?.map((n) => n.toLowerCase());
  if (likes) preds.push((c) => likes.some((l) => fullName(c).includes(l)));
  const companies = q.list('company:in')?.map((s) => s.toLowerCase());
  if (companies) preds.push((c) => companies.includes(c.company.toLowerCase()));
  const phones = q.list('phone:in');
  if (phones) preds.push((c) => phones.includes(c.phone));
  const ips = q.list('registration_ip_address:in');
  if (ips) preds.push((c) => ips.includes(c.registration_ip_address));
  dateRange(q, 'created_ms', 'date_created', preds);
  dateRange(q, 'modified_ms', 'date_modified', preds);
  return preds;
}

const SORTS: Record<string, (c: CustomerRow) => number | string> = {
  date_created: (c) => c.created_ms, date_modified: (c) => c.modified_ms, last_name: (c) => c.last_name.toLowerCase(),
};

export function filterCustomers(all: readonly CustomerRow[], q: Query): readonly CustomerRow[] {
  const preds = customerPredicates(q);
  let rows = preds.length ? all.filter((c) => preds.every((f) => f(c))) : all;
  const sort = q.str('sort');
  if (sort) {
    const [field, dir] = sort.split(':');
    const key = SORTS[field];
    if (!key || (dir !== 'asc' && dir !== 'desc')) throw invalid('sort');
    const sign = dir === 'desc' ? -1 : 1;
    rows = [...rows].sort((a, b) => {
      const ka = key(a), kb = key(b);
      return ka < kb ? -sign : ka > kb ? sign : (a.id - b.id) * sign;
    });
  }
  return rows;
}
