import { appendFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { addMoney } from '../../../shared/money';
import type { JobEdit } from '../jobs';
import { listRows, money, readRows } from '../jobs/test-support/demo';
import { loadStaging, stagingPaths } from './staging-log';
import { caught, startStagingEnv, type StagingEnv } from './test-support/staging-env';

const FAST = { rateQuota: 10_000, rateWindowMs: 1000 };
const S = 'store-1';

let env: StagingEnv;
afterEach(async () => {
  await env?.close();
});

type Row = Awaited<ReturnType<typeof listRows>>[number];
const priceEdit = (p: Row): JobEdit => ({ entity: 'product', id: p.id, field: 'price', from: money(p.price), to: addMoney(money(p.price)!, '2.5') });
const noJobs = async () => (await env.staging.list(S)).edits.every((e) => e.jobId === undefined);

describe('staging: apply and reconcile', () => {
  it('a job removes what it applied; the failed and the conflicting edits stay staged with notes', async () => {
    env = await startStagingEnv(FAST);
    const { jobsEnv } = env;
    const all = await listRows(jobsEnv, '/v3/catalog/products', 250, '&include_fields=inventory_level,inventory_tracking,price');
    const tracked = all.filter((p) => p.inventory_tracking === 'product').slice(0, 5);
    const byVariant = all.find((p) => p.inventory_tracking === 'variant')!;
    // Refused with 422: stock tracked by variant.
    const failing: JobEdit = { entity: 'product', id: byVariant.id, field: 'inventory_level', from: byVariant.inventory_level as number, to: (byVariant.inventory_level as number) + 4 };
    const conflicting = priceEdit(tracked[4]!);
    const good = tracked.slice(0, 4).map(priceEdit);
    await env.staging.stage({ storeId: S, edits: [...good, failing, conflicting] });
    // Someone else changes the price on the store after the merchant staged it.
    await jobsEnv.raw('PUT', '/v3/catalog/products', [{ id: tracked[4]!.id, price: 777 }]);

    const job = await env.staging.apply({ storeId: S, storeHash: jobsEnv.storeHash, title: 'Staged' });
    expect(job).toMatchObject({ total: 6, title: 'Staged' });
    expect(await jobsEnv.jobs.waitFor(job.id)).toMatchObject({ status: 'completed_with_errors', done: 4, failed: 1, conflicts: 1 });
    await env.changed(noJobs);

    const { edits } = await env.staging.list(S);
    expect(edits.map((e) => e.id).sort()).toEqual([byVariant.id, tracked[4]!.id].sort());
    const failed = edits.find((e) => e.id === byVariant.id)!;
    expect(failed).toMatchObject({ from: failing.from, to: failing.to, note: { status: 'failed', message: expect.stringMatching(/tracked by variant/i) } });
    const conflict = edits.find((e) => e.id === tracked[4]!.id)!;
    // The merchant decides: their from and to stay, the note says what the store has.
    expect(conflict).toMatchObject({ from: conflicting.from, to: conflicting.to, note: { status: 'conflict', serverValue: '777' } });
    const after = await readRows(jobsEnv, '/v3/catalog/products', good.map((e) => e.id));
    for (const e of good) expect(money(after.get(e.id)!.price)).toBe(e.to);

    // Durable: a restart sees the reconciled set.
    const again = await env.restart();
    expect((await again.list(S)).edits).toEqual(expect.arrayContaining(edits));
    // Restaging the conflict clears its note and keeps the first from.
    await again.stage({ storeId: S, edits: [{ ...conflicting, from: '777', to: '800' }] });
    expect((await again.list(S)).edits.find((e) => e.id === tracked[4]!.id)).toEqual({ ...withoutNote(conflict), to: '800' });
    // "Keep mine": restaged against the store's value now, so the next apply writes it.
    await again.stage({ storeId: S, edits: [{ ...conflicting, from: '777', to: conflicting.to }], rebase: true });
    expect((await again.list(S)).edits.find((e) => e.id === tracked[4]!.id)).toMatchObject({ from: '777', to: conflicting.to });
    expect((await again.list(S)).edits.find((e) => e.id === tracked[4]!.id)!.note).toBeUndefined();
  });

  it('refuses to restage or discard an edit its job is applying; a cancel leaves the rest staged', async () => {
    env = await startStagingEnv({ rateQuota: 10, rateWindowMs: 400 });
    const { jobsEnv } = env;
    const products = await listRows(jobsEnv, '/v3/catalog/products', 250, '&include_fields=price');
    const edits = products.map(priceEdit);
    await env.staging.stage({ storeId: S, edits });
    const first = `product:${edits[0]!.id}:price`;
    // Nothing changes if the job cannot start: an unknown key.
    expect((await caught(env.staging.apply({ storeId: S, storeHash: jobsEnv.storeHash, title: 'x', keys: ['product:1:sku'] }))).code).toBe('NOT_FOUND');
    const before = await env.staging.list(S);

    const job = await env.staging.apply({ storeId: S, storeHash: jobsEnv.storeHash, title: 'Slow' });
    expect((await env.staging.list(S)).edits.every((e) => e.jobId === job.id)).toBe(true);
    const restage = await caught(env.staging.stage({ storeId: S, edits: [{ ...edits[0]!, to: '1.00' }] }));
    expect(restage.code).toBe('CONFLICT');
    expect(restage.message).toContain(first);
    const discard = await caught(env.staging.discard({ storeId: S, keys: [first] }));
    expect(discard).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(first) });
    expect((await caught(env.staging.apply({ storeId: S, storeHash: jobsEnv.storeHash, title: 'again' }))).message).toMatch(/Nothing staged/);
    // Discarding everything leaves what the job is applying.
    expect(await env.staging.discard({ storeId: S })).toEqual({ revision: before.revision + 1, count: 250 });

    // Cancel once some rows are written (on a loaded machine the first batch can take a while).
    while (jobsEnv.jobs.get(job.id).done === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await jobsEnv.jobs.cancel(job.id);
    const detail = jobsEnv.jobs.get(job.id);
    const applied = detail.rows.filter((r) => r.status === 'applied').length;
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThan(250);
    await env.changed(noJobs);
    const left = (await env.staging.list(S)).edits;
    expect(left).toHaveLength(250 - applied);
    expect(left.every((e) => e.note?.status === 'skipped')).toBe(true);
  });

  it('reconciles at startup a job that ended while staging was down, and frees edits of a job that is gone', async () => {
    env = await startStagingEnv({ rateQuota: 10, rateWindowMs: 400 });
    const { jobsEnv } = env;
    const products = await listRows(jobsEnv, '/v3/catalog/products', 60, '&include_fields=price');
    const edits = products.map(priceEdit);
    await env.staging.stage({ storeId: S, edits });
    const job = await env.staging.apply({ storeId: S, storeHash: jobsEnv.storeHash, title: 'Across a restart' });
    await env.staging.close(); // staging goes down; the job runs on and nobody reconciles it
    expect(await jobsEnv.jobs.waitFor(job.id)).toMatchObject({ status: 'completed', done: 60 });

    const paths = stagingPaths(jobsEnv.dataDir, S);
    const onDisk = await loadStaging(paths);
    expect([...onDisk.edits.values()].filter((e) => e.jobId === job.id)).toHaveLength(60);
    // By hand: an edit whose job no longer exists (rev after what is there).
    const orphan = { entity: 'product', id: 999_999, field: 'price', from: '1', to: '2', stagedAt: new Date().toISOString(), jobId: 'zzz-00000000' };
    await appendFile(paths.log, `${JSON.stringify({ rev: 1000, put: [orphan] })}\n`);

    const again = await env.restart();
    const { edits: left } = await again.list(S);
    expect(left).toEqual([{ entity: 'product', id: 999_999, field: 'price', from: '1', to: '2', stagedAt: orphan.stagedAt }]);
  });
});

