import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

type V3 = { data: Array<{ id: number }>; meta: { pagination: { total: number; count: number; per_page: number; current_page: number; total_pages: number; links: Record<string, string> } } };

describe('pagination', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness(); });
  afterAll(() => h.close());

  it('V3 meta and relative links on first, middle, last and past-the-end pages', async () => {
    const first = (await h.call('GET', '/v3/catalog/products?limit=100')).body as V3;
    expect(first.meta.pagination).toMatchObject({ total: 300, count: 100, per_page: 100, current_page: 1, total_pages: 3 });
    expect(first.meta.pagination.links).toEqual({ current: '?page=1&limit=100', next: '?page=2&limit=100' });
    const filtered = (await h.call('GET', '/v3/catalog/products?limit=100&page=2&is_visible=true')).body as V3;
    expect(filtered.meta.pagination.links.previous).toBe('?is_visible=true&page=1&limit=100');
    const mid = (await h.call('GET', '/v3/catalog/products?limit=100&page=2')).body as V3;
    expect(mid.meta.pagination.links).toEqual({ previous: '?page=1&limit=100', current: '?page=2&limit=100', next: '?page=3&limit=100' });
    const last = (await h.call('GET', '/v3/catalog/products?limit=100&page=3')).body as V3;
    expect(last.meta.pagination.links.next).toBeUndefined();
    expect(last.data.length).toBe(100);
    const past = await h.call('GET', '/v3/catalog/products?limit=100&page=9');
    expect(past.status).toBe(200);
    expect((past.body as V3).data).toEqual([]);
    expect((past.body as V3).meta.pagination).toMatchObject({ total: 300, count: 0, total_pages: 3, current_page: 9 });
    const ids = [...first.data, ...mid.data, ...last.data].map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('defaults to 50, caps limit at 250 and at 10 with include=options', async () => {
    expect(((await h.call('GET', '/v3/catalog/products')).body as V3).data.length).toBe(50);
    const big = (await h.call('GET', '/v3/catalog/variants?limit=1000')).body as V3;
    expect(big.meta.pagination.per_page).toBe(250);
    expect(big.data.length).toBe(250);
    const opts = (await h.call('GET', '/v3/catalog/products?limit=100&include=options')).body as V3;
    expect(opts.data.length).toBe(10);
    expect(opts.meta.pagination.per_page).toBe(10);
  });

  it('V2 lists are bare arrays and answer 204 with an empty body past the end', async () => {
    const page = await h.call('GET', '/v2/orders?limit=250&page=2');
    expect(page.status).toBe(200);
    expect(Array.isArray(page.body)).toBe(true);
    expect((page.body as unknown[]).length).toBe(50);
    const past = await h.call('GET', '/v2/orders?limit=250&page=3');
    expect(past.status).toBe(204);
    expect(past.text).toBe('');
    const none = await h.call('GET', '/v2/orders?status_id=0');
    expect(none.status).toBe(204);
    const big = await h.call('GET', '/v2/orders?limit=5000');
    expect((big.body as unknown[]).length).toBe(250);
  });

  it('customers support cursor pagination next to page/limit', async () => {
    const first = (await h.call('GET', '/v3/customers?limit=20')).body as V3 & { meta: { cursor_pagination: { end_cursor: string; links: { next: string } } } };
    expect(first.meta.cursor_pagination.links.next).toContain('after=');
    const next = await h.call('GET', `/v3/customers?limit=20&after=${first.meta.cursor_pagination.end_cursor}`);
    const body = next.body as { data: Array<{ id: number }>; meta: Record<string, unknown> };
    expect(body.meta.pagination).toBeUndefined();
    expect(body.data[0].id).toBe(first.data[19].id + 1);
    const page2 = (await h.call('GET', '/v3/customers?limit=20&page=2')).body as { data: Array<{ id: number }>; meta: Record<string, unknown> };
    expect(page2.data.map((c) => c.id)).toEqual(body.data.map((c) => c.id));
    expect(page2.meta.cursor_pagination).toBeUndefined();
  });
});
