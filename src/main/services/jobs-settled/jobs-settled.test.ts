import { afterEach, describe, expect, it } from 'vitest';
import type { RowsChanged } from '../../../shared/contract';
import { addMoney } from '../../../shared/money';
import { createCatalogService, type CatalogService } from '../catalog';
import { createCustomersService } from '../customers';
import { listRows, money } from '../jobs/test-support/demo';
import { startJobsEnv, type JobsEnv } from '../jobs/test-support/jobs-env';
import { createOrdersService, type OrdersService } from '../orders';
import { createStagingService, type StagingService } from '../staging';
import { createJobsSettledService, type JobsSettledService } from './jobs-settled';

/** The product rows of a change (a change of another entity fails the test). */
function productRows(change: RowsChanged | undefined) {
  if (change?.entity !== 'product') return expect.fail(`expected a product change, got ${change?.entity}`);
  return change.rows;
}

let env: JobsEnv;
let catalog: CatalogService;
let staging: StagingService | undefined;
let orders: OrdersService | undefined;
afterEach(async () => {
  await orders?.close();
  orders = undefined;
  await env.jobs.close();
  await staging?.close();
  await catalog.close();
  await env.close();
  staging = undefined;
});

/** The jobs, catalog and staging services of one data dir on a demo store, wired as compose.ts wires them. */
async function setup(loadCatalog = true, loadOrders = false): Promise<{ changes: RowsChanged[]; settled: JobsSettledService }> {
  const changes: RowsChanged[] = [];
  const late: { settled?: JobsSettledService } = {};
  env = await startJobsEnv({}, {}, { onEvent: (e) => late.settled?.onJob(e.job) });
  catalog = createCatalogService({ dataDir: env.dataDir, bigcommerce: env.bigcommerce });
  if (loadCatalog) await catalog.load('store-1', env.storeHash);
  if (loadOrders) {
    orders = createOrdersService({ dataDir: env.dataDir, bigcommerce: env.bigcommerce, catalog });
    await orders.load('store-1', env.storeHash);
  }
  const settled = createJobsSettledService({ jobs: env.jobs, catalog, orders, onRowsChanged: (c) => changes.push(c), log: (line) => expect.fail(line) });
  late.settled = settled;
  return { changes, settled };
}


async function priceEdits(n: number) {
  const products = await listRows(env, '/v3/catalog/products', n, '&include_fields=price');
  return products.map((p) => ({ entity: 'product' as const, id: p.id, field: 'price', from: money(p.price), to: addMoney(money(p.price)!, '2.50') }));
}

