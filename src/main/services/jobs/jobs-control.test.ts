import { afterEach, describe, expect, it } from 'vitest';
import { addMoney } from '../../../shared/money';
import { systemClock } from '../bigcommerce';
import type { JobEdit } from './edit-schema';
import { listRows, money, readRows } from './test-support/demo';
import { appliedCounts, openIntents, startJobsEnv, type JobsEnv } from './test-support/jobs-env';

let env: JobsEnv;
afterEach(async () => {
  await env?.close();
});

// A tight quota (10 per 400 ms) stretches 250 rows (26 requests) over ~1.3 s, so there is time
// to pause, cancel or close mid-way; the limiter does the pacing.
const SLOW = { rateQuota: 10, rateWindowMs: 400 };

async function priceEdits(n: number): Promise<JobEdit[]> {
  const products = await listRows(env, '/v3/catalog/products', n, '&include_fields=price');
  return products.map((p) => ({ entity: 'product', id: p.id, field: 'price', from: money(p.price), to: addMoney(money(p.price)!, '3.33') }));
}

/** Every edit is on the store with `to` (applied) or `from` (not applied), as the job says. */
async function expectStoreMatches(jobId: string, edits: JobEdit[]): Promise<void> {
  const detail = env.jobs.get(jobId);
  const after = await readRows(env, '/v3/catalog/products', edits.map((e) => e.id));
  edits.forEach((edit, i) => {
    const expected = detail.rows[i]!.status === 'applied' ? edit.to : edit.from;
    expect(money(after.get(edit.id)!.price), `edit ${i} (${detail.rows[i]!.status})`).toBe(money(Number(expected)));
  });
  const journal = await env.journal();
  const counts = appliedCounts(journal, jobId);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
  expect(counts.size).toBe(detail.done);
  expect(openIntents(journal, jobId)).toEqual([]);
}

describe('jobs: pause, resume, cancel, close', () => {
  it('pauses after the batches in flight, sends nothing while paused, resumes to the end', async () => {
    env = await startJobsEnv(SLOW);
    const edits = await priceEdits(250);
    const started = await env.start(edits);
    await env.nextEvent((e) => e.job.id === started.id && e.job.done >= 50);
    const atPause = env.demo.stats().requests;
    const paused = await env.jobs.pause(started.id);
    expect(paused.status).toBe('paused');
    // Prompt: only what was already handed to the client (≤ 12 writes and two chunk reads) still went out.
    expect(env.demo.stats().requests - atPause).toBeLessThanOrEqual(14);
    expect(paused.pending).toBeGreaterThan(0);
    await expectStoreMatches(started.id, edits);
    const requests = env.demo.stats().requests;
    await new Promise((r) => setTimeout(r, 600));
    expect(env.demo.stats().requests).toBe(requests);

    await env.jobs.resume(started.id);
    const done = await env.jobs.waitFor(started.id);
    expect(done).toMatchObject({ status: 'completed', done: 250, pending: 0 });
    await expectStoreMatches(started.id, edits);

    // ≤ 10 progress events per second: throttled events are ≥ 100 ms apart (status changes are not throttled).
    const mine = env.events.map((e, i) => ({ e, at: env.eventTimes[i]! })).filter(({ e }) => e.job.id === started.id);
    for (let i = 1; i < mine.length; i++) {
      const statusChange = mine[i]!.e.job.status !== mine[i - 1]!.e.job.status;
      if (!statusChange && mine[i]!.e.job.status === 'running') expect(mine[i]!.at - mine[i - 1]!.at).toBeGreaterThanOrEqual(95);
    }
    const last = mine.at(-1)!.e.job;
    expect(last).toMatchObject({ status: 'completed', done: 250, requests: done.requests });
    expect(last.rateLimitWaitMs).toBeGreaterThan(0);
    expect(last.elapsedMs).toBeGreaterThan(0);
  });

  it('cancels: rows not written become skipped and stay re-runnable by a new job', async () => {
    env = await startJobsEnv(SLOW);
    const edits = await priceEdits(250);
    const started = await env.start(edits);
    await env.nextEvent((e) => e.job.id === started.id && e.job.done >= 30);
    const cancelled = await env.jobs.cancel(started.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.skipped).toBeGreaterThan(0);
    expect(cancelled.done + cancelled.skipped).toBe(250);
    await expectStoreMatches(started.id, edits);

    const skipped = env.jobs.get(started.id).rows.filter((r) => r.status === 'skipped').map((r) => r.edit);
    const rerun = await env.run(skipped);
    expect(rerun).toMatchObject({ status: 'completed', done: skipped.length });
    const after = await readRows(env, '/v3/catalog/products', edits.map((e) => e.id));
    for (const edit of edits) expect(money(after.get(edit.id)!.price)).toBe(money(Number(edit.to)));
  });

  it('close() leaves a running job interrupted; the next service resumes exactly the rest', async () => {
    env = await startJobsEnv(SLOW);
    const edits = await priceEdits(250);
    const started = await env.start(edits);
    await env.nextEvent((e) => e.job.id === started.id && e.job.done >= 30);
    await env.jobs.close();
    const next = env.restart();
    const [recovered] = await next.recover();
    expect(recovered).toMatchObject({ id: started.id, status: 'interrupted' });
    expect(recovered!.done).toBeGreaterThanOrEqual(30);
    expect(recovered!.done).toBeLessThan(250);
    await next.resume(started.id);
    expect(await next.waitFor(started.id)).toMatchObject({ status: 'completed', done: 250 });
    env.jobs = next;
    await expectStoreMatches(started.id, edits);
  });
});

