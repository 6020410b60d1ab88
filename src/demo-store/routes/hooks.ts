import { ApiError, TYPE_SHORT } from '../http/errors';
import type { Ctx, Reply, RouteDef } from '../http/router';
import { readPaging, v3List } from '../http/pagination';
import type { HookRow } from '../state/types';
import { isObject } from '../model/validate';
import { unixSeconds } from '../util/dates';

const SPEC = 'webhooks.v3.yml';
const MAX_PER_SCOPE = 10;
const SCOPE_RE = /^store\/[A-Za-z]+(\/[A-Za-z]+)*(\/\*)?$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** 422 in the webhooks spec's shape (`errors` keyed by field, short `type`). */
function invalid(errors: Record<string, string>): ApiError {
  return new ApiError(422, 'JSON data is missing or invalid', { errors, type: TYPE_SHORT });
}

/** Hooks are private to the API account (client id) that created them. */
function requireHook(ctx: Ctx): HookRow {
  const id = Number(ctx.params.webhook_id);
  const h = ctx.store.db.hooks.get(id);
  if (!h || h.client_id !== ctx.token.clientId) throw new ApiError(404, `Webhook with id [${ctx.params.webhook_id}] not found`, { type: TYPE_SHORT });
  return h;
}

export function hookJson(h: HookRow): Record<string, unknown> {
  // [unverified] hooks without custom headers are shown with `{}` (the spec types headers as an object).
  return { id: h.id, client_id: h.client_id, store_hash: h.store_hash, scope: h.scope, destination: h.destination, headers: h.headers ?? {}, is_active: h.is_active, created_at: h.created_at, updated_at: h.updated_at };
}

/**
 * BigCommerce requires https on port 443. The emulator also accepts plain http and any port,
 * but only on loopback, so tests can receive deliveries locally.
 */
function checkDestination(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw === '') return 'error.path.missing.';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'destination must be an absolute URL.';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null;
  return 'destination must use https (plain http is accepted only on loopback by the demo store).';
}

function readFields(body: unknown, create: boolean): Partial<HookRow> {
  if (!isObject(body)) throw new ApiError(400, 'Input is invalid.', { type: TYPE_SHORT });
  const errors: Record<string, string> = {};
  const f: Partial<HookRow> = {};
  if (create || body.scope !== undefined) {
    if (typeof body.scope !== 'string' || body.scope === '') errors.scope = 'error.path.missing.';
    else if (!SCOPE_RE.test(body.scope)) errors.scope = `Unknown scope ${body.scope}.`;
    else f.scope = body.scope;
  }
  if (create || body.destination !== undefined) {
    const msg = checkDestination(body.destination);
    if (msg) errors.destination = msg;
    else f.destination = body.destination as string;
  }
  if (body.is_active !== undefined) {
    if (typeof body.is_active !== 'boolean') errors.is_active = 'is_active must be a boolean.';
    else f.is_active = body.is_active;
  }
  if (body.headers !== undefined) {
    const h = body.headers;
    if (h !== null && (!isObject(h) || !Object.values(h).every((v) => typeof v === 'string'))) errors.headers = 'headers must be an object of strings.';
    else f.headers = h as Record<string, string> | null;
  }
  if (Object.keys(errors).length) throw invalid(errors);
  return f;
}

/** At most 10 hooks per store+client+scope and one per store+client+scope+destination (facts §9). */
function checkLimits(ctx: Ctx, scope: string, destination: string, selfId?: number): void {
  const mine = ctx.store.db.hooks.all().filter((h) => h.client_id === ctx.token.clientId && h.scope === scope && h.id !== selfId);
  if (mine.some((h) => h.destination === destination)) {
    throw invalid({ destination: `A webhook for scope ${scope} and this destination already exists.` });
  }
  if (mine.length >= MAX_PER_SCOPE) throw invalid({ scope: `At most ${MAX_PER_SCOPE} webhooks may be registered for scope ${scope}.` });
}

function list(ctx: Ctx): Reply {
  const q = ctx.query;
  let rows = ctx.store.db.hooks.all().filter((h) => h.client_id === ctx.token.clientId);
  const active = q.bool('is_active'), scope = q.str('scope'), dest = q.str('destination');
  if (active !== undefined) rows = rows.filter((h) => h.is_active === active);
  if (scope !== undefined) rows = rows.filter((h) => h.scope === scope);
  if (dest !== undefined) rows = rows.filter((h) => h.destination === dest);
  return { status: 200, body: v3List(q, readPaging(q), rows, hookJson) };
}

function create(ctx: Ctx): Reply {
  const f = readFields(ctx.body, true);
  checkLimits(ctx, f.scope!, f.destination!);
  const now = unixSeconds(ctx.now);
  const row: HookRow = {
    id: ctx.tx.newId('hooks'), client_id: ctx.token.clientId, store_hash: ctx.store.profile.hash, scope: f.scope!,
    destination: f.destination!, headers: f.headers ?? null, is_active: f.is_active ?? true, created_at: now, updated_at: now,
  };
  ctx.tx.put('hooks', row);
  return { status: 200, body: { data: hookJson(row), meta: {} } };
}

function update(ctx: Ctx): Reply {
  const prev = requireHook(ctx);
  const f = readFields(ctx.body, false);
  const next: HookRow = { ...prev, ...f, id: prev.id, updated_at: unixSeconds(ctx.now) };
  if (next.scope !== prev.scope || next.destination !== prev.destination) checkLimits(ctx, next.scope, next.destination, prev.id);
  ctx.tx.put('hooks', next);
  return { status: 200, body: { data: hookJson(next), meta: {} } };
}

function remove(ctx: Ctx): Reply {
  const h = requireHook(ctx);
  ctx.tx.del('hooks', h.id);
  return { status: 200, body: { data: hookJson(h), meta: {} } };
}

const r = (method: RouteDef['method'], path: string, handler: RouteDef['handler']): RouteDef => ({ method, path, area: 'webhooks', spec: SPEC, handler });
export const hookRoutes: RouteDef[] = [
  r('GET', '/v3/hooks', list), r('POST', '/v3/hooks', create),
  r('GET', '/v3/hooks/{webhook_id}', (ctx) => ({ status: 200, body: { data: hookJson(requireHook(ctx)), meta: {} } })),
  r('PUT', '/v3/hooks/{webhook_id}', update), r('DELETE', '/v3/hooks/{webhook_id}', remove),
];
