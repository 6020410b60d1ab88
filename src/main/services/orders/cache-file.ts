import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { z } from 'zod';
import { OrderRowSchema, OrderStatusSchema } from '../../../shared/contract';
import { readOptionalFile, writeFileAtomic } from '../fs/atomic-file';

/**
 * The orders cache, one file per store: `cache/<storeId>/orders.json.gz`. Orders are far fewer and
 * far smaller than catalog rows (a row is ~400 bytes of JSON, ~60 gzipped), so plain gzipped JSON
 * is enough; the catalog's chunked binary codec (catalog/cache-codec.ts) is product-shaped and
 * buys nothing here. What is shared with the catalog: the atomic write (fs/atomic-file.ts: a crash
 * leaves the previous file) and the per-profile folder (fs/store-files.ts). gzip's own CRC catches
 * a damaged file; the schema check catches an old or foreign one. Either is reported and refetched.
 */
/** 2: rows carry channel_id and external_id (sort keys); a schema 1 file is refetched. */
export const ORDERS_CACHE_SCHEMA = 2;
export const ORDERS_CACHE_FILE = 'orders.json.gz';

const CacheSchema = z.object({
  format: z.literal('stockroom-orders'),
  schema: z.literal(ORDERS_CACHE_SCHEMA),
  storeId: z.string(),
  storeHash: z.string(),
  syncedAt: z.string(),
  /** Server time (epoch ms) at the start of the last load: the next delta starts here, less a margin. */
  deltaFrom: z.number().int(),
  statuses: z.array(OrderStatusSchema),
  rows: z.array(OrderRowSchema),
});
export type OrdersCache = Omit<z.infer<typeof CacheSchema>, 'format' | 'schema'>;

export type OrdersCacheRead = { ok: true; cache: OrdersCache } | { ok: false; reason: string } | null;

export async function readOrdersCache(path: string): Promise<OrdersCacheRead> {
  const file = await readOptionalFile(path);
  if (!file?.ok) return file;
  let json: unknown;
  try {
    json = JSON.parse((await promisify(gunzip)(file.data)).toString('utf8'));
  } catch {
    return { ok: false, reason: 'damaged (not gzipped JSON)' };
  }
  const parsed = CacheSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `not a schema ${ORDERS_CACHE_SCHEMA} orders cache` };
  const { format: _f, schema: _s, ...cache } = parsed.data;
  return { ok: true, cache };
}

export async function writeOrdersCache(path: string, cache: OrdersCache): Promise<void> {
  const body = JSON.stringify({ format: 'stockroom-orders', schema: ORDERS_CACHE_SCHEMA, ...cache });
  await writeFileAtomic(path, await promisify(gzip)(body));
}

export async function removeOrdersCache(path: string): Promise<void> {
  await rm(path, { force: true });
}
