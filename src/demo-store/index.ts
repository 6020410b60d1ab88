import type { AddressInfo, Server } from 'node:net';
import { createRng } from './util/prng';
import { AuthRegistry, FULL_ACCESS, type Access, type Area } from './server/auth';
import { RateLimiter } from './server/rate-limit';
import { FaultInjector } from './server/faults';
import { createHttpServer } from './server/http-server';
import type { StoreRuntime } from './server/store-runtime';
import { BlobStore } from './cdn/blob-store';
import path from 'node:path';
import type { Stats } from './server/respond';
import { Router } from './http/router';
import { ROUTES } from './routes';
import { makeProfile } from './seed/profiles';
import { loadStores, type StoreLoader } from './persistence/store-loader';
import { WebhookDispatcher, DEFAULT_RETRY_SCHEDULE_MS } from './webhooks/dispatcher';

export interface DemoStoreOptions {
  port?: number; // default 0 = free port; always bind 127.0.0.1
  /** With port 0: try this port first (the last run's), so the addresses a client cached (image URLs) stay valid. */
  preferPort?: number;
  dataDir?: string; // undefined = in memory only (tests); else persistent
  stores?: number; // default 2 (store 1 USD, store 2 EUR)
  products?: number; // per store, default 2000
  orders?: number; // per store, default 5000
  customers?: number; // per store, default 3000
  seed?: number | string; // default fixed; same seed → same data
  rateQuota?: number; // default 150
  rateWindowMs?: number; // default 30000
  rateLimit?: boolean; // default true; false = no limiting (headers still sent)
  faultRate?: number; // 0..1, seeded 500/502/503/504 and dropped connections
  latencyMs?: number; // added delay per request
  token?: string; // give every store this token
  reset?: boolean; // reseed even if dataDir has data
  webhookRetryScheduleMs?: number[]; // default BigCommerce's 60s..86400s; tests pass short ones
  now?: () => number; // injectable clock for rate-limit windows (default Date.now)
  /** Extra: share of dropped connections on writes that happen AFTER the write is applied (default 0.5). */
  faultDropAfterApplyRatio?: number;
}

export interface DemoStoreInfo {
  name: string;
  storeHash: string;
  token: string;
  apiUrl: string;
  currency: string;
}

export interface DemoStore {
  url: string;
  stores: DemoStoreInfo[];
  addToken(
    storeHash: string,
    token: string,
    scopes: Partial<Record<'products' | 'orders' | 'customers' | 'information' | 'webhooks', 'none' | 'read' | 'modify'>>,
  ): void;
  stats(): { requests: number; byStatus: Record<string, number> };
  close(): Promise<void>;
}

export const DEFAULT_SEED = 'stockroom-demo';

/** The token of demo store `index` when none is given: fixed per seed, so tests can talk to a demo store the app started. */
export function defaultToken(seed: number | string, index: number): string {
  const rng = createRng(`${String(seed)}/token/${index}`);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let t = '';
  for (let i = 0; i < 31; i++) t += alphabet[rng.int(0, alphabet.length - 1)];
  return t;
}

export async function startDemoStore(opts: DemoStoreOptions = {}): Promise<DemoStore> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const storeCount = opts.stores ?? 2;
  const profiles = Array.from({ length: storeCount }, (_, i) => makeProfile(i, seed));
  const loader: StoreLoader = await loadStores({
    dataDir: opts.dataDir, reset: opts.reset ?? false, seed, profiles,
    counts: { products: opts.products ?? 2000, orders: opts.orders ?? 5000, customers: opts.customers ?? 3000 },
  });
  const now = opts.now ?? Date.now;
  const quota = opts.rateQuota ?? 150;
  const windowMs = opts.rateWindowMs ?? 30_000;
  const auth = new AuthRegistry();
  let origin = '';
  const stores = new Map<string, StoreRuntime>();
  const blobs = new BlobStore(opts.dataDir ? path.join(opts.dataDir, 'blobs') : undefined);
  const tokens: string[] = [];
  profiles.forEach((profile, i) => {
    const token = opts.token ?? defaultToken(seed, i);
    tokens.push(token);
    auth.add(profile.hash, token, FULL_ACCESS);
    stores.set(profile.hash, {
      profile, db: loader.dbs.get(profile.hash)!, rate: new RateLimiter(quota, windowMs, opts.rateLimit ?? true, now),
      apiBase: () => origin, blobs,
    });
  });
  const stats: Stats = { requests: 0, byStatus: {} };
  const dispatcher = new WebhookDispatcher({
    schedule: opts.webhookRetryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
    commit: (hash, changes) => loader.commit(hash, changes),
  });
  const server = createHttpServer({
    stores, blobs, auth, router: new Router(ROUTES), latencyMs: opts.latencyMs ?? 0, stats,
    faults: new FaultInjector(opts.faultRate ?? 0, seed, opts.faultDropAfterApplyRatio ?? 0.5),
    idleRate: { left: quota, quota, resetMs: windowMs, windowMs, limited: false },
    commit: (hash, changes) => loader.commit(hash, changes),
    deliver: (store, events) => dispatcher.dispatch(store, events),
  });
  await listen(server, opts.port ?? 0, opts.preferPort);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closed: Promise<void> | null = null;
  return {
    url: origin,
    stores: profiles.map((p, i) => ({ name: p.name, storeHash: p.hash, token: tokens[i], apiUrl: origin, currency: p.currency })),
    addToken: (storeHash, token, scopes) => {
      if (!stores.has(storeHash)) throw new Error(`Unknown store hash: ${storeHash}`);
      auth.add(storeHash, token, scopes as Partial<Record<Area, Access>>);
    },
    stats: () => ({ requests: stats.requests, byStatus: { ...stats.byStatus } }),
    close: () => {
      closed ??= (async () => {
        dispatcher.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await loader.close();
      })();
      return closed;
    },
  };
}

function listenOn(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const fail = (e: Error) => reject(e);
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      resolve();
    });
  });
}

async function listen(server: Server, port: number, preferPort: number | undefined): Promise<void> {
  if (port === 0 && preferPort) {
    try {
      return await listenOn(server, preferPort);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' && (e as NodeJS.ErrnoException).code !== 'EACCES') throw e;
    }
  }
  await listenOn(server, port);
}
