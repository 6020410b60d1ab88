import { afterEach, describe, expect, it } from 'vitest';
import { addMoney } from '../../../shared/money';
import { AppError } from '../../../shared/rpc';
import { systemClock } from '../bigcommerce';
import type { JobEdit } from './edit-schema';
import { listRows, money, readRows } from './test-support/demo';
import { appliedCounts, startJobsEnv, type JobsEnv } from './test-support/jobs-env';
import { caughtAs } from '../test-support/caught';

const FAST = { rateQuota: 10_000, rateWindowMs: 1000 };

let env: JobsEnv;
afterEach(async () => {
  await env?.close();
});

type Row = Awaited<ReturnType<typeof listRows>>[number];
const priceEdit = (p: Row): JobEdit => ({ entity: 'product', id: p.id, field: 'price', from: money(p.price), to: addMoney(money(p.price)!, '2.5') });

/** The AppError a promise rejects with. */
const caught = (p: Promise<unknown>): Promise<AppError> => caughtAs(AppError, p);

describe('jobs: retry failed rows', () => {
  it('re-runs exactly the failed rows (not conflicts), fails again until the cause is fixed, then applies', async () => {
    env = await startJobsEnv(FAST);
    const all = await listRows(env, '/v3/catalog/products', 250, '&include_fields=inventory_level,inventory_tracking,price');
    const tracked = all.filter((p) => p.inventory_tracking === 'product').slice(0, 6);
    const byVariant = all.find((p) => p.inventory_tracking === 'variant')!;
    const stock = (p: Row): JobEdit => ({ entity: 'product', id: p.id, field: 'inventory_level', from: p.inventory_level as number, to: (p.inventory_level as number) + 4 });
    // Row 2: refused with 422 (stock tracked by variant). Row 5: a conflict (stale `from`), which a retry must leave alone.
    const edits: JobEdit[] = [stock(tracked[0]!), stock(tracked[1]!), stock(byVariant), priceEdit(tracked[2]!), stock(tracked[3]!), { ...priceEdit(tracked[4]!), from: '0.01' }];

    const first = await env.run(edits, 'Stock +4');
    expect(first).toMatchObject({ status: 'completed_with_errors', done: 4, failed: 1, conflicts: 1 });

    const again = await env.jobs.retry(first.id);
    expect(again).toMatchObject({ kind: 'retry', retryOf: first.id, title: 'Retry: Stock +4', total: 1, status: expect.stringMatching(/^(queued|running)$/) });
    expect(env.jobs.get(again.id).rows.map((r) => r.edit)).toEqual([edits[2]]);
    // Nothing was fixed: the store refuses it again, with the same message.
    const stillFailing = await env.jobs.waitFor(again.id);
    expect(stillFailing).toMatchObject({ status: 'completed_with_errors', failed: 1, done: 0 });
    expect(env.jobs.get(again.id).rows[0]!.message).toMatch(/tracked by variant/i);

    // The operator fixes the cause on the store, then retries the retry.
    await env.raw('PUT', '/v3/catalog/products', [{ id: byVariant.id, inventory_tracking: 'product' }]);
    const fixed = await env.jobs.waitFor((await env.jobs.retry(again.id)).id);
    expect(fixed).toMatchObject({ status: 'completed', done: 1, total: 1, retryOf: again.id, title: 'Retry: Retry: Stock +4' });
    const after = await readRows(env, '/v3/catalog/products', [byVariant.id, tracked[4]!.id]);
    expect(after.get(byVariant.id)!.inventory_level).toBe((byVariant.inventory_level as number) + 4);
    expect(after.get(tracked[4]!.id)!.price).toBe(tracked[4]!.price);

    // retryOf is part of the saved definition.
    const reloaded = env.restart();
    await reloaded.recover();
    expect(reloaded.get(fixed.id)).toMatchObject({ kind: 'retry', retryOf: again.id, status: 'completed' });
    await reloaded.close();
  });

  it('applies rows that failed on network trouble once the network is back, each exactly once', async () => {
    const network = { down: new Set<number>() };
    // Every PUT naming a product in `down` dies before reaching the store, through all the client's retries.
    const flakyFetch: typeof fetch = async (input, init) => {
      const body = typeof init?.body === 'string' ? init.body : '';
      if (init?.method === 'PUT' && [...network.down].some((id) => body.includes(`"id":${id},`))) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const quickClock = { now: () => Date.now(), random: () => 0.5, sleep: (ms: number, signal?: AbortSignal) => systemClock.sleep(Math.min(ms, 5), signal) };
    env = await startJobsEnv(FAST, { fetch: flakyFetch, clock: quickClock });
    const products = await listRows(env, '/v3/catalog/products', 30, '&include_fields=price');
    const edits = products.map(priceEdit);
    network.down.add(edits[25]!.id);

    const first = await env.run(edits);
    // The whole batch of ten (rows 20-29) never reached the store.
    expect(first).toMatchObject({ status: 'completed_with_errors', done: 20, failed: 10 });
    network.down.clear();

    const retried = await env.jobs.waitFor((await env.jobs.retry(first.id)).id);
    expect(retried).toMatchObject({ status: 'completed', done: 10, total: 10, failed: 0, conflicts: 0 });
    expect(env.jobs.get(retried.id).rows.map((r) => r.edit)).toEqual(edits.slice(20));
    const after = await readRows(env, '/v3/catalog/products', products.map((p) => p.id));
    for (const edit of edits) expect(money(after.get(edit.id)!.price)).toBe(money(Number(edit.to)));
    const journal = await env.journal();
    expect(appliedCounts(journal, first.id).size).toBe(20);
    expect([...appliedCounts(journal, retried.id).keys()].sort((a, b) => a - b)).toEqual([...Array(10).keys()]);

    // Retrying the first job a second time finds the rows already written: conflicts, nothing overwritten.
    const twice = await env.jobs.waitFor((await env.jobs.retry(first.id)).id);
    expect(twice).toMatchObject({ done: 0, conflicts: 10 });
  });

  it("rows: 'conflicts' re-runs only the conflicts, expecting the value the store reported", async () => {
    env = await startJobsEnv(FAST);
    const products = await listRows(env, '/v3/catalog/products', 5, '&include_fields=price');
    const edits = products.map(priceEdit);
    await env.raw('PUT', '/v3/catalog/products', [
      { id: products[1]!.id, price: 777 },
      { id: products[3]!.id, price: 555 },
    ]);
    const first = await env.run(edits, 'Prices');
    expect(first).toMatchObject({ done: 3, conflicts: 2, failed: 0 });
    expect((await caught(env.jobs.retry(first.id))).message).toMatch(/no failed rows, so there is nothing to retry/);

    // Someone changes one of them again after the operator saw "store now has 555": that one stays a conflict.
    await env.raw('PUT', '/v3/catalog/products', [{ id: products[3]!.id, price: 556 }]);
    const started = await env.jobs.retry(first.id, 'conflicts');
    expect(started).toMatchObject({ kind: 'retry', retryOf: first.id, title: 'Retry conflicts: Prices', total: 2 });
    expect(env.jobs.get(started.id).rows.map((r) => r.edit)).toEqual([
      { ...edits[1], from: '777' },
      { ...edits[3], from: '555' },
    ]);
    const done = await env.jobs.waitFor(started.id);
    expect(done).toMatchObject({ status: 'completed_with_errors', done: 1, conflicts: 1 });
    expect(env.jobs.get(started.id).rows[1]).toMatchObject({ status: 'conflict', serverValue: '556' });
    const after = await readRows(env, '/v3/catalog/products', [products[1]!.id, products[3]!.id]);
    expect(after.get(products[1]!.id)!.price).toBe(Number(edits[1]!.to));
    expect(after.get(products[3]!.id)!.price).toBe(556);
    expect((await caught(env.jobs.retry(done.id))).code).toBe('CONFLICT');
  });

  it('refuses an unknown job, a job still queued, running or paused, and a job with nothing failed', async () => {
    env = await startJobsEnv({ rateQuota: 10, rateWindowMs: 400 });
    expect((await caught(env.jobs.retry('zzz-00000000'))).code).toBe('NOT_FOUND');

    const products = await listRows(env, '/v3/catalog/products', 250, '&include_fields=price');
    const started = await env.start(products.map(priceEdit), 'Slow job');
    const whileActive = await caught(env.jobs.retry(started.id));
    expect(whileActive.code).toBe('CONFLICT');
    expect(whileActive.message).toMatch(/is (queued|running), and retry needs a job that is completed/);
    await env.nextEvent((e) => e.job.id === started.id && e.job.done >= 30);
    expect(await env.jobs.pause(started.id)).toMatchObject({ status: 'paused' });
    expect((await caught(env.jobs.retry(started.id))).message).toMatch(/is paused/);

    await env.jobs.resume(started.id);
    expect(await env.jobs.waitFor(started.id)).toMatchObject({ status: 'completed', failed: 0 });
    const nothing = await caught(env.jobs.retry(started.id));
    expect(nothing.code).toBe('CONFLICT');
    expect(nothing.message).toMatch(/has no failed rows/);
    expect(env.jobs.list('store-1')).toHaveLength(1);
  });
});
