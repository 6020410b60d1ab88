import { ApiError } from '../../http/errors';
import type { Query } from '../../http/query';
import type { StoreDb } from '../../state/store-db';
import type { OrderRow } from '../../state/types';
import { totalIncTax } from '../../model/order-math';
import { parseDateParam } from '../../util/dates';

type Pred = (o: OrderRow) => boolean;

/** V2 errors for bad filters: `[{status:400,message}]` ([unverified] wording). */
function bad(key: string): ApiError {
  return new ApiError(400, `The filter '${key}' is invalid.`, { message: `The filter '${key}' is invalid.` });
}

function num(q: Query, key: string): number | undefined {
  const s = q.str(key);
  if (s === undefined || s === '') return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) throw bad(key);
  return n;
}

function date(q: Query, key: string): number | undefined {
  const s = q.str(key);
  if (s === undefined || s === '') return undefined;
  const ms = parseDateParam(s);
  if (Number.isNaN(ms)) throw bad(key);
  return ms;
}

/** Filters shared by `GET /orders` and `GET /orders/count`. Archived (deleted) orders are hidden unless asked for. */
export function orderPredicates(q: Query): Pred[] {
  const preds: Pred[] = [];
  const add = (key: string, f: (v: number) => Pred, read: (q: Query, k: string) => number | undefined = num) => {
    const v = read(q, key);
    if (v !== undefined) preds.push(f(v));
  };
  add('status_id', (v) => (o) => o.status_id === v);
  add('customer_id', (v) => (o) => o.customer_id === v);
  add('channel_id', (v) => (o) => o.channel_id === v);
  add('min_id', (v) => (o) => o.id >= v);
  add('max_id', (v) => (o) => o.id <= v);
  add('min_total', (v) => (o) => totalIncTax(o) >= v);
  add('max_total', (v) => (o) => totalIncTax(o) <= v);
  add('min_date_created', (v) => (o) => o.created_ms >= v, date);
  add('max_date_created', (v) => (o) => o.created_ms <= v, date);
  add('min_date_modified', (v) => (o) => o.modified_ms >= v, date);
  add('max_date_modified', (v) => (o) => o.modified_ms <= v, date);
  const email = q.str('email')?.toLowerCase();
  if (email) preds.push((o) => o.billing_address.email.toLowerCase() === email);
  const cart = q.str('cart_id');
  if (cart) preds.push((o) => o.cart_id === cart);
  const method = q.str('payment_method');
  if (method) preds.push((o) => o.payment_method === method);
  const external = q.str('external_order_id');
  if (external) preds.push((o) => (o.extra.external_order_id ?? '') === external);
  const deleted = q.str('is_deleted');
  preds.push(deleted === 'true' ? (o) => o.is_deleted : (o) => !o.is_deleted);
  return preds;
}

const SORTS: Record<string, (o: OrderRow) => number | string> = {
  id: (o) => o.id, customer_id: (o) => o.customer_id, date_created: (o) => o.created_ms, date_modified: (o) => o.modified_ms,
  status_id: (o) => o.status_id, channel_id: (o) => o.channel_id, external_id: (o) => o.external_id ?? '',
};

export function filterOrders(db: StoreDb, q: Query): OrderRow[] {
  const preds = orderPredicates(q);
  let rows = db.orders.all().filter((o) => preds.every((f) => f(o)));
  const sort = q.str('sort');
  if (sort) {
    const [field, dir = 'asc'] = sort.split(':');
    const key = SORTS[field];
    if (!key || (dir !== 'asc' && dir !== 'desc')) throw bad('sort');
    const sign = dir === 'desc' ? -1 : 1;
    rows = [...rows].sort((a, b) => {
      const ka = key(a), kb = key(b);
      return ka < kb ? -sign : ka > kb ? sign : (a.id - b.id) * sign;
    });
  }
  return rows;
}