describe('jobs at rest: catalog patch and data.rowsChanged', () => {
  it('patches the catalog cache with what a job applied and emits the new full rows; undo emits the old ones, in order', async () => {
    const { changes, settled } = await setup();
    const edits = await priceEdits(3);
    edits[2]!.from = '0.01'; // stale: a conflict, not applied, not reported
    const job = await env.run(edits, 'Prices');
    await settled.idle();
    const ids = edits.slice(0, 2).map((e) => e.id);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ storeId: 'store-1', entity: 'product', cause: { kind: 'job', jobId: job.id } });
    expect(productRows(changes[0]).map((r) => [r.id, Number(r.price)])).toEqual(ids.map((id, i) => [id, Number(edits[i]!.to)]));
    // Full rows, the same as the cache now holds.
    expect(changes[0]!.rows).toEqual(await catalog.get('store-1', ids));

    const undo = await env.jobs.undo(job.id);
    await env.jobs.waitFor(undo.id);
    await settled.idle();
    expect(changes).toHaveLength(2);
    expect(changes[1]!.cause).toEqual({ kind: 'job', jobId: undo.id });
    expect(productRows(changes[1]).map((r) => [r.id, Number(r.price)])).toEqual(ids.map((id, i) => [id, Number(edits[i]!.from)]));
  });

  it('a variant edit is reported as its product row', async () => {
    const { changes, settled } = await setup();
    const [product] = (await catalog.snapshot('store-1'))!.products.filter((p) => p.variants.length > 1);
    const variant = product!.variants[1]!;
    await env.run([{ entity: 'variant', id: variant.id, productId: product!.id, field: 'inventory_level', from: variant.inventory_level, to: 41 }]);
    await settled.idle();
    expect(changes.map((c) => c.rows.map((r) => r.id))).toEqual([[product!.id]]);
    expect(productRows(changes[0])[0]!.variants.find((v) => v.id === variant.id)?.inventory_level).toBe(41);
  });

  it('emits nothing when the store has no catalog cache yet', async () => {
    const { changes, settled } = await setup(false);
    await env.run(await priceEdits(1));
    await settled.idle();
    expect(changes).toEqual([]);
    expect(await catalog.snapshot('store-1')).toBeNull();
  });

  it('staging hears the job: what it applied leaves staging', async () => {
    const { settled } = await setup();
    staging = createStagingService({ dataDir: env.dataDir, jobs: env.jobs });
    settled.attachStaging(staging);
    await staging.stage({ storeId: 'store-1', edits: await priceEdits(2) });
    const job = await staging.apply({ storeId: 'store-1', storeHash: env.storeHash, title: 'Staged' });
    await env.jobs.waitFor(job.id);
    await settled.idle();
    await expect.poll(async () => (await staging!.list('store-1')).edits.length).toBe(0);
  });

  it('a batch status change patches the orders cache and emits order rows with the status name; undo restores each order', async () => {
    const { changes, settled } = await setup(false, true);
    const [a, b] = (await orders!.list('store-1')).rows.filter((r) => r.status_id === 11);
    const edits = [a!, b!].map((o) => ({ entity: 'order' as const, id: o.id, field: 'status_id', from: o.status_id, to: 9 }));
    const job = await env.run(edits, 'Status');
    await settled.idle();
    expect(changes).toEqual([{ storeId: 'store-1', entity: 'order', rows: [a, b].map((o) => ({ ...o, status_id: 9, status: 'Awaiting Shipment' })), cause: { kind: 'job', jobId: job.id } }]);
    const undo = await env.jobs.undo(job.id);
    await env.jobs.waitFor(undo.id);
    await settled.idle();
    expect(changes[1]).toMatchObject({ entity: 'order', rows: [a, b] });
    expect((await orders!.list('store-1')).rows.filter((r) => r.id === a!.id || r.id === b!.id)).toEqual([a, b]);
  });
});

describe('jobs at rest: customers patch', () => {
  it('a job that moved customers to a group patches the customers cache and emits their rows', async () => {
    const changes: RowsChanged[] = [];
    const late: { settled?: JobsSettledService } = {};
    env = await startJobsEnv({}, {}, { onEvent: (e) => late.settled?.onJob(e.job) });
    catalog = createCatalogService({ dataDir: env.dataDir, bigcommerce: env.bigcommerce });
    const customers = createCustomersService({ dataDir: env.dataDir, bigcommerce: env.bigcommerce });
    await customers.sync('store-1', env.storeHash, 'refresh');
    const settled = createJobsSettledService({ jobs: env.jobs, catalog, customers, onRowsChanged: (c) => changes.push(c), log: (line) => expect.fail(line) });
    late.settled = settled;
    const rows = (await customers.rows('store-1')).filter((r) => r.customer_group_id !== 3).slice(0, 3);
    const job = await env.run(rows.map((r) => ({ entity: 'customer' as const, id: r.id, field: 'customer_group_id', from: r.customer_group_id, to: 3 })));
    await settled.idle();
    expect(changes).toEqual([{ storeId: 'store-1', entity: 'customer', rows: rows.map((r) => ({ ...r, customer_group_id: 3 })), cause: { kind: 'job', jobId: job.id } }]);
    expect((await customers.get('store-1', rows.map((r) => r.id))).map((r) => r.customer_group_id)).toEqual([3, 3, 3]);
    await customers.close();
  });
});
