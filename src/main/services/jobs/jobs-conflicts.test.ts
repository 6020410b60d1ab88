import { afterEach, describe, expect, it } from 'vitest';
import { addMoney } from '../../../shared/money';
import type { JobEdit } from './edit-schema';
import { listRows, money, readRows } from './test-support/demo';
import { appliedCounts, startJobsEnv, type JobsEnv } from './test-support/jobs-env';

const FAST = { rateQuota: 10_000, rateWindowMs: 1000 };

let env: JobsEnv;
afterEach(async () => {
  await env?.close();
});

type Row = Awaited<ReturnType<typeof listRows>>[number];
const priceEdit = (p: Row, to = addMoney(money(p.price)!, '10')): JobEdit => ({
  entity: 'product',
  id: p.id,
  field: 'price',
  from: money(p.price),
  to,
});

describe('jobs: conflicts', () => {
  it('does not write a row changed behind its back and reports the store value', async () => {
    env = await startJobsEnv(FAST);
    const products = await listRows(env, '/v3/catalog/products', 20, '&include_fields=price,sale_price');
    const edits: JobEdit[] = products.map((p) => priceEdit(p));
    const [changed, sibling] = [products[3]!, products[7]!];
    edits.push({ entity: 'product', id: sibling.id, field: 'sale_price', from: money(sibling.sale_price), to: '1.5' });
    // Someone else edits two rows after the grid loaded them: one the same field, one another edited field.
    await env.raw('PUT', '/v3/catalog/products', [
      { id: changed.id, price: 1234.5 },
      { id: sibling.id, sale_price: 2.25 },
    ]);

    const job = await env.run(edits);
    expect(job).toMatchObject({ status: 'completed_with_errors', done: 18, conflicts: 3, failed: 0 });
    const rows = env.jobs.get(job.id).rows;
    expect(rows[3]).toMatchObject({ status: 'conflict', serverValue: '1234.5' });
    expect(rows[7]).toMatchObject({ status: 'conflict', serverValue: money(sibling.price) });
    expect(rows[7]!.message).toMatch(/another field/);
    expect(rows[20]).toMatchObject({ status: 'conflict', serverValue: '2.25' });

    const after = await readRows(env, '/v3/catalog/products', products.map((p) => p.id));
    expect(after.get(changed.id)!.price).toBe(1234.5);
    expect(after.get(sibling.id)).toMatchObject({ price: sibling.price, sale_price: 2.25 });
    for (const [i, p] of products.entries()) {
      if (i !== 3 && i !== 7) expect(money(after.get(p.id)!.price)).toBe(edits[i]!.to);
    }
  });

  it('compares money exactly: "79.990" matches the store 79.99', async () => {
    env = await startJobsEnv(FAST);
    const [p] = await listRows(env, '/v3/catalog/products', 1, '&include_fields=price');
    const padded = `${money(p!.price)!.includes('.') ? money(p!.price) : `${money(p!.price)}.`}000`;
    const job = await env.run([{ entity: 'product', id: p!.id, field: 'price', from: padded, to: '10.00' }]);
    expect(job).toMatchObject({ status: 'completed', done: 1 });
  });
});

