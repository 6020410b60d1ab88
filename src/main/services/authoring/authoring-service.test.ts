import { afterEach, describe, expect, it } from 'vitest';
import type { NewProduct, RowsChanged } from '../../../shared/contract';
import { AppError } from '../../../shared/rpc';
import { createCatalogService, type CatalogService } from '../catalog';
import { createJobsService, type JobsService } from '../jobs';
import { startDemoEnv, type DemoEnv } from '../jobs/test-support/demo';
import { createAuthoringService, type AuthoringService } from './authoring-service';

let env: DemoEnv;
let catalog: CatalogService;
let authoring: AuthoringService;
let jobs: JobsService;
let changes: RowsChanged[];

afterEach(async () => {
  await jobs.close();
  await authoring.close();
  await catalog.close();
  await env.close();
});

async function setup(): Promise<void> {
  env = await startDemoEnv({ products: 40, orders: 5, customers: 5 });
  catalog = createCatalogService({ dataDir: env.dataDir, bigcommerce: env.bigcommerce });
  await catalog.load('store-1', env.storeHash);
  changes = [];
  jobs = createJobsService({ dataDir: env.dataDir, bigcommerce: env.bigcommerce, onEvent: (e) => authoring.onJob(e.job) });
  authoring = createAuthoringService({
    dataDir: env.dataDir,
    bigcommerce: env.bigcommerce,
    catalog,
    jobs,
    storeHash: () => env.storeHash,
    onRowsChanged: (c) => changes.push(c),
    log: (line) => expect.fail(line),
  });
}

const mug = (sku: string, variants: NewProduct['variants'] = []) => ({
  op: 'createProduct' as const,
  variants,
  product: {
    name: `Test mug ${sku}`,
    type: 'physical' as const,
    sku,
    price: '12.50',
    weight: '0.4',
    categories: [] as number[],
    brand_id: 0,
    inventory_level: 7,
    inventory_tracking: variants.length ? ('variant' as const) : ('product' as const),
    is_visible: true,
  },
});
const size = (label: string, sku: string) => ({ option_values: [{ option_display_name: 'Size', label }], sku, price: '13.00', inventory_level: 3, bin_picking_number: `B-${label}` });

type Raw = Record<string, unknown>;
const bySku = async (sku: string): Promise<Raw[]> => (await env.raw<{ data: Raw[] }>('GET', `/v3/catalog/products?sku=${sku}&include=variants,images,custom_fields`)).data.data;

