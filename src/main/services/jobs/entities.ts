import { BigCommerceError, type BigCommerceClient, type BigCommerceResponse } from '../bigcommerce';
import { fieldSpec, type Entity, type JsonValue } from './edit-schema';
import { toWire } from './values';

/**
 * How each entity is read and written in bulk (bigcommerce-facts §4, perf-recipes §3.3):
 * products ≤ 10 per PUT /v3/catalog/products, variants ≤ 50 per PUT /v3/catalog/variants,
 * customers ≤ 10 per PUT /v3/customers (3 concurrent: the limiter's endpoint cap enforces it),
 * orders one PUT /v2/orders/{id} each. Current values are read 250 at a time with `id:in`
 * (V3's maximum page), orders one GET each. Every request is `bulk` priority: the grid's
 * interactive requests go first on the shared store limiter.
 */
export interface WriteItem {
  id: number;
  productId?: number;
  /** field → value to write (job convention). */
  values: Record<string, JsonValue>;
}

export type ServerRow = Record<string, unknown>;

export interface EntityAdapter {
  entity: Entity;
  /** Items per write request. */
  batchSize: number;
  /** Items whose current values one read step fetches. */
  readChunk: number;
  /** Write requests the job keeps in flight (the limiter decides when each actually starts). */
  inFlight: number;
  /** Current server rows by id; ids the store doesn't have are simply absent. */
  read(client: BigCommerceClient, ids: number[], fields: string[]): Promise<Map<number, ServerRow>>;
  write(client: BigCommerceClient, items: WriteItem[]): Promise<BigCommerceResponse>;
}

function body(entity: Entity, item: WriteItem): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = { id: item.id };
  for (const [field, value] of Object.entries(item.values)) out[field] = toWire(fieldSpec(entity, field)!, value);
  return out;
}

interface V3List {
  data?: ServerRow[];
  meta?: { pagination?: { total_pages?: number } };
}

/** GET a V3 collection filtered by `id:in`, following pages in case the server pages below 250. */
async function readV3(client: BigCommerceClient, path: string, ids: number[], fields: string[] | null): Promise<Map<number, ServerRow>> {
  const rows = new Map<number, ServerRow>();
  for (let page = 1; ; page++) {
    const query = {
      'id:in': ids,
      limit: 250,
      page,
      ...(fields ? { include_fields: fields } : {}),
    };
    const res = await client.request<V3List>({ method: 'GET', version: 'v3', path, query, priority: 'bulk' });
    for (const row of res.data?.data ?? []) if (typeof row.id === 'number') rows.set(row.id, row);
    if (page >= (res.data?.meta?.pagination?.total_pages ?? 1)) return rows;
  }
}

interface V3BatchOptions {
  batchSize: number;
  inFlight: number;
  /** GET takes include_fields (catalog specs; not customers.v3.yml). */
  readFields: boolean;
  /** The batch PUT takes include_fields too (products_catalog.v3.yml; the variants spec lists none). */
  writeFields: boolean;
}

function v3BatchAdapter(entity: Entity, path: string, options: V3BatchOptions): EntityAdapter {
  return {
    entity,
    batchSize: options.batchSize,
    readChunk: 250,
    inFlight: options.inFlight,
    read: (client, ids, fields) => readV3(client, path, ids, options.readFields ? fields : null),
    write: (client, items) => {
      // Only the edited fields come back: ten full products are ~30 kB nobody reads.
      const fields = [...new Set(items.flatMap((item) => Object.keys(item.values)))];
      return client.request({
        method: 'PUT',
        version: 'v3',
        path,
        query: options.writeFields ? { include_fields: fields } : undefined,
        body: items.map((item) => body(entity, item)),
        priority: 'bulk',
        idempotent: true,
        responseBody: 'ignore',
      });
    },
  };
}

async function readOrder(client: BigCommerceClient, id: number): Promise<ServerRow | null> {
  try {
    const res = await client.request<ServerRow | null>({ method: 'GET', version: 'v2', path: `/orders/${id}`, priority: 'bulk' });
    return res.data && typeof res.data === 'object' ? res.data : null;
  } catch (error) {
    if (error instanceof BigCommerceError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

const orderAdapter: EntityAdapter = {
  entity: 'order',
  batchSize: 1,
  readChunk: 8,
  inFlight: 6,
  async read(client, ids) {
    const rows = await Promise.all(ids.map((id) => readOrder(client, id)));
    const out = new Map<number, ServerRow>();
    rows.forEach((row, i) => row && out.set(ids[i]!, row));
    return out;
  },
  write(client, items) {
    if (items.length !== 1) throw new RangeError('orders are written one per request');
    const { id: _id, ...fields } = body('order', items[0]!);
    return client.request({
      method: 'PUT',
      version: 'v2',
      path: `/orders/${items[0]!.id}`,
      body: fields,
      priority: 'bulk',
      idempotent: true,
      responseBody: 'ignore',
    });
  },
};

// In flight: well above the limiter's default concurrency (12): each batch spends part of its time
// on two journal fsyncs, and those must not leave a permit unused while the quota has room.
export const ADAPTERS: { readonly [E in Entity]: EntityAdapter } = {
  product: v3BatchAdapter('product', '/catalog/products', { batchSize: 10, inFlight: 24, readFields: true, writeFields: true }),
  variant: v3BatchAdapter('variant', '/catalog/variants', { batchSize: 50, inFlight: 24, readFields: true, writeFields: false }),
  customer: v3BatchAdapter('customer', '/customers', { batchSize: 10, inFlight: 3, readFields: false, writeFields: false }),
  order: orderAdapter,
};
