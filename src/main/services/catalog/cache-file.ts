import { readFile, rm } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-file';
import type { OptionValueRow, ProductRow, VariantRow } from './types';

/**
 * On-disk catalog cache, one file per store: `cache/<storeId>/catalog.jsonl`.
 *
 *   line 1     header JSON: format, schema version, store, sync times, counts, byte length, CRC-32
 *   line 2..n  chunks: each a JSON array of up to CHUNK_SIZE product tuples
 *
 * Why this shape (100k products ≈ 400k rows must open "at once"):
 * - Tuples, not objects: no repeated keys, so about half the bytes and a faster JSON.parse.
 *   The field order is the schema; change it → bump CACHE_SCHEMA and old files are refetched.
 * - Chunked lines: encode and decode yield to the event loop between chunks, so the Electron
 *   main process keeps answering IPC while 40 MB are parsed or built.
 * - The header is checked before the body is parsed; the CRC over the body catches a damaged
 *   file that still happens to parse. The file is replaced atomically (temp + fsync + rename),
 *   so a crash leaves the previous cache, never a torn one.
 */
export const CACHE_SCHEMA = 1;
const FORMAT = 'stockroom-catalog';
const CHUNK_SIZE = 1000;

const Header = z.object({
  format: z.literal(FORMAT),
  schema: z.number().int(),
  storeId: z.string(),
  storeHash: z.string(),
  syncedAt: z.string(),
  /** Server time (epoch ms) at the start of the last sync: the next delta starts here (minus a margin). */
  deltaFrom: z.number().int(),
  decimalPlaces: z.number().int().min(0).max(10),
  products: z.number().int().min(0),
  variants: z.number().int().min(0),
  bodyBytes: z.number().int().min(0),
  crc32: z.number().int(),
});
export type CacheHeader = z.infer<typeof Header>;
export type CacheMeta = Omit<CacheHeader, 'format' | 'schema' | 'products' | 'variants' | 'bodyBytes' | 'crc32'>;

export interface CacheContents {
  meta: CacheMeta;
  products: ProductRow[];
  variantCount: number;
}

export type CacheReadResult = { ok: true; cache: CacheContents } | { ok: false; reason: string } | null;

/** Thrown inside decode; turned into `{ok:false}` so callers refetch instead of crashing. */
class CacheInvalid extends Error {}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

type VariantTuple = [number, string, string | null, string | null, string | null, number | null, string | null, string[]];
type ProductTuple = [
  number, string, string, string, string, string, string, number, string, string, boolean, number, number[], number, string,
  VariantTuple[],
];

function encodeVariant(v: VariantRow): VariantTuple {
  const options = v.option_values.flatMap((o) => [o.label, o.option_display_name]);
  return [v.id, v.sku, v.price, v.sale_price, v.cost_price, v.inventory_level, v.bin_picking_number, options];
}

function encodeProduct(p: ProductRow): ProductTuple {
  return [
    p.id, p.name, p.sku, p.price, p.sale_price, p.cost_price, p.retail_price, p.inventory_level, p.inventory_tracking,
    p.bin_picking_number, p.is_visible, p.brand_id, [...p.categories], p.weight, p.date_modified,
    p.variants.map(encodeVariant),
  ];
}

function decodeOptions(flat: unknown): OptionValueRow[] {
  if (!Array.isArray(flat) || flat.length % 2 !== 0) throw new CacheInvalid('bad option values');
  const out: OptionValueRow[] = [];
  for (let i = 0; i < flat.length; i += 2) out.push({ label: flat[i], option_display_name: flat[i + 1] });
  return out;
}

function decodeVariant(t: unknown, productId: number): VariantRow {
  if (!Array.isArray(t) || t.length !== 8 || typeof t[0] !== 'number') throw new CacheInvalid('bad variant tuple');
  return {
    id: t[0], product_id: productId, sku: t[1], price: t[2], sale_price: t[3], cost_price: t[4],
    inventory_level: t[5], bin_picking_number: t[6], option_values: decodeOptions(t[7]),
  };
}

