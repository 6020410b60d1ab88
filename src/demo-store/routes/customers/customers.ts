import { ApiError } from '../../http/errors';
import type { Ctx, Reply, RouteDef } from '../../http/router';
import { readPaging, slicePage, v3Pagination } from '../../http/pagination';
import type { CustomerRow } from '../../state/types';
import { customerJson } from './serialize';
import { filterCustomers } from './customer-filters';
import { BatchErrors, createCustomer, prepareCustomer, updateCustomer } from './customer-write';

const SPEC = 'customers.v3.yml';
const BATCH_MAX = 10;

const cursorOf = (c: CustomerRow): string => Buffer.from(String(c.id)).toString('base64url');
const idOfCursor = (s: string): number => Number(Buffer.from(s, 'base64url').toString('utf8'));

/** Cursor pagination (`after`/`before`) alongside page/limit, as described in customers.v3.yml. */
function list(ctx: Ctx): Reply {
  const q = ctx.query;
  const rows = filterCustomers(ctx.store.db.customers.all(), q);
  const include = new Set(q.list('include') ?? []);
  const paging = readPaging(q);
  const after = q.str('after'), before = q.str('before');
  let page: readonly CustomerRow[];
  let cursorMode = false;
  if (after !== undefined || before !== undefined) {
    cursorMode = true;
    const anchor = rows.findIndex((c) => c.id === idOfCursor((after ?? before)!));
    if (anchor < 0) throw new ApiError(422, 'The optional filter parameter was not valid.', { errors: { [after ? 'after' : 'before']: 'Unknown cursor.' } });
    page = after !== undefined ? rows.slice(anchor + 1, anchor + 1 + paging.limit) : rows.slice(Math.max(0, anchor - paging.limit), anchor);
  } else {
    page = slicePage(rows, paging);
  }
  const meta: Record<string, unknown> = {};
  if (!cursorMode) meta.pagination = v3Pagination(q, paging, rows.length, page.length);
  if (cursorMode || paging.page === 1) meta.cursor_pagination = cursorMeta(rows, page, paging.limit);
  return { status: 200, body: { data: page.map((c) => customerJson(c, include)), meta } };
}

function cursorMeta(rows: readonly CustomerRow[], page: readonly CustomerRow[], limit: number): Record<string, unknown> {
  const first = page[0], last = page[page.length - 1];
  const links: Record<string, string> = {};
  if (first && rows[0] !== first) links.previous = `?limit=${limit}&before=${cursorOf(first)}`;
  if (last && rows[rows.length - 1] !== last) links.next = `?limit=${limit}&after=${cursorOf(last)}`;
  return {
    count: page.length, per_page: limit, start_cursor: first ? cursorOf(first) : '', end_cursor: last ? cursorOf(last) : '', links,
  };
}

function readBatch(ctx: Ctx): unknown[] {
  if (!Array.isArray(ctx.body)) throw new ApiError(422, 'The Customer was not valid.', { errors: { body: 'An array of customers is required.' } });
  if (ctx.body.length > BATCH_MAX) {
    throw new ApiError(413, 'The request payload is too large. The maximum number of items allowed in the array is 10.', { errors: {} });
  }
  return ctx.body;
}

function create(ctx: Ctx): Reply {
  const items = readBatch(ctx);
  const errs = new BatchErrors();
  const claimed = new Map<string, number>();
  const planned = items.map((item, i) => prepareCustomer(ctx, item, i, true, claimed, errs));
  errs.throwIfAny('Create customers failed.', '.customer_create', 'Error creating customers');
  const rows = planned.map((f) => createCustomer(ctx, f));
  return { status: 200, body: { data: rows.map((c) => customerJson(c, new Set(['addresses']))), meta: {} } };
}

function update(ctx: Ctx): Reply {
  const items = readBatch(ctx);
  const errs = new BatchErrors();
  const claimed = new Map<string, number>();
  const planned = items.map((item, i) => prepareCustomer(ctx, item, i, false, claimed, errs));
  errs.throwIfAny('Update customers failed.', '.customer_update', 'Error updating customers');
  const rows = planned.map((f, i) => updateCustomer(ctx, ctx.store.db.customers.get((items[i] as { id: number }).id)!, f));
  return { status: 200, body: { data: rows.map((c) => customerJson(c, new Set())), meta: {} } };
}

/** Spec: without `id:in`, "a 204 is returned, with no changes to the data". */
function remove(ctx: Ctx): Reply {
  const raw = ctx.query.list('id:in');
  if (!raw) return { status: 204 };
  const ids = raw.map(Number);
  if (ids.some((n) => !Number.isInteger(n))) throw new ApiError(422, 'The `id:in` was not valid.', { errors: { 'id:in': 'id:in must be a list of integers.' } });
  for (const id of ids) {
    if (!ctx.store.db.customers.has(id)) continue;
    ctx.tx.del('customers', id);
    ctx.tx.emit('store/customer/deleted', { type: 'customer', id });
  }
  return { status: 204 };
}

const r = (method: RouteDef['method'], handler: RouteDef['handler']): RouteDef => ({ method, path: '/v3/customers', area: 'customers', spec: SPEC, handler });
export const customerRoutes: RouteDef[] = [r('GET', list), r('POST', create), r('PUT', update), r('DELETE', remove)];
