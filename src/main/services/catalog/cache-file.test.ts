import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCacheFile, writeCacheFile, type CacheMeta } from './cache-file';
import type { ProductRow } from './types';

const meta: CacheMeta = { storeId: 's1', storeHash: 'abc123', syncedAt: '2026-11-26T05:00:00.000Z', deltaFrom: 1_790_000_000_000, decimalPlaces: 2 };

function product(id: number, over: Partial<ProductRow> = {}): ProductRow {
  return {
    id, name: `Product ${id} — “quoted” ☕`, sku: `SKU-${id}`, price: '19.99', sale_price: '0.00', cost_price: '7.10', retail_price: '0.00',
    inventory_level: id, inventory_tracking: 'variant', bin_picking_number: '', is_visible: id % 2 === 0, brand_id: 3, categories: [1, id],
    weight: 0.35, date_modified: '2026-01-09T02:24:35+00:00', type: 'physical', inventory_warning_level: 2,
    thumbnail_url: id % 3 === 0 ? '' : `https://cdn11.bigcommerce.com/s-abc123/images/stencil/44x58/products/${id}/${id * 7}/p-${id}__1.44.58.jpg?c=1`,
    variants: [
      { id: id * 10, product_id: id, sku: `SKU-${id}-R`, price: null, sale_price: null, cost_price: '1.00', inventory_level: null, bin_picking_number: null,
        option_values: [{ label: 'Red', option_display_name: 'Color' }, { label: 'XL', option_display_name: 'Size' }] },
      { id: id * 10 + 1, product_id: id, sku: `SKU-${id}-B`, price: '21.50', sale_price: '20.00', cost_price: null, inventory_level: 0, bin_picking_number: 'B-2',
        option_values: [] },
    ],
    ...over,
  };
}

describe('catalog cache file', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stockroom-cache-'));
    path = join(dir, 'cache', 's1', 'catalog.bin');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips rows exactly, across chunks', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => product(i + 1));
    rows[7] = product(8, { variants: [], categories: [], weight: 12, name: '' });
    await writeCacheFile(path, meta, rows);
    const read = await readCacheFile(path);
    expect(read).toEqual({ ok: true, cache: { meta, products: rows, variantCount: 4998 } });
  });

  it('round-trips an empty catalog', async () => {
    await writeCacheFile(path, meta, []);
    expect(await readCacheFile(path)).toEqual({ ok: true, cache: { meta, products: [], variantCount: 0 } });
  });

  it('returns null when there is no cache', async () => {
    expect(await readCacheFile(path)).toBeNull();
  });

  /** Edit the JSON header line of a cache file, keeping the binary body byte for byte. */
  const header = (fn: (h: string) => string) => (buf: Buffer) => {
    const nl = buf.indexOf(0x0a);
    return Buffer.concat([Buffer.from(fn(buf.subarray(0, nl).toString())), buf.subarray(nl)]);
  };

  it.each([
    ['garbage', () => Buffer.from('not a cache at all'), 'no header line'],
    ['a bad header', header((h) => `{oops${h}`), 'header is not JSON'],
    ['another schema', header((h) => h.replace('"schema":3', '"schema":4')), 'schema 4, expected 3'],
    ['a missing header field', header((h) => h.replace('"storeHash":"abc123",', '')), 'header fields invalid'],
    ['a truncated body', (b: Buffer) => b.subarray(0, b.length - 10), 'truncated or padded body'],
    ['a flipped byte in the strings', (b: Buffer) => Buffer.from(b.toString('latin1').replace('SKU-3-R', 'SKU-3-X'), 'latin1'), 'checksum mismatch'],
    ['a flipped byte in the numbers', (b: Buffer) => Buffer.concat([b.subarray(0, -4), Buffer.from([1, 0, 0, 0])]), 'checksum mismatch'],
    ['a bad chunk length', (b: Buffer) => { const c = Buffer.from(b); c.writeUInt32LE(0xffffff, b.indexOf(0x0a) + 1); return c; }, 'truncated chunk'],
  ])('rejects %s without throwing', async (_what, damage, reason) => {
    await writeCacheFile(path, meta, [product(1), product(2), product(3)]);
    await writeFile(path, damage(await readFile(path)));
    expect(await readCacheFile(path)).toEqual({ ok: false, reason });
  });

  it('keeps the previous cache when the writing process is killed mid-write', { timeout: 60_000 }, async () => {
    const old = [product(1, { name: 'OLD' })];
    await writeCacheFile(path, meta, old);
    const script = join(dir, 'writer.mts');
    const cacheFileUrl = new URL('./cache-file.ts', import.meta.url).href;
    await writeFile(script, crashWriterSource(cacheFileUrl, path));
    for (const killAfterMs of [0, 60, 150, 300, 500, 800]) {
      await runAndKill(script, killAfterMs);
      const read = await readCacheFile(path);
      expect(read?.ok, `killed after ${killAfterMs} ms`).toBe(true);
      const products = read?.ok ? read.cache.products : [];
      expect([1, 30_000]).toContain(products.length); // the old file or a complete new one, never a mix
    }
    await writeCacheFile(path, meta, old); // the next write sweeps temp files a crash left behind
    expect((await readdir(join(dir, 'cache', 's1'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

/** A child process that rewrites a 30k-product cache in a loop, printing "writing" before each write. */
function crashWriterSource(cacheFileUrl: string, path: string): string {
  return `
import { writeCacheFile } from ${JSON.stringify(cacheFileUrl)};
const rows = Array.from({ length: 30000 }, (_, i) => ({ id: i + 1, name: 'NEW ' + i, sku: 'N' + i, price: '1.00', sale_price: '0.00',
  cost_price: '0.00', retail_price: '0.00', inventory_level: 1, inventory_tracking: 'product', bin_picking_number: '', is_visible: true,
  brand_id: 0, categories: [], weight: 1, date_modified: 'x', type: 'physical', inventory_warning_level: 0, variants: [{ id: i + 1, product_id: i + 1, sku: 'N' + i, price: null,
  sale_price: null, cost_price: null, inventory_level: 1, bin_picking_number: '', option_values: [] }] }));
const meta = ${JSON.stringify(meta)};
for (;;) { process.stdout.write('writing\\n'); await writeCacheFile(${JSON.stringify(path)}, meta, rows); }
`;
}

function runAndKill(script: string, killAfterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const cwd = fileURLToPath(new URL('../../../../', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let armed = false;
    child.stdout.on('data', () => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited without being killed (${signal})`))));
  });
}