describe('jobs: transient faults', () => {
  it('with 10 % seeded faults (5xx, dropped connections before and after writes) every row lands exactly once', async () => {
    env = await startJobsEnv({ rateQuota: 10_000, rateWindowMs: 1000, faultRate: 0.1, seed: 'jobs-faults' });
    const products = await listRows(env, '/v3/catalog/products', 250, '&include_fields=price');
    const variants = await listRows(env, '/v3/catalog/variants', 250);
    const edits: JobEdit[] = [
      ...products.map((p): JobEdit => ({ entity: 'product', id: p.id, field: 'price', from: money(p.price), to: addMoney(money(p.price)!, '1') })),
      ...variants.map((v): JobEdit => ({ entity: 'variant', id: v.id, field: 'inventory_level', from: v.inventory_level as number, to: (v.inventory_level as number) + 2 })),
    ];
    const job = await env.run(edits);
    expect(job).toMatchObject({ status: 'completed', done: 500, failed: 0, conflicts: 0 });
    const stats = env.demo.stats().byStatus;
    expect((stats['500'] ?? 0) + (stats['502'] ?? 0) + (stats['503'] ?? 0) + (stats['504'] ?? 0) + (stats.dropped ?? 0)).toBeGreaterThan(0);

    const journal = await env.journal();
    const counts = appliedCounts(journal, job.id);
    expect(counts.size).toBe(500);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(openIntents(journal, job.id)).toEqual([]);
    const p = await readRows(env, '/v3/catalog/products', products.map((x) => x.id));
    const v = await readRows(env, '/v3/catalog/variants', variants.map((x) => x.id));
    products.forEach((x, i) => expect(money(p.get(x.id)!.price)).toBe(money(Number(edits[i]!.to))));
    variants.forEach((x) => expect(v.get(x.id)!.inventory_level).toBe((x.inventory_level as number) + 2));
  });
});

describe('jobs: writes whose answer never arrives', () => {
  it('reads the rows back: a write that landed is journaled as applied, one that did not is failed and re-runnable', async () => {
    const lost = { landed: -1, notSent: -1 };
    // Between the client and the store: for two products every attempt's answer is lost, once
    // after the store applied the write and once before it ever got there.
    const lossyFetch: typeof fetch = async (input, init) => {
      const body = typeof init?.body === 'string' ? init.body : '';
      if (init?.method === 'PUT' && body.includes(`"id":${lost.notSent},`)) throw new TypeError('fetch failed');
      const response = await fetch(input, init);
      if (init?.method === 'PUT' && body.includes(`"id":${lost.landed},`)) throw new TypeError('fetch failed');
      return response;
    };
    // The client's retry back-off (0.25 s … 4 s) is shortened so its 4 retries take milliseconds.
    const quickClock = { now: () => Date.now(), random: () => 0.5, sleep: (ms: number, signal?: AbortSignal) => systemClock.sleep(Math.min(ms, 5), signal) };
    env = await startJobsEnv({ rateQuota: 10_000, rateWindowMs: 1000 }, { fetch: lossyFetch, clock: quickClock });
    const edits = await priceEdits(30);
    lost.landed = edits[3]!.id;
    lost.notSent = edits[25]!.id;

    const job = await env.run(edits);
    expect(job).toMatchObject({ status: 'completed_with_errors', done: 20, failed: 10 });
    const rows = env.jobs.get(job.id).rows;
    expect(rows[3]!.status).toBe('applied');
    expect(rows[25]).toMatchObject({ status: 'failed' });
    expect(rows[25]!.message).toMatch(/reach BigCommerce/);
    const journal = await env.journal();
    expect(journal.some((r) => r.type === 'applied' && r.via === 'verified' && r.rows.some((x) => x.id === lost.landed))).toBe(true);
    expect(journal.some((r) => r.type === 'settled' && r.outcome === 'not_applied')).toBe(true);
    await expectStoreMatches(job.id, edits);
  });
});