describe('jobs: rejected rows are isolated', () => {
  it('applies 9 good products and fails the one the store refuses (422), with its message', async () => {
    env = await startJobsEnv(FAST);
    const all = await listRows(env, '/v3/catalog/products', 250, '&include_fields=inventory_level,inventory_tracking');
    const tracked = all.filter((p) => p.inventory_tracking === 'product').slice(0, 9);
    const byVariant = all.find((p) => p.inventory_tracking === 'variant')!;
    const rows = [...tracked.slice(0, 4), byVariant, ...tracked.slice(4)];
    const edits: JobEdit[] = rows.map((p) => ({
      entity: 'product',
      id: p.id,
      field: 'inventory_level',
      from: p.inventory_level as number,
      to: (p.inventory_level as number) + 3,
    }));
    const job = await env.run(edits);
    expect(job).toMatchObject({ status: 'completed_with_errors', done: 9, failed: 1 });
    const detail = env.jobs.get(job.id);
    expect(detail.rows[4]).toMatchObject({ status: 'failed' });
    expect(detail.rows[4]!.message).toMatch(/tracked by variant/i);
    // read + refused batch + the named row alone + the 9 others together
    expect(job.requests).toBe(4);
    const after = await readRows(env, '/v3/catalog/products', rows.map((p) => p.id));
    for (const p of tracked) expect(after.get(p.id)!.inventory_level).toBe((p.inventory_level as number) + 3);
    expect(after.get(byVariant.id)!.inventory_level).toBe(byVariant.inventory_level);
    const journal = await env.journal();
    expect(journal.filter((r) => r.type === 'settled' && r.outcome === 'rejected')).toHaveLength(2);
  });

  it('isolates a duplicate SKU (409) among products and two bad variants (422 batch_errors)', async () => {
    env = await startJobsEnv(FAST);
    const products = await listRows(env, '/v3/catalog/products', 5, '&include_fields=sku');
    const skuEdits: JobEdit[] = products.slice(0, 4).map((p, i) => ({
      entity: 'product',
      id: p.id,
      field: 'sku',
      from: p.sku as string,
      to: i === 2 ? (products[4]!.sku as string) : `${p.sku as string}-X`,
    }));
    // Variants of other products: a simple product's SKU edit also renames its base variant.
    const variants = (await listRows(env, '/v3/catalog/variants', 250)).filter((v) => (v.product_id as number) > 10).slice(0, 40);
    const taken = variants[39]!.sku as string;
    const variantEdits: JobEdit[] = variants.slice(0, 30).map((v, i) => ({
      entity: 'variant',
      id: v.id,
      field: 'sku',
      from: v.sku as string,
      to: i === 5 || i === 20 ? `${taken}` : `${v.sku as string}-V`,
    }));
    variantEdits[20] = { ...variantEdits[20]!, to: variants[38]!.sku as string };
    const job = await env.run([...skuEdits, ...variantEdits]);
    expect(job).toMatchObject({ done: 31, failed: 3 });
    const detail = env.jobs.get(job.id);
    expect(detail.rows[2]!.message).toMatch(/not unique/);
    expect(detail.rows[4 + 5]!.message).toMatch(/not unique/);
    expect(detail.rows[4 + 20]!.message).toMatch(/not unique/);
    const after = await readRows(env, '/v3/catalog/variants', variants.map((v) => v.id));
    expect(after.get(variants[6]!.id)!.sku).toBe(`${variants[6]!.sku as string}-V`);
    expect(after.get(variants[5]!.id)!.sku).toBe(variants[5]!.sku);
  });

  it('isolates an invalid customer email (422) and applies the other nine', async () => {
    env = await startJobsEnv(FAST);
    const customers = await listRows(env, '/v3/customers', 10);
    const edits: JobEdit[] = customers.map((c, i) => ({
      entity: 'customer',
      id: c.id,
      field: 'email',
      from: c.email as string,
      to: i === 6 ? 'not-an-email' : `new.${c.id}@example.com`,
    }));
    const job = await env.run(edits);
    expect(job).toMatchObject({ done: 9, failed: 1 });
    expect(env.jobs.get(job.id).rows[6]!.message).toMatch(/valid email/);
    expect(env.jobs.get(job.id).rows[6]!.message).not.toMatch(/customer_update/);
  });
});

describe('jobs: undo', () => {
  it('restores every applied row and reports a row changed since as a conflict', async () => {
    env = await startJobsEnv(FAST);
    const products = await listRows(env, '/v3/catalog/products', 12, '&include_fields=price');
    const first = await env.run(products.map((p) => priceEdit(p)));
    expect(first.status).toBe('completed');
    await env.raw('PUT', '/v3/catalog/products', [{ id: products[4]!.id, price: 5 }]);

    const undoStarted = await env.jobs.undo(first.id);
    expect(undoStarted).toMatchObject({ kind: 'undo', undoOf: first.id, total: 12 });
    const undone = await env.jobs.waitFor(undoStarted.id);
    expect(undone).toMatchObject({ status: 'completed_with_errors', done: 11, conflicts: 1 });
    expect(env.jobs.get(undone.id).rows[4]).toMatchObject({ status: 'conflict', serverValue: '5' });
    const after = await readRows(env, '/v3/catalog/products', products.map((p) => p.id));
    products.forEach((p, i) => expect(after.get(p.id)!.price).toBe(i === 4 ? 5 : p.price));
    const journal = await env.journal();
    expect(appliedCounts(journal, undone.id).size).toBe(11);
  });
});
