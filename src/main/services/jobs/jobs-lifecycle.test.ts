import { afterEach, describe, expect, it } from 'vitest';
import { JOB_ACTIONS, JOB_LIFECYCLE, statusAllows, type JobAction } from '../../../shared/contract/job-lifecycle';
import { addMoney } from '../../../shared/money';
import { AppError } from '../../../shared/rpc';
import { caughtAs } from '../test-support/caught';
import type { JobEdit, JobStatus, JobSummary } from './edit-schema';
import { writeDefinition, writeState } from './job-files';
import { JobRecord } from './job-record';
import { listRows, money } from './test-support/demo';
import { startJobsEnv, type JobsEnv } from './test-support/jobs-env';

let env: JobsEnv;
afterEach(async () => {
  await env?.close();
});

const AT_REST = (Object.keys(JOB_LIFECYCLE) as JobStatus[]).filter((s) => JOB_LIFECYCLE[s].phase !== 'active');

function act(jobs: JobsEnv['jobs'], action: JobAction, jobId: string): Promise<JobSummary> {
  return jobs[action](jobId);
}

async function priceEdits(n: number): Promise<JobEdit[]> {
  const products = await listRows(env, '/v3/catalog/products', n, '&include_fields=price');
  return products.map((p) => ({ entity: 'product', id: p.id, field: 'price', from: money(p.price), to: addMoney(money(p.price)!, '1.11') }));
}

/** A saved job as a previous run left it: one row applied, one failed, one pending, in `status`. */
async function savedJob(status: JobStatus, n: number, edits: JobEdit[]): Promise<string> {
  const id = `${(1_000_000 + n).toString(36)}-${n.toString(16).padStart(8, '0')}`;
  const record = new JobRecord({ version: 1, id, storeId: 'store-1', storeHash: env.storeHash, title: `${status} job`, kind: 'edit', createdAt: new Date(1e12 + n).toISOString(), edits });
  record.set(0, { status: 'applied' });
  record.set(1, { status: 'failed', message: 'refused' });
  record.status = status;
  await writeDefinition(env.dataDir, record.def);
  await writeState(env.dataDir, record);
  return id;
}

describe('jobs service follows the one lifecycle table', () => {
  it('at rest: allows exactly what the table lists for the status, refuses the rest with CONFLICT', async () => {
    env = await startJobsEnv();
    const edits = await priceEdits(3);
    const cases: Array<{ status: JobStatus; action: JobAction; id: string }> = [];
    for (const status of AT_REST) for (const action of JOB_ACTIONS) cases.push({ status, action, id: await savedJob(status, cases.length, edits) });
    env.jobs = env.restart();
    await env.jobs.recover();
    const started: string[] = [];
    for (const { status, action, id } of cases) {
      const outcome = await act(env.jobs, action, id).then(
        (job) => job,
        (error: unknown) => error as Error & { code: string },
      );
      if (statusAllows(status, action)) {
        expect(outcome, `${action} on ${status}`).not.toBeInstanceOf(Error);
        started.push((outcome as JobSummary).id);
      } else {
        expect((outcome as { code?: string }).code, `${action} on ${status}`).toBe('CONFLICT');
        expect(env.jobs.get(id).status, `${action} on ${status} changed nothing`).toBe(status);
      }
    }
    for (const id of started) await env.jobs.waitFor(id);
  });

  it('active (queued, running): pause and cancel are allowed, resume, undo and retry refused', async () => {
    // One request at a time under a tight quota: the first job still runs when paused, the others wait behind it.
    env = await startJobsEnv({ rateQuota: 4, rateWindowMs: 400 }, {}, { requestsInFlight: 1 });
    const edits = await priceEdits(250);
    const writing = env.nextEvent((e) => e.job.title === 'running' && e.job.done >= 1);
    const running = await env.start(edits, 'running');
    const queued = [await env.start(edits.slice(0, 2), 'queued 1'), await env.start(edits.slice(0, 2), 'queued 2')];
    await writing;
    for (const [job, status] of [[running, 'running'], [queued[0]!, 'queued']] as const) {
      expect(env.jobs.get(job.id).status).toBe(status);
      for (const action of JOB_ACTIONS.filter((a) => !statusAllows(status, a))) {
        expect((await caughtAs(AppError, act(env.jobs, action, job.id))).code, `${action} on ${status}`).toBe('CONFLICT');
      }
    }
    expect(JOB_ACTIONS.filter((a) => statusAllows('queued', a))).toEqual(['pause', 'cancel']);
    expect(await env.jobs.pause(queued[0]!.id)).toMatchObject({ status: 'paused' });
    expect(await env.jobs.cancel(queued[1]!.id)).toMatchObject({ status: 'cancelled' });
    expect(await env.jobs.pause(running.id)).toMatchObject({ status: 'paused' });
    // Cancelling a running job: jobs-control.test.ts.
  });
});
