import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore, type DemoStore } from '../../../demo-store/index';
import { createBigCommerceClient, createRateLimiter } from '../bigcommerce';
import { testConnection } from './connection-test';

/** The scope report against the demo store, which enforces scopes the way BigCommerce documents them. */
describe('connection test scope report', () => {
  let demo: DemoStore;
  beforeAll(async () => {
    demo = await startDemoStore({ products: 5, orders: 1, customers: 1, rateLimit: false });
  });
  afterAll(() => demo.close());

  const test = (token: string) => {
    const { storeHash } = demo.stores[0]!;
    return testConnection(createBigCommerceClient({ storeHash, apiOrigin: demo.url, getToken: async () => token, limiter: createRateLimiter(), maxRetries: 0 }));
  };

  it('reports every area read and write for a full-access token, store information included', async () => {
    const info = await test(demo.stores[0]!.token);
    expect(info.access).toEqual({ products: 'modify', orders: 'modify', customers: 'modify', information: 'modify', webhooks: 'modify' });
  });

  it('reports read only for a read-only token, and no access where the token has no scope', async () => {
    const token = 'read-only-token-0001';
    demo.addToken(demo.stores[0]!.storeHash, token, { products: 'read', orders: 'read', customers: 'none', information: 'read' });
    const info = await test(token);
    expect(info.access).toEqual({ products: 'read', orders: 'read', customers: 'none', information: 'read', webhooks: 'modify' });
  });
});
