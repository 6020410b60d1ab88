import type { Area, TokenInfo } from '../server/auth';
import type { Query } from './query';
import type { ApiVersion } from './errors';
import type { Tx } from '../state/tx';
import type { StoreRuntime } from '../server/store-runtime';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Ctx {
  store: StoreRuntime;
  tx: Tx;
  params: Record<string, string>;
  query: Query;
  body: unknown;
  method: Method;
  version: ApiVersion;
  token: TokenInfo;
  /** Wall clock for record timestamps (rate limiting uses the injected clock instead). */
  now: number;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** Already-serialized JSON. */
  json?: string;
  /** Already-encoded JSON bytes (hot list paths concatenate cached fragments). */
  raw?: Buffer;
}

/** A handler that awaits (an image download) must make its writes after its last await: requests interleave. */
export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

export interface RouteDef {
  method: Method;
  /** Path after `/stores/{store_hash}`, e.g. `/v3/catalog/products/{product_id}`. */
  path: string;
  area: Area;
  /** Spec file (relative to `reference/`) that documents this operation. */
  spec: string;
  handler: Handler;
  /**
   * Only answers a client's scope probe (403 without the area's write scope, else an error that
   * changes nothing); not an implemented operation, so it has no success case and no coverage row.
   */
  probeOnly?: true;
  /** The spec's 403 for this operation is GeneralErrorWithErrors: the body carries `errors` (empty). */
  forbiddenWithErrors?: true;
}

interface Compiled {
  def: RouteDef;
  segments: string[];
  literals: number;
}

export type Match =
  | { kind: 'ok'; route: RouteDef; params: Record<string, string> }
  | { kind: 'method'; allowed: Method[] }
  | { kind: 'none' };

/** Segment matcher; a literal segment beats a parameter (`/orders/count` over `/orders/{id}`). */
export class Router {
  private readonly routes: Compiled[];

  constructor(defs: RouteDef[]) {
    this.routes = defs
      .map((def) => {
        const segments = def.path.split('/').filter(Boolean);
        return { def, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  match(method: string, path: string): Match {
    const parts = path.split('/').filter(Boolean).map(safeDecode);
    const allowed: Method[] = [];
    for (const r of this.routes) {
      const params = matchSegments(r.segments, parts);
      if (!params) continue;
      if (r.def.method === method) return { kind: 'ok', route: r.def, params };
      allowed.push(r.def.method);
    }
    return allowed.length ? { kind: 'method', allowed } : { kind: 'none' };
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | null {
  if (segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.startsWith('{')) params[s.slice(1, -1)] = parts[i];
    else if (s !== parts[i]) return null;
  }
  return params;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
