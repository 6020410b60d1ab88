import { ApiError } from '../../http/errors';
import type { Ctx, Reply, RouteDef } from '../../http/router';
import { v2Page } from '../../http/v2';
import type { CustomerGroupRow } from '../../state/types';
import { isObject } from '../../model/validate';
import { parseDateParam } from '../../util/dates';
import { groupJson } from './serialize';

const SPEC = 'customers.v2.yml';
const v2Error = (status: number, message: string) => new ApiError(status, message, { message });

function filterGroups(ctx: Ctx): CustomerGroupRow[] {
  const q = ctx.query;
  let rows = [...ctx.store.db.groups.all()];
  const name = q.str('name'), like = q.str('name:like')?.toLowerCase();
  if (name !== undefined) rows = rows.filter((g) => g.name === name);
  if (like) rows = rows.filter((g) => g.name.toLowerCase().includes(like));
  for (const key of ['is_default', 'is_group_for_guests'] as const) {
    const v = q.str(key);
    if (v !== undefined) rows = rows.filter((g) => g[key] === (v === 'true' || v === '1'));
  }
  for (const [param, field] of [['date_created', 'created_ms'], ['date_modified', 'modified_ms']] as const) {
    for (const [suffix, test] of [['', (a: number, b: number) => a === b], [':min', (a: number, b: number) => a >= b], [':max', (a: number, b: number) => a <= b]] as const) {
      const raw = q.str(param + suffix);
      if (raw === undefined) continue;
      const ms = parseDateParam(raw);
      if (Number.isNaN(ms)) throw v2Error(400, `The filter '${param + suffix}' is invalid.`);
      rows = rows.filter((g) => test(g[field], ms));
    }
  }
  return rows;
}

function requireGroup(ctx: Ctx): CustomerGroupRow {
  const g = ctx.store.db.groups.get(Number(ctx.params.customer_group_id));
  if (!g) throw v2Error(404, 'The requested resource was not found.');
  return g;
}

function prepare(ctx: Ctx, body: unknown, prev?: CustomerGroupRow): Partial<CustomerGroupRow> {
  if (!isObject(body)) throw v2Error(400, 'The request body must be a JSON object.');
  const f: Partial<CustomerGroupRow> = {};
  if (body.name !== undefined || !prev) {
    if (typeof body.name !== 'string' || body.name.trim() === '') throw v2Error(400, "The field 'name' is required.");
    const clash = ctx.store.db.groups.all().some((g) => g.name.toLowerCase() === (body.name as string).toLowerCase() && g.id !== prev?.id);
    if (clash) throw v2Error(409, `A customer group named '${body.name}' already exists.`); // [unverified] status and wording
    f.name = body.name;
  }
  for (const k of ['is_default', 'is_group_for_guests'] as const) {
    if (body[k] === undefined) continue;
    if (typeof body[k] !== 'boolean') throw v2Error(400, `The field '${k}' must be a boolean.`);
    f[k] = body[k] as boolean;
  }
  if (body.category_access !== undefined) {
    const ca = body.category_access;
    if (!isObject(ca) || !['all', 'specific', 'none'].includes(ca.type as string)) throw v2Error(400, "The field 'category_access' is invalid.");
    f.category_access = { type: ca.type as 'all', ...(Array.isArray(ca.categories) ? { categories: ca.categories.map(Number) } : {}) };
  }
  if (body.discount_rules !== undefined) {
    if (!Array.isArray(body.discount_rules) || !body.discount_rules.every(isObject)) throw v2Error(400, "The field 'discount_rules' must be an array.");
    f.discount_rules = body.discount_rules.map((r) => (r.amount === undefined ? r : { ...r, amount: Number(r.amount).toFixed(4) }));
  }
  return f;
}

/** Only one group can be the default for new customers. */
function clearOtherDefaults(ctx: Ctx, keepId: number): void {
  for (const g of ctx.store.db.groups.all()) if (g.is_default && g.id !== keepId) ctx.tx.put('groups', { ...g, is_default: false });
}

function create(ctx: Ctx): Reply {
  const f = prepare(ctx, ctx.body);
  const now = Math.floor(ctx.now / 1000) * 1000;
  const row: CustomerGroupRow = {
    id: ctx.tx.newId('groups'), name: f.name!, is_default: false, category_access: { type: 'all' }, discount_rules: [],
    is_group_for_guests: false, created_ms: now, modified_ms: now, ...f,
  };
  ctx.tx.put('groups', row);
  if (row.is_default) clearOtherDefaults(ctx, row.id);
  return { status: 200, body: groupJson(row) };
}

function update(ctx: Ctx): Reply {
  const prev = requireGroup(ctx);
  const row = ctx.tx.put('groups', { ...prev, ...prepare(ctx, ctx.body, prev), id: prev.id, modified_ms: Math.floor(ctx.now / 1000) * 1000 });
  if (row.is_default) clearOtherDefaults(ctx, row.id);
  return { status: 200, body: groupJson(row) };
}

/** Members of a deleted group end up in no group (customer_group_id 0). */
function remove(ctx: Ctx): Reply {
  const g = requireGroup(ctx);
  for (const c of ctx.store.db.customers.all()) if (c.customer_group_id === g.id) ctx.tx.put('customers', { ...c, customer_group_id: 0 });
  ctx.tx.del('groups', g.id);
  return { status: 204 };
}

const r = (method: RouteDef['method'], path: string, handler: RouteDef['handler']): RouteDef => ({ method, path, area: 'customers', spec: SPEC, handler });
export const groupRoutes: RouteDef[] = [
  r('GET', '/v2/customer_groups', (ctx) => v2Page(ctx.query, filterGroups(ctx), groupJson)),
  r('POST', '/v2/customer_groups', create),
  r('GET', '/v2/customer_groups/count', (ctx) => ({ status: 200, body: { count: filterGroups(ctx).length } })),
  r('GET', '/v2/customer_groups/{customer_group_id}', (ctx) => ({ status: 200, body: groupJson(requireGroup(ctx)) })),
  r('PUT', '/v2/customer_groups/{customer_group_id}', update),
  r('DELETE', '/v2/customer_groups/{customer_group_id}', remove),
];
