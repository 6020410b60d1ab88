import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecLoader, specRootFor, specsAvailable } from '../../src/demo-store/conformance/spec-loader';
import type { OrderRowData } from '../../src/shared/contract';
import { startCatalogHarness, type CatalogHarness } from '../../src/main/services/catalog/test-support';
import { createOrdersService, type OrdersService } from '../../src/main/services/orders';
import { ORDER_SORTS, type OrderSortKey } from '../../src/renderer/src/features/orders/order-sort';
import { compareKeys, sortKey } from '../../src/renderer/src/components/data-grid/model/sort-keys';

/**
 * Every sort key of `GET /v2/orders` (the orders.v2 spec's `sort` enum) sorts the Orders grid's
 * rows — as main's cache hands them out, by the value the key's column sorts (order-sort.ts), through the grid's own sort keys — in the order the API
 * answers `sort=<key>:asc|desc`. Compared as the sequence of key values (ties may come in any
 * order on either side); rows without a value (external_id) are left out, since the grid puts
 * empty cells last whichever way it sorts.
 */
const SORT_KEYS = ['id', 'customer_id', 'date_created', 'date_modified', 'status_id', 'channel_id', 'external_id'] as const satisfies readonly OrderSortKey[];
type SortKeyName = (typeof SORT_KEYS)[number];
type ApiOrder = Record<SortKeyName, unknown>;

/** One comparable value per key, from either side: numbers, dates as epoch ms, text. */
const normal = (key: SortKeyName, v: unknown): number | string | null => {
  if (v === null || v === undefined || v === '') return null;
  if (key === 'date_created' || key === 'date_modified') return Date.parse(String(v));
  return key === 'external_id' ? String(v) : Number(v);
};

describe('the Orders grid sorts by every API sort key as the API does', () => {
  let h: CatalogHarness;
  let orders: OrdersService;
  let rows: OrderRowData[];

  beforeAll(async () => {
    h = await startCatalogHarness({ products: 40, orders: 300, customers: 40 });
    // Variety the seed lacks: other channels and statuses, and recent modifications.
    const all = (await h.raw('GET', '/v2/orders?limit=250')).body as Array<{ id: number }>;
    for (const [i, o] of all.slice(0, 12).entries()) {
      expect((await h.raw('PUT', `/v2/orders/${o.id}`, i % 2 ? { channel_id: 2 + (i % 3) } : { status_id: [5, 9, 2][i % 3], staff_notes: `n${i}` })).status).toBe(200);
    }
    const conn = h.connect();
    orders = createOrdersService({ dataDir: h.dataDir, bigcommerce: conn.bigcommerce, catalog: conn.catalog });
    await orders.load('store-1', h.storeHash);
    rows = (await orders.list('store-1')).rows;
  });
  afterAll(async () => {
    await orders.close();
    await h.close();
  });

  async function apiOrder(key: SortKeyName, dir: 'asc' | 'desc'): Promise<ApiOrder[]> {
    const out: ApiOrder[] = [];
    for (let page = 1; ; page++) {
      const res = await h.raw('GET', `/v2/orders?sort=${key}:${dir}&limit=250&page=${page}`);
      if (res.status === 204) return out;
      out.push(...(res.body as ApiOrder[]));
    }
  }

  const specRoot = specRootFor(join(import.meta.dirname, '../..'));
  it.skipIf(!specsAvailable(specRoot))('covers every value of the spec’s sort parameter (skipped without ../shared/bigcommerce-openapi)', () => {
    const spec = new SpecLoader(specRoot).doc('reference/orders.v2.oas2.yml') as { components: { parameters: { sort: { schema: { enum: string[] } } } } };
    expect([...SORT_KEYS].sort()).toEqual([...spec.components.parameters.sort.schema.enum].sort());
  });

  for (const key of SORT_KEYS) {
    it(`sort=${key}`, async () => {
      const column = ORDER_SORTS[key];
      const keyed = rows.map((row) => ({ row, key: sortKey(column.value(row)) }));
      for (const dir of ['asc', 'desc'] as const) {
        // The grid's comparator; TanStack reverses it for a descending sort.
        const local = [...keyed].sort((a, b) => (dir === 'asc' ? 1 : -1) * compareKeys(a.key, b.key)).map((k) => normal(key, k.row[key]));
        const api = (await apiOrder(key, dir)).map((o) => normal(key, o[key]));
        expect(api.length).toBe(rows.length);
        expect(local.filter((v) => v !== null), `${key}:${dir}`).toEqual(api.filter((v) => v !== null));
        if (key !== 'external_id') expect(new Set(api).size, `${key} has more than one value`).toBeGreaterThan(1);
      }
    });
  }
});