function withoutNote<T extends { note?: unknown }>(edit: T): Omit<T, 'note'> {
  const { note: _note, ...rest } = edit;
  return rest;
}

describe('staging: a paused job resumed after a restart', () => {
  it('still unstages the rows the resumed job applies', async () => {
    env = await startStagingEnv({ rateQuota: 6, rateWindowMs: 300 });
    const { jobsEnv } = env;
    // 25 writes: more than the 12 a job hands to the client at once, so a pause stops some.
    const products = await listRows(jobsEnv, '/v3/catalog/products', 300, '&include_fields=price');
    await env.staging.stage({ storeId: S, edits: products.map(priceEdit) });
    const job = await env.staging.apply({ storeId: S, storeHash: jobsEnv.storeHash, title: 'Paused' });
    while (jobsEnv.jobs.get(job.id).done === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await jobsEnv.jobs.pause(job.id)).status).toBe('paused');
    await env.changed(noJobs);
    const waiting = (await env.staging.list(S)).edits;
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((e) => e.note?.status === 'skipped' && e.note.jobId === job.id)).toBe(true);

    const again = await env.restart(); // staging restarts while the job is paused
    await jobsEnv.jobs.resume(job.id);
    expect(await jobsEnv.jobs.waitFor(job.id)).toMatchObject({ status: 'completed', done: products.length });
    await env.changed(async () => (await again.list(S)).edits.length === 0);
  });
});
