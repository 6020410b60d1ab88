import type { OrderRowData } from '../contract';
import { compareMoney, isMoney } from '../money';

/**
 * The Orders screen's filters, each one of `GET /v2/orders`'s own (bigcommerce-facts §7), applied
 * to the local cache: the cache holds every order, so filtering there is instant, works offline
 * and never disagrees with what the grid shows. `apiQuery` gives the same filter as the API's
 * query parameters (the tests check both select the same orders); the one difference: the API
 * takes one `status_id` per request, so several statuses are one request each.
 */
export interface OrderFilter {
  /** `status_id`, several at once (any of them). */
  statusIds?: readonly number[];
  /** `min_date_created` / `max_date_created`: ISO instants, both ends included. */
  createdFrom?: string;
  createdTo?: string;
  /** `customer_id`. */
  customerId?: number;
  /** `email` (the billing email; the API compares it whole, case-insensitively). */
  email?: string;
  /** `min_total` / `max_total`, against the total including tax. */
  minTotal?: string;
  maxTotal?: string;
  /** `min_id` / `max_id`. */
  minId?: number;
  maxId?: number;
}

type Test = (row: OrderRowData) => boolean;

function tests(f: OrderFilter): Test[] {
  const out: Test[] = [];
  if (f.statusIds?.length) {
    const ids = new Set(f.statusIds);
    out.push((r) => ids.has(r.status_id));
  }
  if (f.createdFrom) {
    const from = Date.parse(f.createdFrom);
    out.push((r) => Date.parse(r.date_created) >= from);
  }
  if (f.createdTo) {
    const to = Date.parse(f.createdTo);
    out.push((r) => Date.parse(r.date_created) <= to);
  }
  if (f.customerId !== undefined) out.push((r) => r.customer_id === f.customerId);
  if (f.email) {
    const email = f.email.trim().toLowerCase();
    out.push((r) => r.email.toLowerCase() === email);
  }
  if (f.minTotal && isMoney(f.minTotal)) out.push((r) => isMoney(r.total_inc_tax) && compareMoney(r.total_inc_tax, f.minTotal!) >= 0);
  if (f.maxTotal && isMoney(f.maxTotal)) out.push((r) => isMoney(r.total_inc_tax) && compareMoney(r.total_inc_tax, f.maxTotal!) <= 0);
  if (f.minId !== undefined) out.push((r) => r.id >= f.minId!);
  if (f.maxId !== undefined) out.push((r) => r.id <= f.maxId!);
  return out;
}

/** The rows the filter keeps, in their order; the same array when the filter is empty. */
export function filterOrders<R extends OrderRowData>(rows: readonly R[], f: OrderFilter): readonly R[] {
  const all = tests(f);
  return all.length === 0 ? rows : rows.filter((row) => all.every((t) => t(row)));
}

/** How many of the filter's parts are set (for "Filters (3)"). */
export function activeFilters(f: OrderFilter): number {
  return tests(f).length;
}

/** The same filter as `GET /v2/orders` query parameters, one query per status. */
export function apiQuery(f: OrderFilter): Array<Record<string, string | number>> {
  const base: Record<string, string | number> = {};
  if (f.createdFrom) base.min_date_created = f.createdFrom;
  if (f.createdTo) base.max_date_created = f.createdTo;
  if (f.customerId !== undefined) base.customer_id = f.customerId;
  if (f.email) base.email = f.email.trim();
  if (f.minTotal) base.min_total = f.minTotal;
  if (f.maxTotal) base.max_total = f.maxTotal;
  if (f.minId !== undefined) base.min_id = f.minId;
  if (f.maxId !== undefined) base.max_id = f.maxId;
  return f.statusIds?.length ? f.statusIds.map((status_id) => ({ ...base, status_id })) : [base];
}
