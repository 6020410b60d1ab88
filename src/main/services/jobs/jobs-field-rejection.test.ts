import { afterEach, describe, expect, it } from 'vitest';
import { addMoney } from '../../../shared/money';
import { BigCommerceError } from '../bigcommerce';
import type { JobEdit } from './edit-schema';
import { rejectedFields } from './batch-writer';
import { listRows, money, readRows } from './test-support/demo';
import { appliedCounts, openIntents, startJobsEnv, type JobsEnv } from './test-support/jobs-env';

const FAST = { rateQuota: 10_000, rateWindowMs: 1000 };

let env: JobsEnv;
afterEach(async () => {
  await env?.close();
});

type Row = Awaited<ReturnType<typeof listRows>>[number];
const price = (p: Row, plus = '1.5'): JobEdit => ({ entity: 'product', id: p.id, field: 'price', from: money(p.price), to: addMoney(money(p.price)!, plus) });
const stock = (p: Row): JobEdit => ({ entity: 'product', id: p.id, field: 'inventory_level', from: p.inventory_level as number, to: (p.inventory_level as number) + 3 });

describe('jobs: one bad field does not sink the good ones', () => {
  it('applies the price of a row whose stock the store refuses (422) and whose SKU is taken (409); only those edits fail, each with its own message', async () => {
    env = await startJobsEnv(FAST);
    const all = await listRows(env, '/v3/catalog/products', 250, '&include_fields=inventory_level,inventory_tracking,price,sku');
    const tracked = all.filter((p) => p.inventory_tracking === 'product').slice(0, 4);
    const byVariant = all.find((p) => p.inventory_tracking === 'variant')!;
    const dupe = tracked[3]!;
    // One batch of 10 products: a variant-tracked product's price + stock, another's price + a taken SKU, good rows around them.
    const edits: JobEdit[] = [
      price(tracked[0]!), price(byVariant), stock(byVariant), stock(tracked[1]!),
      price(dupe), { entity: 'product', id: dupe.id, field: 'sku', from: dupe.sku as string, to: tracked[0]!.sku as string },
      price(tracked[2]!, '2'),
    ];
    const job = await env.run(edits, 'Prices and stock');
    expect(job).toMatchObject({ status: 'completed_with_errors', done: 5, failed: 2 });
    const rows = env.jobs.get(job.id).rows;
    expect(rows.map((r) => r.status)).toEqual(['applied', 'applied', 'failed', 'applied', 'applied', 'failed', 'applied']);
    expect(rows[2]!.message).toMatch(/tracked by variant/i);
    expect(rows[2]!.message).not.toMatch(/unique/i);
    expect(rows[5]!.message).toMatch(/not unique/i);
    expect(rows[5]!.message).not.toMatch(/tracked by variant/i);
    expect(rows[1]!.message ?? '').toBe('');

    const after = await readRows(env, '/v3/catalog/products', [byVariant.id, dupe.id]);
    expect(money(after.get(byVariant.id)!.price)).toBe(edits[1]!.to);
    expect(after.get(byVariant.id)!.inventory_level).toBe(byVariant.inventory_level);
    expect(money(after.get(dupe.id)!.price)).toBe(edits[4]!.to);
    expect(after.get(dupe.id)!.sku).toBe(dupe.sku);

    // The journal holds each applied edit exactly once, the refused ones never, and no open intent.
    const journal = await env.journal();
    const counts = appliedCounts(journal, job.id);
    expect([...counts.keys()].sort()).toEqual([0, 1, 3, 4, 6]);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(openIntents(journal, job.id)).toEqual([]);
    const appliedRow = journal.flatMap((r) => (r.type === 'applied' && r.job === job.id ? r.rows : [])).find((r) => r.id === byVariant.id)!;
    expect(Object.keys(appliedRow.before)).toEqual(['price']);
    expect(Object.keys(appliedRow.after)).toEqual(['price']);

    // A restart's recovery finds nothing to redo; undo restores only what was applied.
    const restarted = env.restart();
    await restarted.recover();
    expect(restarted.get(job.id)).toMatchObject({ done: 5, failed: 2 });
    await restarted.close();
    const undone = await env.jobs.waitFor((await env.jobs.undo(job.id)).id);
    expect(undone).toMatchObject({ status: 'completed', done: 5, total: 5 });
    const restored = await readRows(env, '/v3/catalog/products', [byVariant.id, dupe.id]);
    expect(restored.get(byVariant.id)).toMatchObject({ price: byVariant.price, inventory_level: byVariant.inventory_level });
    expect(restored.get(dupe.id)).toMatchObject({ price: dupe.price, sku: dupe.sku });
  });
});

describe('rejectedFields', () => {
  const error = (fieldErrors: Record<string, string>) => new BigCommerceError({ code: 'VALIDATION', status: 422, message: 'Invalid', fieldErrors });

  it('names the row’s own fields by top-level name, with their messages', () => {
    const named = rejectedFields(error({ '0.inventory_level': 'Tracked by variant.', '0.custom_url.url': 'Taken.', '.batch': 'Whole batch' }), ['price', 'inventory_level', 'custom_url']);
    expect([...named]).toEqual([['inventory_level', 'inventory_level: Tracked by variant.'], ['custom_url', 'custom_url.url: Taken.']]);
  });

  it('ignores fields the row does not edit (then the whole row fails as before)', () => {
    expect(rejectedFields(error({ 'name': 'Required.' }), ['price']).size).toBe(0);
  });
});
