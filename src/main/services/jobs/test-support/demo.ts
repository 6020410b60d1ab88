import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoStore, type DemoStore, type DemoStoreInfo, type DemoStoreOptions } from '../../../../demo-store/index';
import { createBigCommerceService, type BigCommerceService, type BigCommerceServiceDeps } from '../../bigcommerce';
import { numberToDecimal } from '../values';

/**
 * A demo store on a free loopback port, a BigCommerce service pointed at it and a temp data dir.
 * `raw` talks to the store directly (no limiter, retried on injected faults): the "someone else"
 * that edits rows behind a job's back, and the independent reader that checks what landed.
 */
export interface DemoEnv {
  demo: DemoStore;
  storeHash: string;
  token: string;
  dataDir: string;
  bigcommerce: BigCommerceService;
  raw<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }>;
  close(): Promise<void>;
}

export async function startDemoEnv(
  options: DemoStoreOptions = {},
  service: Partial<BigCommerceServiceDeps> = {},
): Promise<DemoEnv> {
  return envAround(await startDemoStore({ port: 0, stores: 1, products: 300, orders: 60, customers: 60, ...options }), service);
}

/** What an env needs of a running store, in this process or another (see demo-process.ts). */
export interface RunningStore {
  url: string;
  stores: DemoStoreInfo[];
  close(): Promise<void>;
}

/** The env around a running store: its first store, a BigCommerce service pointed at it, a temp data dir. */
export async function envAround<D extends RunningStore>(
  demo: D,
  service: Partial<BigCommerceServiceDeps> = {},
): Promise<Omit<DemoEnv, 'demo'> & { demo: D }> {
  const store = demo.stores[0]!;
  const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-jobs-'));
  const bigcommerce = createBigCommerceService({
    target: () => ({ storeHash: store.storeHash, apiOrigin: demo.url }),
    getToken: async () => store.token,
    timeoutMs: 15_000,
    ...service,
  });
  return {
    demo,
    storeHash: store.storeHash,
    token: store.token,
    dataDir,
    bigcommerce,
    raw: makeRaw(demo.url, store.storeHash, store.token),
    async close() {
      bigcommerce.close();
      await demo.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

type Row = Record<string, unknown> & { id: number };

/** Every row of a V3 collection with these ids (250 per request), keyed by id. */
export async function readRows(env: DemoEnv, path: string, ids: number[]): Promise<Map<number, Row>> {
  const out = new Map<number, Row>();
  for (let i = 0; i < ids.length; i += 250) {
    const chunk = ids.slice(i, i + 250);
    const { status, data } = await env.raw<{ data: Row[] }>('GET', `${path}?id:in=${chunk.join(',')}&limit=250`);
    if (status !== 200) throw new Error(`GET ${path} answered ${status}`);
    for (const row of data.data) out.set(row.id, row);
  }
  return out;
}

export async function readOrders(env: DemoEnv, ids: number[]): Promise<Map<number, Row>> {
  const out = new Map<number, Row>();
  for (const id of ids) {
    const { status, data } = await env.raw<Row>('GET', `/v2/orders/${id}`);
    if (status !== 200) throw new Error(`GET /v2/orders/${id} answered ${status}`);
    out.set(id, data);
  }
  return out;
}

/** A money value as the job convention has it ("79.99"), from the V3 number. */
export const money = (value: unknown): string | null => (typeof value === 'number' ? numberToDecimal(value) : null);

/** The first `n` rows of a V3 collection in id order. */
export async function listRows(env: DemoEnv, path: string, n: number, query = ''): Promise<Row[]> {
  const { data } = await env.raw<{ data: Row[] }>('GET', `${path}?limit=${Math.min(n, 250)}${query}`);
  return data.data.slice(0, n);
}

/** Direct requests to the store (no limiter), retried through injected faults and 429s. */
export function makeRaw(url: string, storeHash: string, token: string): DemoEnv['raw'] {
  return async function raw<T>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await fetch(`${url}/stores/${storeHash}${path}`, {
          method,
          headers: { 'X-Auth-Token': token, Accept: 'application/json', 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        if ((res.status >= 500 || res.status === 429) && attempt < 20) {
          await new Promise((r) => setTimeout(r, res.status === 429 ? 500 : 20));
          continue;
        }
        return { status: res.status, data: (text ? JSON.parse(text) : null) as T };
      } catch (error) {
        if (attempt >= 20) throw error;
      }
    }
  };
}
