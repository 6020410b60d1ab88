import { afterEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/rpc';
import { addMoney } from '../../../shared/money';
import type { JobEdit } from './edit-schema';
import { listRows, money, readOrders, readRows } from './test-support/demo';
import { appliedCounts, openIntents, startJobsEnv, type JobsEnv } from './test-support/jobs-env';

// Real HTTP against the demo store; a roomy quota so these tests are about behaviour, not pacing.
const FAST = { rateQuota: 10_000, rateWindowMs: 1000 };

let env: JobsEnv;
afterEach(async () => {
  await env?.close();
});

describe('jobs: happy paths', () => {
  it('applies product edits, merging several fields of a row into one batch item', async () => {
    env = await startJobsEnv(FAST);
    const products = await listRows(env, '/v3/catalog/products', 30, '&include_fields=price,sale_price,is_visible');
    const edits: JobEdit[] = products.flatMap((p) => [
      { entity: 'product', id: p.id, field: 'price', from: money(p.price), to: addMoney(money(p.price)!, '1.05') },
      { entity: 'product', id: p.id, field: 'sale_price', from: money(p.sale_price), to: '5.5' },
      { entity: 'product', id: p.id, field: 'is_visible', from: p.is_visible as boolean, to: !p.is_visible },
    ]);
    const job = await env.run(edits);
    expect(job).toMatchObject({ status: 'completed', total: 90, done: 90, failed: 0, conflicts: 0, skipped: 0, pending: 0 });
    // One read (30 ids ≤ 250) and three PUTs of 10 merged rows each.
    expect(job.requests).toBe(4);

    const after = await readRows(env, '/v3/catalog/products', products.map((p) => p.id));
    for (const edit of edits) {
      const value = after.get(edit.id)![edit.field];
      expect(typeof value === 'number' ? money(value) : value).toEqual(
        typeof edit.to === 'string' ? money(Number(edit.to)) : edit.to,
      );
    }
    const journal = await env.journal();
    expect(journal.filter((r) => r.type === 'intent')).toHaveLength(3);
    expect(journal.filter((r) => r.type === 'applied')).toHaveLength(3);
    const counts = appliedCounts(journal, job.id);
    expect(counts.size).toBe(90);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const applied = journal.find((r) => r.type === 'applied');
    expect(applied?.type === 'applied' && applied.rows[0]!.before.price).toBe(money(products[0]!.price));

    const last = env.events.at(-1)!;
    expect(last.job).toMatchObject({ id: job.id, status: 'completed', done: 90, total: 90, etaMs: 0 });
    expect(env.jobs.get(job.id).rows.every((r) => r.status === 'applied')).toBe(true);
  });

  it('applies variant edits in batches of 50, including null → price and stock', async () => {
    env = await startJobsEnv(FAST);
    const variants = await listRows(env, '/v3/catalog/variants', 60);
    const edits: JobEdit[] = variants.flatMap((v) => [
      { entity: 'variant', id: v.id, productId: v.product_id as number, field: 'inventory_level', from: v.inventory_level as number, to: (v.inventory_level as number) + 7 },
      { entity: 'variant', id: v.id, field: 'price', from: money(v.price), to: '12.34' },
    ]);
    const job = await env.run(edits);
    expect(job).toMatchObject({ status: 'completed', done: 120, requests: 3 });
    const after = await readRows(env, '/v3/catalog/variants', variants.map((v) => v.id));
    for (const v of variants) {
      expect(after.get(v.id)).toMatchObject({ inventory_level: (v.inventory_level as number) + 7, price: 12.34 });
    }
  });

  it('applies customer edits, 10 per PUT /v3/customers', async () => {
    env = await startJobsEnv(FAST);
    const customers = await listRows(env, '/v3/customers', 25);
    const edits: JobEdit[] = customers.flatMap((c) => [
      { entity: 'customer', id: c.id, field: 'company', from: c.company as string, to: `Acme ${c.id}` },
      { entity: 'customer', id: c.id, field: 'notes', from: c.notes as string, to: 'bulk edited' },
    ]);
    const job = await env.run(edits);
    expect(job).toMatchObject({ status: 'completed', done: 50, requests: 4 });
    const after = await readRows(env, '/v3/customers', customers.map((c) => c.id));
    for (const c of customers) expect(after.get(c.id)).toMatchObject({ company: `Acme ${c.id}`, notes: 'bulk edited' });
  });

  it('applies order edits, one PUT /v2/orders/{id} each after one GET each', async () => {
    env = await startJobsEnv(FAST);
    const { data: orders } = await env.raw<Array<{ id: number; status_id: number; staff_notes: string }>>('GET', '/v2/orders?limit=5');
    const edits: JobEdit[] = orders.flatMap((o) => [
      { entity: 'order', id: o.id, field: 'status_id', from: o.status_id, to: o.status_id === 9 ? 11 : 9 },
      { entity: 'order', id: o.id, field: 'staff_notes', from: o.staff_notes, to: 'checked' },
    ]);
    const job = await env.run(edits);
    expect(job).toMatchObject({ status: 'completed', done: 10, requests: 10 });
    const after = await readOrders(env, orders.map((o) => o.id));
    for (const o of orders) expect(after.get(o.id)).toMatchObject({ status_id: o.status_id === 9 ? 11 : 9, staff_notes: 'checked' });
  });

  it('runs a job that mixes entities and persists it for list/get', async () => {
    env = await startJobsEnv(FAST);
    const [product] = await listRows(env, '/v3/catalog/products', 1, '&include_fields=price');
    const [customer] = await listRows(env, '/v3/customers', 1);
    const job = await env.run([
      { entity: 'product', id: product!.id, field: 'price', from: money(product!.price), to: '99.99' },
      { entity: 'customer', id: customer!.id, field: 'phone', from: customer!.phone as string, to: '555-0100' },
    ]);
    expect(job.status).toBe('completed');
    expect(env.jobs.list('store-1').map((j) => j.id)).toEqual([job.id]);
    expect(env.jobs.list('other-store')).toEqual([]);
    expect(openIntents(await env.journal(), job.id)).toEqual([]);
    const reloaded = env.restart();
    await reloaded.recover();
    expect(reloaded.get(job.id)).toMatchObject({ status: 'completed', done: 2, total: 2 });
    await reloaded.close();
  });
});

describe('jobs: input validation', () => {
  it('refuses unknown fields, wrong types, negative money and duplicate cells before any request', async () => {
    env = await startJobsEnv(FAST);
    const base = { storeId: 's', storeHash: env.storeHash, title: 't' };
    const bad = async (edits: unknown[]) => {
      const error = await env.jobs.start({ ...base, edits: edits as JobEdit[] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION');
      return (error as AppError).message;
    };
    expect(await bad([{ entity: 'product', id: 1, field: 'total_sold', from: 1, to: 2 }])).toMatch(/cannot be edited/);
    expect(await bad([{ entity: 'product', id: 1, field: 'price', from: '1.00', to: 2 }])).toMatch(/decimal string/);
    expect(await bad([{ entity: 'product', id: 1, field: 'price', from: '1.00', to: '-2' }])).toMatch(/negative/);
    expect(await bad([{ entity: 'product', id: 1, field: 'inventory_level', from: 1, to: 1.5 }])).toMatch(/integer/);
    expect(await bad([{ entity: 'order', id: 1, field: 'status_id', from: 1, to: 99 }])).toMatch(/between 0 and 14/);
    const dup = { entity: 'customer', id: 1, field: 'notes', from: '', to: 'x' };
    expect(await bad([dup, dup])).toMatch(/duplicate/);
    expect(await bad([])).toMatch(/edits/);
    expect(env.demo.stats().requests).toBe(0);
  });
});

describe('jobs: a job that cannot be saved', () => {
  it('is refused with a clear error and writes nothing to the store', async () => {
    env = await startJobsEnv(FAST);
    // The jobs folder cannot be created (a file is in the way), so job.json cannot be written.
    await writeFile(join(env.dataDir, 'jobs'), 'not a folder');
    const products = await listRows(env, '/v3/catalog/products', 3, '&include_fields=price');
    const edits: JobEdit[] = products.map((p) => ({ entity: 'product', id: p.id, field: 'price', from: money(p.price), to: '9.99' }));
    const caught = await env.start(edits).catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/^Could not save the job: /) });
    expect(env.jobs.list()).toEqual([]);
    const after = await readRows(env, '/v3/catalog/products', products.map((p) => p.id));
    expect(products.map((p) => money(after.get(p.id)!.price))).toEqual(products.map((p) => money(p.price)));
    expect(await env.journal()).toEqual([]);
  });
});
