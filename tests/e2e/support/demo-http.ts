import type { Page } from '@playwright/test';
import { DEFAULT_SEED, defaultToken } from '../../../src/demo-store/index';
import { rpc } from './rpc';

export interface StoreHttp {
  storeId: string;
  /** Raw HTTP to the demo store the app runs, as someone other than the app. */
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** The store's own products, by id (price, sale_price, inventory_level, name, …). */
  products(ids: readonly number[]): Promise<Map<number, Record<string, unknown>>>;
  variants(productId: number): Promise<Array<Record<string, unknown>>>;
}

/** The active demo store over its HTTP API (its demo token is fixed per seed, not read from the app). */
export async function activeStoreHttp(page: Page): Promise<StoreHttp> {
  return demoStoreHttp(page, (await rpc(page, 'stores.list', {})).activeStoreId!);
}

/** A demo store of the app (by profile id, e.g. demo-2) over its HTTP API. */
export async function demoStoreHttp(page: Page, storeId: string): Promise<StoreHttp> {
  const list = await rpc(page, 'stores.list', {});
  const index = list.stores.findIndex((s) => s.id === storeId);
  const store = list.stores[index]!;
  const token = defaultToken(DEFAULT_SEED, index);
  const request = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${store.apiOrigin}/stores/${store.storeHash}${path}`, {
      method,
      headers: { 'X-Auth-Token': token, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  };
  return {
    storeId: store.id,
    request,
    async products(ids) {
      const found = new Map<number, Record<string, unknown>>();
      for (let i = 0; i < ids.length; i += 50) {
        const res = await request('GET', `/v3/catalog/products?id:in=${ids.slice(i, i + 50).join(',')}&limit=250`);
        for (const p of (res.body as { data: Array<Record<string, unknown>> }).data) found.set(p.id as number, p);
      }
      return found;
    },
    async variants(productId) {
      const res = await request('GET', `/v3/catalog/products/${productId}/variants?limit=250`);
      return (res.body as { data: Array<Record<string, unknown>> }).data;
    },
  };
}

/** Money as the store sends it (a JSON number) → the store's 2-decimal text. */
export const moneyText = (value: unknown): string => (typeof value === 'number' ? value.toFixed(2) : String(value));
