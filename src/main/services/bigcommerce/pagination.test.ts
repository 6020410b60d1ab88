import { afterEach, describe, expect, it } from 'vitest';
import { createBigCommerceClient } from './client';
import { collectV2, collectV3, paginateV3 } from './pagination';
import { createRateLimiter } from './rate-limiter';
import { AutoClock } from './test-support/fake-clock';
import { startScriptedServer, type RecordedRequest, type ScriptedReply, type ScriptedServer } from './test-support/scripted-server';

let server: ScriptedServer | undefined;
afterEach(async () => server?.close());

const rate = { 'X-Rate-Limit-Requests-Quota': '1000', 'X-Rate-Limit-Requests-Left': '900', 'X-Rate-Limit-Time-Reset-Ms': '30000', 'X-Rate-Limit-Time-Window-Ms': '30000' };
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));

function pageOf(req: RecordedRequest, all: unknown[], maxLimit = 250) {
  const page = Number(req.query.get('page') ?? 1);
  const limit = Math.min(Number(req.query.get('limit') ?? 50), maxLimit);
  return { page, limit, slice: all.slice((page - 1) * limit, page * limit) };
}

function v3(all: unknown[], delayMs = 20) {
  return (req: RecordedRequest): ScriptedReply => {
    const { page, limit, slice } = pageOf(req, all);
    const totalPages = Math.ceil(all.length / limit);
    return {
      status: 200,
      headers: rate,
      delayMs,
      body: { data: slice, meta: { pagination: { total: all.length, count: slice.length, per_page: limit, current_page: page, total_pages: totalPages, links: { current: `?page=${page}&limit=${limit}` } } } },
    };
  };
}

function v2(all: unknown[], maxLimit = 250) {
  return (req: RecordedRequest): ScriptedReply => {
    if (req.path.endsWith('/count')) return { status: 200, headers: rate, body: { count: all.length } };
    const { slice } = pageOf(req, all, maxLimit);
    return slice.length ? { status: 200, headers: rate, body: slice, delayMs: 20 } : { status: 204, headers: rate };
  };
}

async function setup(handler: (req: RecordedRequest) => ScriptedReply) {
  server = await startScriptedServer(handler);
  const clock = new AutoClock();
  const limiter = createRateLimiter({ clock, maxConcurrency: 6 });
  const client = createBigCommerceClient({ storeHash: 's', apiOrigin: server.url, getToken: async () => 't', limiter, clock });
  return { client, limiter };
}

describe('V3 pagination', () => {
  it('loads page 1, then the rest in parallel, yielding pages in order with progress', async () => {
    const all = items(1234);
    const { client } = await setup(v3(all));
    const progress: Array<[number, number | null]> = [];
    const pages: number[] = [];
    const got: unknown[] = [];
    for await (const page of paginateV3(client, { path: '/catalog/products', query: { include: 'variants' }, onProgress: (d, t) => progress.push([d, t]) })) {
      pages.push(page.page);
      expect(page.totalPages).toBe(5);
      got.push(...page.items);
    }
    expect(got).toEqual(all);
    expect(pages).toEqual([1, 2, 3, 4, 5]);
    expect(progress).toEqual([[1, 5], [2, 5], [3, 5], [4, 5], [5, 5]]);
    expect(server!.maxConcurrent).toBeGreaterThanOrEqual(3); // pages 2-5 overlapped
    expect(server!.requests[0]!.query.get('include')).toBe('variants');
    expect(server!.requests.every((r) => r.query.get('limit') === '250')).toBe(true);
  });

  it('handles an empty collection and a 204 sub-collection', async () => {
    const { client } = await setup(v3([]));
    expect(await collectV3(client, { path: '/catalog/products' })).toEqual([]);
    await server!.close();
    const second = await setup(() => ({ status: 204, headers: rate }));
    expect(await collectV3(second.client, { path: '/catalog/products/1/images' })).toEqual([]);
  });

  it('cancels the pages it prefetched when the consumer stops early', async () => {
    const { client, limiter } = await setup(v3(items(5000), 300));
    for await (const page of paginateV3(client, { path: '/catalog/products' })) {
      expect(page.page).toBe(1);
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(limiter.state()).toMatchObject({ inFlight: 0, queued: { interactive: 0, bulk: 0 } });
    expect(server!.requests.length).toBeLessThanOrEqual(1 + 8);
  });

  it('rejects a list response without a data array', async () => {
    const { client } = await setup(() => ({ status: 200, headers: rate, body: { items: [] } }));
    await expect(collectV3(client, { path: '/catalog/products' })).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});

describe('V2 pagination', () => {
  it('stops at a short page', async () => {
    const { client } = await setup(v2(items(260)));
    expect(await collectV2(client, { path: '/orders' })).toEqual(items(260));
    expect(server!.requests).toHaveLength(2);
  });

  it('stops at a 204 when the total is an exact multiple of the page size', async () => {
    const { client } = await setup(v2(items(500)));
    expect(await collectV2(client, { path: '/orders' })).toHaveLength(500);
    expect(server!.requests).toHaveLength(3);
  });

  it('does not lose data when the server ignores our limit and sends 50 per page', async () => {
    const { client } = await setup(v2(items(120), 50));
    expect(await collectV2(client, { path: '/orders' })).toEqual(items(120));
  });

  it('uses a /count endpoint to fetch pages in parallel, and detects a capped page size', async () => {
    const { client } = await setup(v2(items(1234)));
    const progress: Array<[number, number | null]> = [];
    const got = await collectV2(client, { path: '/orders', countPath: '/orders/count', query: { status_id: 11 }, onProgress: (d, t) => progress.push([d, t]) });
    expect(got).toEqual(items(1234));
    expect(progress.at(-1)).toEqual([5, 5]);
    expect(server!.requests[0]!.url).toBe('/stores/s/v2/orders/count?status_id=11');
    expect(server!.maxConcurrent).toBeGreaterThanOrEqual(3);
    await server!.close();
    const capped = await setup(v2(items(120), 50));
    expect(await collectV2(capped.client, { path: '/orders', countPath: '/orders/count' })).toEqual(items(120));
  });

  it('yields nothing when the count is zero', async () => {
    const { client } = await setup(v2([]));
    expect(await collectV2(client, { path: '/orders', countPath: '/orders/count' })).toEqual([]);
    expect(server!.requests).toHaveLength(1);
  });
});
