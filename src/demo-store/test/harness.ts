import { startDemoStore, type DemoStore, type DemoStoreOptions } from '../index';

/** Small real-HTTP harness shared by the demo-store tests. */
export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

export interface Harness {
  store: DemoStore;
  hash: string;
  token: string;
  call(method: string, path: string, body?: unknown, opts?: { token?: string | null; headers?: Record<string, string>; rawBody?: string }): Promise<ApiResponse>;
  close(): Promise<void>;
}

export const SMALL: DemoStoreOptions = { products: 300, orders: 300, customers: 200, rateLimit: false };

export async function startHarness(opts: DemoStoreOptions = {}, storeIndex = 0): Promise<Harness> {
  const store = await startDemoStore({ ...SMALL, ...opts });
  const info = store.stores[storeIndex];
  return {
    store, hash: info.storeHash, token: info.token,
    async call(method, path, body, o = {}) {
      const headers: Record<string, string> = { Accept: 'application/json', ...o.headers };
      const token = o.token === undefined ? info.token : o.token;
      if (token !== null) headers['X-Auth-Token'] = token;
      let payload: string | undefined = o.rawBody;
      if (body !== undefined) {
        payload = JSON.stringify(body);
        headers['Content-Type'] ??= 'application/json';
      }
      const res = await fetch(`${store.url}/stores/${info.storeHash}${path}`, { method, headers, body: payload });
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, headers: res.headers, text, body: parsed };
    },
    close: () => store.close(),
  };
}

/** Every item of a V3 collection, following `meta.pagination` (used to cross-check filters). */
export async function allV3<T = Record<string, unknown>>(h: Harness, path: string): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await h.call('GET', `${path}${sep}limit=250&page=${page}`);
    if (res.status !== 200) throw new Error(`${path} → ${res.status} ${res.text.slice(0, 200)}`);
    const body = res.body as { data: T[]; meta: { pagination: { total_pages: number } } };
    out.push(...body.data);
    if (page >= body.meta.pagination.total_pages) return out;
  }
}

/** Every item of a V2 collection (pages until 204). */
export async function allV2<T = Record<string, unknown>>(h: Harness, path: string): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await h.call('GET', `${path}${sep}limit=250&page=${page}`);
    if (res.status === 204) return out;
    if (res.status !== 200) throw new Error(`${path} → ${res.status} ${res.text.slice(0, 200)}`);
    out.push(...(res.body as T[]));
  }
}

export const ids = (rows: Array<{ id?: unknown }>): number[] => rows.map((r) => r.id as number);