describe('authoring: staged creates and deletes applied as one job', () => {
  it('creates a product with two variants, patches the catalog, and undo deletes it', async () => {
    await setup();
    await authoring.stage('store-1', [mug('AU-1', [size('S', 'AU-1-S'), size('M', 'AU-1-M')])]);
    const job = await authoring.apply('store-1', 'New mug');
    const done = await authoring.waitFor(job.id);
    expect(done).toMatchObject({ status: 'completed', done: 1, failed: 0, undoable: true });
    const [created] = await bySku('AU-1');
    expect((created!.variants as Raw[]).map((v) => v.sku).sort()).toEqual(['AU-1-M', 'AU-1-S']);
    expect((await authoring.list('store-1')).changes).toEqual([]);
    expect((await catalog.get('store-1', [Number(created!.id)]))[0]?.variants).toHaveLength(2);
    expect(changes.at(-1)).toMatchObject({ entity: 'product', cause: { kind: 'job', jobId: job.id } });

    const undo = await authoring.undo(job.id);
    expect(await authoring.waitFor(undo.id)).toMatchObject({ status: 'completed', done: 1 });
    expect(await bySku('AU-1')).toEqual([]);
    expect(changes.at(-1)?.removedIds).toEqual([Number(created!.id)]);
    await expect(authoring.undo(job.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('deletes a product and undo recreates it with its variants, images and custom fields (new ids)', async () => {
    await setup();
    const [victim] = (await catalog.snapshot('store-1'))!.products.filter((p) => p.variants.length > 1);
    // The store downloads image_url: one of its own pictures (loopback), not a host this machine may not reach.
    const [donor] = (await bySku(victim!.sku))[0]!.images as Array<{ url_zoom: string }>;
    await env.raw('POST', `/v3/catalog/products/${victim!.id}/images`, { image_url: donor?.url_zoom ?? `${env.demo.url}/cdn/none.png`, description: 'Front' });
    await env.raw('POST', `/v3/catalog/products/${victim!.id}/custom-fields`, { name: 'Material', value: 'Stoneware' });
    const fieldsBefore = (await bySku(victim!.sku))[0]!.custom_fields as Raw[];
    await authoring.stage('store-1', [{ op: 'deleteProduct', productId: victim!.id }]);
    const job = await authoring.waitFor((await authoring.apply('store-1', 'Delete one')).id);
    expect(job).toMatchObject({ status: 'completed', done: 1 });
    expect(await bySku(victim!.sku)).toEqual([]);
    expect(await catalog.get('store-1', [victim!.id])).toEqual([]);

    const undo = await authoring.waitFor((await authoring.undo(job.id)).id);
    expect(undo).toMatchObject({ status: 'completed', done: 1 });
    expect(undo.notRestored.length).toBeGreaterThan(0);
    const [back] = await bySku(victim!.sku);
    expect(back!.id).not.toBe(victim!.id);
    expect(back!.name).toBe(victim!.name);
    expect((back!.variants as Raw[]).map((v) => v.sku).sort()).toEqual(victim!.variants.map((v) => v.sku).sort());
    expect((back!.images as Raw[]).map((i) => i.description)).toContain('Front');
    const pairs = (fields: Raw[]) => fields.map((f) => `${String(f.name)}=${String(f.value)}`).sort();
    expect(pairs(back!.custom_fields as Raw[])).toEqual(pairs(fieldsBefore));
    expect(pairs(fieldsBefore)).toContain('Material=Stoneware');
  });

  it('refuses a SKU the catalog has before anything is sent, and a 409 from the store lands on the row', async () => {
    await setup();
    const [taken] = (await catalog.snapshot('store-1'))!.products;
    const refused = await authoring.stage('store-1', [mug(taken!.sku)]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toContain('already used by');
    await expect(authoring.stage('store-1', [{ ...mug('AU-3'), product: { ...mug('AU-3').product, price: '1.999' } }])).rejects.toThrow(/decimal places/);

    await authoring.stage('store-1', [mug('AU-2')]);
    // Someone else takes the SKU on the store after it was staged.
    await env.raw('POST', '/v3/catalog/products', { name: 'Other', type: 'physical', weight: 1, price: 1, sku: 'AU-2' });
    const job = await authoring.waitFor((await authoring.apply('store-1', 'Clash')).id);
    expect(job).toMatchObject({ status: 'completed_with_errors', failed: 1 });
    expect(job.rows[0]).toMatchObject({ status: 'failed', field: 'sku' });
    expect(job.rows[0]!.message).toMatch(/not unique/);
    const { changes: back } = await authoring.list('store-1');
    expect(back).toHaveLength(1);
    expect(back[0]!.message).toMatch(/not unique/);
  });

  it('adds variants with a new option to an existing product; undo deletes them', async () => {
    await setup();
    await authoring.stage('store-1', [mug('AU-5')]);
    const made = await authoring.waitFor((await authoring.apply('store-1', 'Plain')).id);
    const productId = made.rows[0]!.productId!;
    await authoring.stage('store-1', [{ op: 'createVariants', productId, variants: [size('S', 'AU-5-S'), size('L', 'AU-5-L')] }]);
    const job = await authoring.waitFor((await authoring.apply('store-1', 'Sizes')).id);
    expect(job).toMatchObject({ status: 'completed', done: 2 });
    const skus = async () => (await env.raw<{ data: Raw[] }>('GET', `/v3/catalog/products/${productId}/variants`)).data.data.map((v) => v.sku);
    expect(await skus()).toEqual(expect.arrayContaining(['AU-5-S', 'AU-5-L']));
    expect((await catalog.get('store-1', [productId]))[0]!.variants.map((v) => v.sku)).toEqual(expect.arrayContaining(['AU-5-S', 'AU-5-L']));
    await authoring.waitFor((await authoring.undo(job.id)).id);
    expect(await skus()).not.toContain('AU-5-S');
  });

  it('deletes one variant and undo brings it back', async () => {
    await setup();
    const [plain] = (await catalog.snapshot('store-1'))!.products.filter((p) => p.variants.length > 1);
    const victim = plain!.variants[0]!;
    await authoring.stage('store-1', [{ op: 'deleteVariant', productId: plain!.id, variantId: victim.id }]);
    const job = await authoring.waitFor((await authoring.apply('store-1', 'Variant out')).id);
    expect(job).toMatchObject({ status: 'completed', done: 1 });
    const undo = await authoring.waitFor((await authoring.undo(job.id)).id);
    expect(undo).toMatchObject({ status: 'completed', done: 1 });
    const variants = (await env.raw<{ data: Raw[] }>('GET', `/v3/catalog/products/${plain!.id}/variants`)).data.data;
    expect(variants.map((v) => v.sku)).toContain(victim.sku);
  });
});