function decodeProduct(t: unknown): ProductRow {
  if (!Array.isArray(t) || t.length !== 16 || typeof t[0] !== 'number' || !Array.isArray(t[15])) {
    throw new CacheInvalid('bad product tuple');
  }
  const id = t[0];
  return {
    id, name: t[1], sku: t[2], price: t[3], sale_price: t[4], cost_price: t[5], retail_price: t[6],
    inventory_level: t[7], inventory_tracking: t[8], bin_picking_number: t[9], is_visible: t[10], brand_id: t[11],
    categories: t[12], weight: t[13], date_modified: t[14],
    variants: (t[15] as unknown[]).map((v) => decodeVariant(v, id)),
  };
}

/** Build the file text chunk by chunk (yielding between chunks). */
export async function encodeCache(meta: CacheMeta, products: readonly ProductRow[]): Promise<string> {
  const lines: string[] = [];
  let crc = 0;
  let bytes = 0;
  let variants = 0;
  for (let start = 0; start < products.length; start += CHUNK_SIZE) {
    const chunk = products.slice(start, start + CHUNK_SIZE);
    for (const p of chunk) variants += p.variants.length;
    const line = `${JSON.stringify(chunk.map(encodeProduct))}\n`;
    crc = crc32(line, crc);
    bytes += Buffer.byteLength(line);
    lines.push(line);
    if (start + CHUNK_SIZE < products.length) await yieldToLoop();
  }
  const header: CacheHeader = {
    format: FORMAT, schema: CACHE_SCHEMA, ...meta, products: products.length, variants, bodyBytes: bytes, crc32: crc,
  };
  return `${JSON.stringify(header)}\n${lines.join('')}`;
}

function parseHeader(buf: Buffer): { header: CacheHeader; body: Buffer } {
  const nl = buf.indexOf(0x0a);
  if (nl < 0) throw new CacheInvalid('no header line');
  let json: unknown;
  try {
    json = JSON.parse(buf.subarray(0, nl).toString('utf8'));
  } catch {
    throw new CacheInvalid('header is not JSON');
  }
  const schema = (json as { schema?: unknown } | null)?.schema;
  if (schema !== CACHE_SCHEMA) throw new CacheInvalid(`schema ${String(schema)}, expected ${CACHE_SCHEMA}`);
  const parsed = Header.safeParse(json);
  if (!parsed.success) throw new CacheInvalid('header fields invalid');
  const body = buf.subarray(nl + 1);
  if (body.length !== parsed.data.bodyBytes) throw new CacheInvalid('truncated or padded body');
  if (crc32(body) !== parsed.data.crc32) throw new CacheInvalid('checksum mismatch');
  return { header: parsed.data, body };
}

async function decodeBody(body: Buffer, header: CacheHeader): Promise<CacheContents> {
  const products: ProductRow[] = [];
  let variantCount = 0;
  const lines = body.toString('utf8').split('\n');
  for (const line of lines) {
    if (line === '') continue;
    let tuples: unknown;
    try {
      tuples = JSON.parse(line);
    } catch {
      throw new CacheInvalid('chunk is not JSON');
    }
    if (!Array.isArray(tuples)) throw new CacheInvalid('chunk is not an array');
    for (const t of tuples) {
      const p = decodeProduct(t);
      variantCount += p.variants.length;
      products.push(p);
    }
    await yieldToLoop();
  }
  if (products.length !== header.products || variantCount !== header.variants) throw new CacheInvalid('row counts differ');
  const { format: _f, schema: _s, products: _p, variants: _v, bodyBytes: _b, crc32: _c, ...meta } = header;
  return { meta, products, variantCount };
}

/** null when there is no cache; `{ok:false, reason}` when it exists but cannot be used. */
export async function readCacheFile(path: string): Promise<CacheReadResult> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { ok: false, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    const { header, body } = parseHeader(buf);
    return { ok: true, cache: await decodeBody(body, header) };
  } catch (error) {
    if (error instanceof CacheInvalid) return { ok: false, reason: error.message };
    throw error;
  }
}

export async function writeCacheFile(path: string, meta: CacheMeta, products: readonly ProductRow[]): Promise<void> {
  await writeFileAtomic(path, await encodeCache(meta, products));
}

export async function removeCacheFile(path: string): Promise<void> {
  await rm(path, { force: true });
}
