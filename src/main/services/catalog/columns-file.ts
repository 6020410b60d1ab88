import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import { COLUMNS_CODEC } from '../../../shared/columns';
import { writeFileAtomic } from '../fs/atomic-file';
import { readCacheHeader, type CacheHeader } from './cache-file';

/**
 * The catalog's column pages as the hosts send them (serialized JSON), kept on disk beside the
 * catalog cache (`columns.bin`): right after a start, the first visit to Products gets them from
 * this file instead of waiting for main to read the 42 MB cache and encode 100,000 products.
 *
 *   line 1   {"codec", "cacheCrc32", "cacheBytes", "pageSize", "pages": [byte length of each page]}
 *   then     each page's JSON bytes, one after another
 *
 * The file names the catalog cache it was made from (its body's CRC-32 and length): once the
 * cache is written again (a sync, an applied job) it no longer matches and is ignored, until the
 * next start's warm-up writes it afresh. Pages of another codec version (an older app wrote them)
 * are ignored the same way.
 */
export const COLUMNS_FILE_NAME = 'columns.bin';

const Header = z.object({
  codec: z.literal(COLUMNS_CODEC),
  cacheCrc32: z.number().int(),
  cacheBytes: z.number().int().min(0),
  pageSize: z.number().int().min(1),
  pages: z.array(z.number().int().min(0)),
});

const matches = (header: z.infer<typeof Header>, cache: CacheHeader, pageSize: number) =>
  header.cacheCrc32 === cache.crc32 && header.cacheBytes === cache.bodyBytes && header.pageSize === pageSize;

/** The pages made from this cache with this page size, or null (none, another cache, damaged). */
export async function readColumnsFile(path: string, cache: CacheHeader, pageSize: number): Promise<Uint8Array[] | null> {
  const buf = await readFile(path).catch(() => null);
  if (!buf) return null;
  const nl = buf.indexOf(0x0a);
  let header: z.infer<typeof Header>;
  try {
    header = Header.parse(JSON.parse(buf.subarray(0, nl).toString('utf8')));
  } catch {
    return null;
  }
  const total = header.pages.reduce((a, b) => a + b, 0);
  if (nl < 0 || !matches(header, cache, pageSize) || buf.length !== nl + 1 + total) return null;
  const pages: Uint8Array[] = [];
  for (let at = nl + 1, i = 0; i < header.pages.length; at += header.pages[i]!, i++) pages.push(buf.subarray(at, at + header.pages[i]!));
  return pages;
}

export async function writeColumnsFile(path: string, cache: CacheHeader, pageSize: number, pages: readonly Uint8Array[]): Promise<void> {
  const header = { codec: COLUMNS_CODEC, cacheCrc32: cache.crc32, cacheBytes: cache.bodyBytes, pageSize, pages: pages.map((p) => p.length) };
  await writeFileAtomic(path, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...pages]));
}

export async function removeColumnsFile(path: string): Promise<void> {
  await rm(path, { force: true });
}

export interface DiskPages {
  /** A page's bytes from the file, or null (no file, another page size, or the catalog changed). */
  page(offset: number, limit: number): Promise<Uint8Array | null>;
  /** Keep these pages (made from the catalog as read from its cache file) for the next start. */
  save(pageSize: number, pages: readonly Uint8Array[]): Promise<void>;
  /** The catalog changed in memory: the file no longer says what main would send, until a restart. */
  invalidate(): void;
  readonly valid: boolean;
}

export function createDiskPages(cachePath: string, columnsPath: string): DiskPages {
  let valid = true;
  let loaded: Promise<{ pageSize: number; pages: Uint8Array[] } | null> | null = null;
  const load = async (pageSize: number) => {
    const header = await readCacheHeader(cachePath);
    const pages = header && (await readColumnsFile(columnsPath, header, pageSize));
    return pages ? { pageSize, pages } : null;
  };
  return {
    get valid() {
      return valid;
    },
    async page(offset, limit) {
      if (!valid || offset % limit !== 0) return null;
      const mine = (loaded ??= load(limit));
      const got = await mine;
      if (!valid || loaded !== mine || got?.pageSize !== limit) return null;
      return got.pages[offset / limit] ?? null;
    },
    async save(pageSize, pages) {
      const header = valid ? await readCacheHeader(cachePath) : null;
      if (header && valid) await writeColumnsFile(columnsPath, header, pageSize, pages);
    },
    invalidate() {
      valid = false;
      loaded = null;
    },
  };
}
