import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addMoney } from '../../../shared/money';
import { createBigCommerceService } from '../bigcommerce';
import type { JobEdit } from './edit-schema';
import { writeDefinition } from './job-files';
import { journalPath, openJournal, type IntentRecord } from './journal';
import { listRows, money, readRows } from './test-support/demo';
import { appliedCounts, openIntents, startJobsEnv, type JobsEnv } from './test-support/jobs-env';

/** Journal rotation as the jobs service drives it, against the demo store (files: journal-rotation.test.ts). */
let env: JobsEnv;
afterEach(async () => {
  await env?.close();
});

const FAST = { rateQuota: 10_000, rateWindowMs: 1000 };
// Every non-empty journal is past this, so rotation happens at every safe point.
const TINY = { journalRotateBytes: 1 };

async function priceEdits(n: number, plus = '0.25'): Promise<JobEdit[]> {
  const products = await listRows(env, '/v3/catalog/products', n, '&include_fields=price');
  return products.map((p) => ({ entity: 'product', id: p.id, field: 'price', from: money(p.price), to: addMoney(money(p.price)!, plus) }));
}

const live = () => journalPath(env.dataDir, 'store-1');
const archives = () => readdirSync(dirname(live())).filter((name) => name.endsWith('.jsonl.gz'));

async function expectPrices(edits: JobEdit[], side: 'from' | 'to'): Promise<void> {
  const rows = await readRows(env, '/v3/catalog/products', edits.map((e) => e.id));
  edits.forEach((edit, i) => expect(money(rows.get(edit.id)!.price), `edit ${i}`).toBe(edit[side]));
}

describe('jobs: journal rotation', () => {
  it('rotates when a run ends past the threshold, never while it runs; a new service recovers from state.json and undoes', async () => {
    env = await startJobsEnv({ rateQuota: 10, rateWindowMs: 300 }, {}, TINY);
    const edits = await priceEdits(120);
    const started = await env.start(edits);
    const samples: Array<{ running: boolean; archives: number }> = [];
    const sampler = setInterval(() => samples.push({ running: env.jobs.get(started.id).status === 'running', archives: archives().length }), 10);
    const job = await env.jobs.waitFor(started.id);
    clearInterval(sampler);
    expect(job).toMatchObject({ status: 'completed', done: 120 });
    expect(samples.filter((s) => s.running).length).toBeGreaterThan(3);
    expect(samples.filter((s) => s.running && s.archives > 0)).toEqual([]);

    // Rotated at the end: one archive, no live file, the history has every record once.
    expect(archives()).toHaveLength(1);
    expect(existsSync(live())).toBe(false);
    const history = await env.history();
    expect(history.filter((r) => r.type === 'intent')).toHaveLength(12);
    expect(openIntents(history, job.id)).toEqual([]);
    const counts = appliedCounts(history, job.id);
    expect(counts.size).toBe(120);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);

    // Recovery reads only the live file (gone): state.json alone says what was applied.
    const restarted = env.restart(TINY);
    env.jobs = restarted;
    const [recovered] = await restarted.recover();
    expect(recovered).toMatchObject({ id: job.id, status: 'completed', done: 120, pending: 0 });
    expect(restarted.get(job.id).rows.every((r) => r.status === 'applied')).toBe(true);

    const undo = await restarted.undo(job.id);
    expect(await restarted.waitFor(undo.id)).toMatchObject({ status: 'completed', done: 120, conflicts: 0 });
    await expectPrices(edits, 'from');
    // The undo wrote a fresh live file, rotated in turn into a second archive.
    expect(archives()).toHaveLength(2);
    const all = await env.history();
    expect(all.slice(0, history.length)).toEqual(history);
    expect(appliedCounts(all, undo.id).size).toBe(120);
  });

  it('keeps a journal with an unanswered request live until recovery settles it, then rotates', async () => {
    env = await startJobsEnv(FAST);
    const edits = await priceEdits(20);
    // As if the app died after journaling a request's intent, before anything else of the job was saved.
    const def = { version: 1 as const, id: 'crashed-job', storeId: 'store-1', storeHash: env.storeHash, title: 'crashed', kind: 'edit' as const, createdAt: new Date().toISOString(), edits };
    await writeDefinition(env.dataDir, def);
    const intent: IntentRecord = {
      type: 'intent',
      job: def.id,
      batch: 'dead.1',
      at: new Date().toISOString(),
      entity: 'product',
      rows: edits.slice(0, 10).map((e, i) => ({ id: e.id, fields: { price: { edit: i, from: e.from, to: e.to } } })),
    };
    const journal = openJournal(live());
    await journal.append([intent]);
    await journal.close();

    // The intent cannot be settled (the store refuses the token): nothing may be archived.
    const refused = createBigCommerceService({ target: () => ({ storeHash: env.storeHash, apiOrigin: env.demo.url }), getToken: async () => 'not-the-token' });
    const first = env.restart({ ...TINY, bigcommerce: refused });
    const [stuck] = await first.recover();
    expect(stuck).toMatchObject({ id: def.id, status: 'interrupted' });
    expect(stuck!.error).toMatch(/unanswered request/);
    await first.close();
    refused.close();
    expect(archives()).toEqual([]);
    expect(openIntents(await env.journal(), def.id)).toEqual(['dead.1']);

    // Settled (the store still has the old prices): now nothing in the file is needed, so it rotates.
    const second = env.restart(TINY);
    env.jobs = second;
    await second.recover();
    expect(archives()).toHaveLength(1);
    expect(existsSync(live())).toBe(false);
    expect((await env.history()).map((r) => r.type)).toEqual(['intent', 'settled']);

    await second.resume(def.id);
    expect(await second.waitFor(def.id)).toMatchObject({ status: 'completed', done: 20 });
    await expectPrices(edits, 'to');
    const history = await env.history();
    expect(openIntents(history, def.id)).toEqual([]);
    expect([...appliedCounts(history, def.id).values()]).toEqual(Array(20).fill(1));
  });

  it('leaves a journal under the threshold alone, and prunes archives by the injected limits at startup', async () => {
    env = await startJobsEnv(FAST);
    const job = await env.run(await priceEdits(10));
    expect(archives()).toEqual([]);
    expect(appliedCounts(await env.journal(), job.id).size).toBe(10);

    const rotating = env.restart(TINY);
    await rotating.recover();
    await rotating.close();
    expect(archives()).toHaveLength(1);

    const pruning = env.restart({ journalKeepBytes: 0 });
    await pruning.recover();
    await pruning.close();
    expect(archives()).toEqual([]);
  });
});
