import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoStore, type DemoStore, type DemoStoreOptions } from '../../../demo-store/index';
import { createBigCommerceService, type BigCommerceService } from '../bigcommerce';
import { CACHE_FILE_NAME } from './cache-file';
import { createCatalogService, type CatalogServiceDeps } from './catalog-service';
import type { CatalogEvent } from './types';

/** Test wiring: a demo store over real HTTP, a data dir, and services that count their requests. */
export interface CatalogHarness {
  demo: DemoStore;
  storeHash: string;
  token: string;
  dataDir: string;
  /** A new BigCommerce service whose fetch is counted (and optionally rewritten). */
  connect(options?: ConnectOptions): Connection;
  /** Raw HTTP to the demo store, bypassing the app (changes made "by someone else"). */
  raw(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  token?: string;
  /** Rewrite response bodies (e.g. to inject float noise the demo store never sends). */
  rewrite?: (url: string, text: string) => string;
  /** Runs before each request is sent (e.g. to change the store between two pages). */
  beforeRequest?: (url: string) => Promise<void>;
  deps?: Partial<CatalogServiceDeps>;
}

export interface Connection {
  bigcommerce: BigCommerceService;
  catalog: ReturnType<typeof createCatalogService>;
  events: CatalogEvent[];
  requests: string[];
}

export async function startCatalogHarness(options: DemoStoreOptions = {}): Promise<CatalogHarness> {
  const demo = await startDemoStore({ port: 0, products: 300, orders: 0, customers: 0, stores: 1, rateLimit: false, ...options });
  const { storeHash, token } = demo.stores[0]!;
  const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-catalog-'));
  const services: BigCommerceService[] = [];

  function connect(opts: ConnectOptions = {}): Connection {
    const requests: string[] = [];
    const events: CatalogEvent[] = [];
    const countingFetch: typeof fetch = async (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${String(input).replace(demo.url, '')}`);
      await opts.beforeRequest?.(String(input));
      const res = await fetch(input, init);
      if (!opts.rewrite) return res;
      const text = opts.rewrite(String(input), await res.text());
      return new Response(res.status === 204 ? null : text, { status: res.status, headers: res.headers });
    };
    const bigcommerce = createBigCommerceService({ target: () => ({ storeHash, apiOrigin: demo.url }), getToken: async () => opts.token ?? token, fetch: countingFetch });
    services.push(bigcommerce);
    const catalog = createCatalogService({ dataDir, bigcommerce, onEvent: (e) => events.push(e), progressIntervalMs: 0, ...opts.deps });
    return { bigcommerce, catalog, events, requests };
  }

  async function raw(method: string, path: string, body?: unknown) {
    const res = await fetch(`${demo.url}/stores/${storeHash}${path}`, {
      method,
      headers: { 'X-Auth-Token': token, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  return {
    demo, storeHash, token, dataDir, connect, raw,
    async close() {
      services.forEach((s) => s.close());
      await demo.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const cachePath = (h: CatalogHarness, storeId = 'store-1') => join(h.dataDir, 'cache', storeId, CACHE_FILE_NAME);
export const productRequests = (requests: string[]) => requests.filter((r) => r.includes('/v3/catalog/products'));

/** Every product as the demo store sends it (`include=variants`), read page by page with plain fetch. */
export async function serverProducts(h: CatalogHarness): Promise<Array<Record<string, unknown>>> {
  const all: Array<Record<string, unknown>> = [];
  for (let page = 1; ; page++) {
    const res = await h.raw('GET', `/v3/catalog/products?include=variants&limit=250&page=${page}`);
    const body = res.body as { data: Array<Record<string, unknown>>; meta: { pagination: { total_pages: number } } };
    all.push(...body.data);
    if (page >= body.meta.pagination.total_pages) return all;
  }
}
