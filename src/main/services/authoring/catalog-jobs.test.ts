import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCatalogService, type CatalogService } from '../catalog';
import { createJobsService, type JobsService } from '../jobs';
import { startDemoEnv, type DemoEnv } from '../jobs/test-support/demo';
import { createAuthoringService, type AuthoringService } from './authoring-service';
import { migrateCatalogJobs } from './migrate-jobs';

let env: DemoEnv;
let catalog: CatalogService;
let jobs: JobsService;
let authoring: AuthoringService;
type Raw = Record<string, unknown>;

afterEach(async () => {
  await jobs.close();
  await authoring.close();
  await catalog.close();
  await env.close();
});

async function boot(fresh: boolean, latencyMs = 0): Promise<void> {
  if (fresh) {
    env = await startDemoEnv({ products: 20, orders: 2, customers: 2, latencyMs });
    catalog = createCatalogService({ dataDir: env.dataDir, bigcommerce: env.bigcommerce });
    await catalog.load('store-1', env.storeHash);
  }
  jobs = createJobsService({ dataDir: env.dataDir, bigcommerce: env.bigcommerce, onEvent: (e) => authoring.onJob(e.job) });
  authoring = createAuthoringService({ dataDir: env.dataDir, bigcommerce: env.bigcommerce, catalog, jobs, storeHash: () => env.storeHash, log: (line) => expect.fail(line) });
}

const plain = (sku: string) => ({
  op: 'createProduct' as const,
  variants: [],
  product: { name: `Crate ${sku}`, type: 'physical' as const, sku, price: '4.00', weight: '1', categories: [], brand_id: 0, inventory_level: 2, inventory_tracking: 'product' as const, is_visible: true },
});
const bySku = async (sku: string): Promise<Raw[]> => (await env.raw<{ data: Raw[] }>('GET', `/v3/catalog/products?sku=${sku}`)).data.data;

describe('catalog jobs run in the one jobs engine', () => {
  it('are listed by jobs.list with their changes, pause between rows, resume, and undo through jobs.undo', async () => {
    await boot(true, 40);
    await authoring.stage('store-1', ['CJ-1', 'CJ-2', 'CJ-3'].map(plain));
    const started = await authoring.apply('store-1', 'Three crates');
    await jobs.pause(started.id);
    const paused = jobs.get(started.id);
    expect(paused).toMatchObject({ status: 'paused', catalog: true, total: 3, rows: [] });
    expect(paused.pending).toBeGreaterThan(0);
    // A paused job still holds its changes: none is staged again.
    expect((await authoring.list('store-1')).changes).toEqual([]);
    await jobs.resume(started.id);
    const done = await authoring.waitFor(started.id);
    expect(done).toMatchObject({ status: 'completed', done: 3, undoable: true });
    expect(jobs.get(started.id).changes?.map((c) => c.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await bySku('CJ-2')).toHaveLength(1);
    const undo = await jobs.undo(started.id);
    expect(undo).toMatchObject({ kind: 'undo', undoOf: started.id, catalog: true, total: 3 });
    expect(await authoring.waitFor(undo.id)).toMatchObject({ status: 'completed', done: 3 });
    expect(await bySku('CJ-2')).toEqual([]);
    await expect(jobs.undo(started.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await authoring.jobs('store-1')).find((j) => j.id === started.id)?.undoable).toBe(false);
  });

  it('retry runs the failed rows again (each create through the same check), and what it applies leaves staging', async () => {
    await boot(true);
    await authoring.stage('store-1', [plain('CJ-9')]);
    await env.raw('POST', '/v3/catalog/products', { name: 'Taken', type: 'physical', weight: 1, price: 1, sku: 'CJ-9' });
    const first = await authoring.waitFor((await authoring.apply('store-1', 'Clash')).id);
    expect(first).toMatchObject({ status: 'completed_with_errors', failed: 1 });
    expect((await authoring.list('store-1')).changes[0]?.message).toMatch(/not unique/);
    const [taken] = await bySku('CJ-9');
    await env.raw('DELETE', `/v3/catalog/products/${String(taken!.id)}`);
    const retry = await jobs.retry(first.id);
    expect(await authoring.waitFor(retry.id)).toMatchObject({ kind: 'retry', status: 'completed', done: 1 });
    expect(await bySku('CJ-9')).toHaveLength(1);
    expect((await authoring.list('store-1')).changes).toEqual([]);
  });

  it('migrates an old catalog-jobs file cut off mid-send: the SKU is looked up, not posted again, and resume finishes', async () => {
    await boot(true);
    await jobs.close();
    // The old engine had sent row 0's POST (the store has it) when Stockroom stopped; row 1 never went.
    const made = await env.raw<{ data: Raw }>('POST', '/v3/catalog/products', { name: 'Crate OLD-1', type: 'physical', weight: 1, price: 4, sku: 'OLD-1' });
    const rows = ['OLD-1', 'OLD-2'].map((sku, i) => ({ key: `new:product:0000000${i}`, op: 'createProduct', label: `New product “Crate ${sku}” (${sku})`, status: 'pending', work: plain(sku), stagedKey: `new:product:0000000${i}`, ...(i === 0 ? { sending: true } : {}) }));
    const legacy = { version: 1, id: 'cmig1-0a0b0c0d', storeId: 'store-1', storeHash: env.storeHash, title: 'Old job', kind: 'apply', status: 'running', createdAt: new Date().toISOString(), rows };
    await mkdir(join(env.dataDir, 'catalog-jobs'), { recursive: true });
    await writeFile(join(env.dataDir, 'catalog-jobs', `${legacy.id}.json`), JSON.stringify(legacy));
    await migrateCatalogJobs(env.dataDir, (line) => expect.fail(line));
    expect(await readdir(env.dataDir)).not.toContain('catalog-jobs');
    await boot(false);
    await jobs.recover();
    await authoring.recover();
    const detail = jobs.get(legacy.id);
    expect(detail).toMatchObject({ status: 'interrupted', catalog: true, done: 1, pending: 1 });
    expect(detail.changes?.[0]).toMatchObject({ status: 'applied', productId: Number(made.data.data.id) });
    // Interrupted: what it did not apply is staged again (with why), and a resume may still send it.
    expect((await authoring.list('store-1')).changes.map((c) => c.key)).toEqual(['new:product:00000001']);
    await jobs.resume(legacy.id);
    expect(await authoring.waitFor(legacy.id)).toMatchObject({ status: 'completed', done: 2 });
    expect(await bySku('OLD-1')).toHaveLength(1);
    expect(await bySku('OLD-2')).toHaveLength(1);
    // Applied by the resume: it leaves staging.
    expect((await authoring.list('store-1')).changes).toEqual([]);
  });
});
