import { open, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { readOptionalFile, writeFileAtomic } from '../fs/atomic-file';
import { CacheInvalid, chunkLength, decodeChunk, encodeChunk, type OptionValuePool } from './cache-codec';
import type { ProductRow } from './types';

/**
 * On-disk catalog cache, one file per store: `cache/<storeId>/catalog.bin`.
 *
 *   line 1   header JSON + "\n": format, schema version, store, sync times, counts, body length, CRC-32
 *   body     chunks of up to CHUNK_SIZE products each (binary; encoding: cache-codec.ts)
 *
 * Why this shape (100k products ≈ 490k rows must open "at once"):
 * - A compact positional encoding with a string table per chunk (see cache-codec.ts for figures).
 *   The field order is the schema; change it → bump CACHE_SCHEMA and old files are refetched.
 * - Chunks: encode and decode (CRC included) yield to the event loop between chunks, so the
 *   Electron main process keeps answering IPC while 40 MB are read or written.
 * - The header is checked before the body is parsed; the CRC over the body catches a damaged
 *   file that still happens to parse. The file is replaced atomically (temp + fsync + rename),
 *   so a crash leaves the previous cache, never a torn one.
 */
export const CACHE_SCHEMA = 3;
const FORMAT = 'stockroom-catalog';
export const CACHE_FILE_NAME = 'catalog.bin';
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
  /** The store's currency ("USD"); absent in caches written before it was kept, null when the store did not say. */
  currency: z.string().max(8).nullable().optional(),
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

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Build the file chunk by chunk (yielding between chunks). */
export async function encodeCache(meta: CacheMeta, products: readonly ProductRow[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let crc = 0;
  let bytes = 0;
  let variants = 0;
  for (let start = 0; start < products.length; start += CHUNK_SIZE) {
    const slice = products.slice(start, start + CHUNK_SIZE);
    for (const p of slice) variants += p.variants.length;
    const chunk = encodeChunk(slice);
    crc = crc32(chunk, crc);
    bytes += chunk.length;
    chunks.push(chunk);
    if (start + CHUNK_SIZE < products.length) await yieldToLoop();
  }
  const header: CacheHeader = {
    format: FORMAT, schema: CACHE_SCHEMA, ...meta, products: products.length, variants, bodyBytes: bytes, crc32: crc,
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...chunks]);
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
  return { header: parsed.data, body };
}

/** Chunk boundaries, with the CRC checked first: a damaged file is reported as such, not as a decode error. */
async function verifiedChunks(body: Buffer, header: CacheHeader): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  let crc = 0;
  for (let offset = 0; offset < body.length; ) {
    const length = chunkLength(body, offset);
    const chunk = body.subarray(offset, offset + length);
    crc = crc32(chunk, crc);
    chunks.push(chunk);
    offset += length;
    if (chunks.length % 20 === 0) await yieldToLoop();
  }
  if (crc !== header.crc32) throw new CacheInvalid('checksum mismatch');
  return chunks;
}

async function decodeBody(body: Buffer, header: CacheHeader): Promise<CacheContents> {
  const products: ProductRow[] = [];
  const pool: OptionValuePool = new Map();
  for (const chunk of await verifiedChunks(body, header)) {
    decodeChunk(chunk, products, pool);
    await yieldToLoop();
  }
  const variantCount = products.reduce((n, p) => n + p.variants.length, 0);
  if (products.length !== header.products || variantCount !== header.variants) throw new CacheInvalid('row counts differ');
  const { format: _f, schema: _s, products: _p, variants: _v, bodyBytes: _b, crc32: _c, ...meta } = header;
  return { meta, products, variantCount };
}

/**
 * The header alone (what the file holds, its body's length and CRC), without reading the body;
 * null when there is no usable header. The body is not checked: readCacheFile does that.
 */
export async function readCacheHeader(path: string): Promise<CacheHeader | null> {
  const file = await open(path).catch(() => null);
  if (!file) return null;
  try {
    const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(64 * 1024), position: 0 });
    const nl = buffer.subarray(0, bytesRead).indexOf(0x0a);
    if (nl < 0) return null;
    const parsed = Header.safeParse(JSON.parse(buffer.subarray(0, nl).toString('utf8')));
    return parsed.success && parsed.data.schema === CACHE_SCHEMA ? parsed.data : null;
  } catch {
    return null;
  } finally {
    await file.close();
  }
}

/** null when there is no cache; `{ok:false, reason}` when it exists but cannot be used. */
export async function readCacheFile(path: string): Promise<CacheReadResult> {
  const file = await readOptionalFile(path);
  if (!file?.ok) return file;
  try {
    const { header, body } = parseHeader(file.data);
    return { ok: true, cache: await decodeBody(body, header) };
  } catch (error) {
    if (error instanceof CacheInvalid) return { ok: false, reason: error.message };
    throw error;
  }
}

export async function writeCacheFile(path: string, meta: CacheMeta, products: readonly ProductRow[]): Promise<void> {
  const data = await encodeCache(meta, products);
  await removeStaleTempFiles(path);
  await writeFileAtomic(path, data);
}

/**
 * A crash mid-write leaves writeFileAtomic's temp file (`catalog.bin.<random>.tmp`, tens of MB)
 * behind; the cache itself is intact. Writes for one store are serialised, so any such file
 * found before a write is a leftover.
 */
async function removeStaleTempFiles(path: string): Promise<void> {
  const name = basename(path);
  const entries = await readdir(dirname(path)).catch(() => [] as string[]);
  const stale = entries.filter((e) => e.startsWith(`${name}.`) && e.endsWith('.tmp'));
  await Promise.all(stale.map((e) => rm(join(dirname(path), e), { force: true })));
}

export async function removeCacheFile(path: string): Promise<void> {
  await rm(path, { force: true });
}
