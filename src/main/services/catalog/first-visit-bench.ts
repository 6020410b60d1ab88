import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fromColumns } from '../../../shared/columns';
import { PRODUCT_COLUMNS_MAX, type ProductColumnsPage, type ProductRowData } from '../../../shared/contract';
import type { RpcResponse } from '../../../shared/rpc';
import { createDispatcher, type Handlers } from '../../rpc/dispatch';
import { createEventBus } from '../../rpc/event-bus';
import { startHttpHost } from '../../web/http-host';
import { createBigCommerceService } from '../bigcommerce';
import { startCatalogDemo } from './bench';
import { CACHE_FILE_NAME } from './cache-file';
import { createCatalogService } from './catalog-service';

/**
 * catalogFirstVisit: time from the first products call to every row decoded in the caller's hands,
 * over the real browser-mode HTTP host (guard, cookie, JSON), with main in its own process.
 *   npx tsx src/main/services/catalog/first-visit-bench.ts [products]
 * The caller is Node standing in for the renderer (same V8 JSON.parse; no Chromium here). Cases:
 * - warm: main started and warmed the active store's catalog (what a start does in the background);
 * - cold: main has just started and the first call must read the cache file and encode;
 * - keyedJson: the previous way, catalog.listProducts in pages of 5,000 keyed objects (warm main).
 * Median of 3 fresh main processes each.
 */
const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const STORE = 'demo-1';
type Mode = 'warm' | 'cold';

/** The main process: catalog service + the contract's two product methods behind the HTTP host. */
async function serve(dataDir: string, mode: Mode): Promise<void> {
  const offline = { clientFor: (): never => { throw new Error('no network in this benchmark'); } };
  const catalog = createCatalogService({ dataDir, bigcommerce: offline });
  const handlers = {
    'catalog.listProductColumns': ({ storeId, offset, limit }) => catalog.columns(storeId, offset, limit),
    'catalog.listProducts': async ({ storeId, offset, limit }) => {
      const all = (await catalog.snapshot(storeId))?.products ?? [];
      return { total: all.length, offset, products: all.slice(offset, offset + limit) as ProductRowData[] };
    },
  } as Partial<Handlers> as Handlers;
  const http = await startHttpHost({ dispatch: createDispatcher(handlers), events: createEventBus(), rendererDir: join(dataDir, 'renderer') });
  if (mode === 'warm') await catalog.warm(STORE, PRODUCT_COLUMNS_MAX);
  process.stdout.write(`${JSON.stringify({ port: http.port, launchUrl: http.launchUrl })}\n`);
}

function raw(port: number, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; cookie?: string; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, cookie: res.headers['set-cookie']?.[0]?.split(';')[0], body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function startMain(dataDir: string, mode: Mode) {
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--serve', dataDir, mode], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const { port, launchUrl } = await new Promise<{ port: number; launchUrl: string }>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line) as { port: number; launchUrl: string }));
    child.once('exit', (code) => reject(new Error(`main exited (${code})`)));
  });
  const url = new URL(launchUrl);
  const cookie = (await raw(port, 'GET', url.pathname + url.search, {})).cookie!;
  let id = 0;
  const call = async <T>(method: string, params: unknown): Promise<T> => {
    const res = await raw(port, 'POST', '/rpc', { 'content-type': 'application/json', cookie }, JSON.stringify({ id: ++id, method, params }));
    const parsed = JSON.parse(res.body) as RpcResponse;
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value as T;
  };
  return { call, stop: () => child.kill('SIGTERM') };
}

/** What useProducts does. */
async function viaColumns(call: <T>(m: string, p: unknown) => Promise<T>): Promise<number> {
  const page = (offset: number) => call<ProductColumnsPage>('catalog.listProductColumns', { storeId: STORE, offset, limit: PRODUCT_COLUMNS_MAX });
  const first = await page(0);
  const rest: Array<Promise<ProductColumnsPage>> = [];
  for (let offset = first.count; first.count > 0 && offset < first.total; offset += PRODUCT_COLUMNS_MAX) rest.push(page(offset));
  const rows = fromColumns<ProductRowData>(first.columns, { lazyLists: true });
  for (const next of rest) for (const row of fromColumns<ProductRowData>((await next).columns, { lazyLists: true })) rows.push(row);
  return rows.length;
}

/** What useProducts did before. */
async function viaKeyedJson(call: <T>(m: string, p: unknown) => Promise<T>): Promise<number> {
  const rows: ProductRowData[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await call<{ total: number; products: ProductRowData[] }>('catalog.listProducts', { storeId: STORE, offset, limit: 5000 });
    rows.push(...page.products);
    if (page.products.length < 5000 || rows.length >= page.total) return rows.length;
  }
}

async function timeOnce(dataDir: string, mode: Mode, how: typeof viaColumns, want: number): Promise<number> {
  const main = await startMain(dataDir, mode);
  try {
    const t0 = performance.now();
    const got = await how(main.call);
    const ms = Math.round(performance.now() - t0);
    if (got !== want) throw new Error(`got ${got} rows, expected ${want}`);
    return ms;
  } finally {
    main.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function buildCache(dataDir: string, products: number): Promise<number> {
  const demo = await startCatalogDemo(products);
  const bigcommerce = createBigCommerceService({ target: () => ({ storeHash: demo.storeHash, apiOrigin: demo.url }), getToken: async () => demo.token });
  try {
    const catalog = createCatalogService({ dataDir, bigcommerce });
    await catalog.load(STORE, demo.storeHash);
    await catalog.close();
    return products;
  } finally {
    bigcommerce.close();
    demo.child.kill('SIGTERM');
  }
}

export async function runFirstVisitBench(products: number, cacheFile?: string) {
  const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-first-visit-'));
  try {
    if (cacheFile) {
      await mkdir(join(dataDir, 'cache', STORE), { recursive: true });
      await copyFile(cacheFile, join(dataDir, 'cache', STORE, CACHE_FILE_NAME));
    } else await buildCache(dataDir, products);
    const runs = { warm: [] as number[], cold: [] as number[], keyedJson: [] as number[] };
    for (let i = 0; i < 3; i++) {
      runs.warm.push(await timeOnce(dataDir, 'warm', viaColumns, products));
      runs.cold.push(await timeOnce(dataDir, 'cold', viaColumns, products));
      runs.keyedJson.push(await timeOnce(dataDir, 'warm', viaKeyedJson, products));
    }
    return { products, firstVisitMs: median(runs.warm), coldStartFirstVisitMs: median(runs.cold), keyedJsonFirstVisitMs: median(runs.keyedJson), runs };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const run = args[0] === '--serve'
    ? serve(args[1]!, args[2] as Mode)
    : runFirstVisitBench(Number(args[0] ?? 100_000), args[1]).then((r) => console.log(JSON.stringify(r)));
  run.catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
