import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { ApiError, errorBody, defaultTitle, type ApiVersion } from '../http/errors';
import { Query } from '../http/query';
import type { Router, Reply, Method } from '../http/router';
import { Tx, type Change, type PendingEvent } from '../state/tx';
import { allowed, type AuthRegistry } from './auth';
import { rateHeaders, type RateState } from './rate-limit';
import type { FaultInjector } from './faults';
import type { StoreRuntime } from './store-runtime';
import { count, sendJson, type Stats } from './respond';
import type { BlobStore } from '../cdn/blob-store';
import { serveCdn } from '../cdn/cdn-server';

export interface ServerDeps {
  stores: Map<string, StoreRuntime>;
  blobs: BlobStore;
  auth: AuthRegistry;
  router: Router;
  faults: FaultInjector;
  latencyMs: number;
  idleRate: RateState;
  stats: Stats;
  commit(storeHash: string, changes: Change[]): Promise<void>;
  deliver(store: StoreRuntime, events: PendingEvent[]): void;
}

const MAX_BODY = 20 * 1024 * 1024;
const PATH_RE = /^\/stores\/([^/]+)\/(v2|v3)(\/.*)?$/;
const WRITE_METHODS = new Set(['POST', 'PUT', 'DELETE']);

export function createHttpServer(deps: ServerDeps): http.Server {
  const server = http.createServer((req, res) => {
    handle(req, res, deps).catch((err: unknown) => {
      console.error('[demo-store] unhandled error', err);
      if (!res.headersSent) fail(res, deps, 'v3', new ApiError(500, defaultTitle(500)), {});
    });
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  if (await serveCdn(req, res, deps.stores, deps.blobs)) return;
  const raw = await readBody(req);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const m = PATH_RE.exec(url.pathname);
  const version = (m?.[2] ?? 'v3') as ApiVersion;
  if (!m) return fail(res, deps, version, new ApiError(404, defaultTitle(404)), rateHeaders(deps.idleRate));
  const store = deps.stores.get(m[1]);
  // [unverified] an unknown store hash answers 404; BigCommerce's troubleshooting table also mentions 403.
  if (!store) return fail(res, deps, version, new ApiError(404, 'Store not found.'), rateHeaders(deps.idleRate));
  const tokenHeader = req.headers['x-auth-token'];
  const token = deps.auth.lookup(store.profile.hash, Array.isArray(tokenHeader) ? tokenHeader[0] : tokenHeader);
  // [unverified] unauthenticated requests do not consume the store's quota.
  if (!token) return fail(res, deps, version, new ApiError(401, defaultTitle(401)), rateHeaders(store.rate.peek()));
  const rate = store.rate.consume();
  const headers = rateHeaders(rate);
  if (rate.limited) return fail(res, deps, version, new ApiError(429, defaultTitle(429), { errors: {} }), headers);

  const method = (req.method ?? 'GET').toUpperCase();
  const match = deps.router.match(method, `/${version}${m[3] ?? ''}`);
  if (match.kind === 'none') return fail(res, deps, version, new ApiError(404, defaultTitle(404)), headers);
  if (match.kind === 'method') {
    return fail(res, deps, version, new ApiError(405, defaultTitle(405)), { ...headers, Allow: match.allowed.join(', ') });
  }
  if (!allowed(token.scopes, match.route.area, method)) return fail(res, deps, version, new ApiError(403, defaultTitle(403), match.route.forbiddenWithErrors ? { errors: {} } : {}), headers);

  let body: unknown;
  try {
    body = parseBody(req, method, raw);
  } catch (err) {
    return fail(res, deps, version, err as ApiError, headers);
  }

  const isWrite = WRITE_METHODS.has(method);
  const fault = deps.faults.decide(isWrite);
  if (fault?.kind === 'status') return fail(res, deps, version, new ApiError(fault.status, defaultTitle(fault.status)), headers);
  if (fault?.kind === 'drop' && fault.when === 'before') return drop(res, deps);
  if (deps.latencyMs > 0) await new Promise((r) => setTimeout(r, deps.latencyMs));

  const tx = new Tx(store.db, store.profile.hash);
  const ctx = {
    store, tx, params: match.params, query: new Query(url.searchParams), body, method: method as Method, version, token,
    now: Date.now(),
  };
  let reply: Reply | null = null;
  let error: ApiError | null = null;
  try {
    reply = await match.route.handler(ctx);
  } catch (err) {
    if (!(err instanceof ApiError)) console.error('[demo-store] handler error', err);
    error = err instanceof ApiError ? err : new ApiError(500, defaultTitle(500));
  }
  // Whatever was applied is journaled before anyone hears about it (acknowledged = durable).
  if (tx.changes.length) await deps.commit(store.profile.hash, tx.changes);
  if (tx.events.length) deps.deliver(store, tx.events);
  if (fault?.kind === 'drop') return drop(res, deps);
  if (error) return fail(res, deps, version, error, headers);
  count(deps.stats, reply!.status);
  sendJson(res, reply!.status, headers, reply!.body, reply!.raw ?? reply!.json);
}

function fail(res: ServerResponse, deps: ServerDeps, version: ApiVersion, err: ApiError, headers: Record<string, string>): void {
  count(deps.stats, err.status);
  sendJson(res, err.status, { ...headers, ...err.init.headers }, errorBody(version, err));
}

function drop(res: ServerResponse, deps: ServerDeps): void {
  count(deps.stats, 'dropped');
  res.socket?.destroy();
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? Buffer.alloc(0) : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** JSON only (facts §1): a body on a write must be declared application/json, else 415. */
function parseBody(req: IncomingMessage, method: string, raw: Buffer): unknown {
  if (method !== 'POST' && method !== 'PUT') return undefined;
  if (raw.length === 0) return undefined;
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!type.includes('application/json') && !type.includes('+json')) throw new ApiError(415, defaultTitle(415));
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiError(400, 'The request body is not valid JSON.');
  }
}
