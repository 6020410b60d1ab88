import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { addMoney } from '../../../shared/money';
import type { JobEdit } from './edit-schema';
import { listRows, money, readRows } from './test-support/demo';
import { appliedCounts, openIntents, startJobsEnv, type JobsEnv } from './test-support/jobs-env';
import { startKillProxy, type KillProxy } from './test-support/kill-proxy';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(here, '..', '..', '..', '..');
const childScript = join(here, 'test-support', 'crash-child.ts');

let env: JobsEnv;
let proxy: KillProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await env?.close();
});

interface ChildRun {
  lines: Array<Record<string, unknown>>;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Run the job in a child process that goes through the kill proxy; SIGKILL at the Nth PUT's answer. */
async function runChildUntilKilled(edits: JobEdit[], killAtPut: number): Promise<ChildRun> {
  const editsFile = join(env.dataDir, 'edits.json');
  await writeFile(editsFile, JSON.stringify(edits));
  const holder: { child?: ChildProcess } = {};
  proxy = await startKillProxy(env.demo.url, killAtPut, () => holder.child?.kill('SIGKILL'));
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, env.dataDir, proxy.url, env.storeHash, env.token, editsFile], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  holder.child = child;
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
  // Requests the child had in flight still reach the store; wait for them so the store is final.
  await proxy.idle();
  const lines = stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { lines, signal, stderr };
}

describe('jobs: crash in the middle of a job', () => {
  it('recover() finds exactly what was applied, settles the unanswered batches, and resume completes without duplicates', async () => {
    env = await startJobsEnv({ rateQuota: 10_000, rateWindowMs: 1000, latencyMs: 25 });
    const products = await listRows(env, '/v3/catalog/products', 250, '&include_fields=price');
    const edits: JobEdit[] = products.map((p) => ({
      entity: 'product',
      id: p.id,
      field: 'price',
      from: money(p.price),
      to: addMoney(money(p.price)!, '0.5'),
    }));

    const child = await runChildUntilKilled(edits, 8);
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const jobId = child.lines.find((l) => l.type === 'started')?.id as string;
    expect(jobId).toBeTruthy();
    expect(child.lines.filter((l) => l.type === 'progressed').length).toBeGreaterThan(1);
    expect(child.lines.some((l) => l.type === 'finished')).toBe(false);
    const before = await env.journal();
    // At least the 8th PUT went out with an intent and never got its answer.
    expect(openIntents(before, jobId).length).toBeGreaterThan(0);

    const jobs = env.restart();
    env.jobs = jobs;
    const [recovered] = await jobs.recover();
    expect(recovered).toMatchObject({ id: jobId, status: 'interrupted' });
    const journal = await env.journal();
    expect(openIntents(journal, jobId)).toEqual([]);
    expect(journal.some((r) => r.type === 'applied' && r.via === 'recovered')).toBe(true);

    // The applied set is the same in the job, the journal and the store.
    const detail = jobs.get(jobId);
    const counts = appliedCounts(journal, jobId);
    const server = await readRows(env, '/v3/catalog/products', products.map((p) => p.id));
    edits.forEach((edit, i) => {
      const onStore = money(server.get(edit.id)!.price);
      const applied = detail.rows[i]!.status === 'applied';
      expect(applied, `edit ${i}`).toBe(counts.get(i) === 1);
      expect(onStore, `edit ${i}`).toBe(applied ? edit.to : edit.from);
      if (!applied) expect(detail.rows[i]!.status).toBe('pending');
    });
    expect(detail.done).toBeGreaterThan(0);
    expect(detail.done).toBeLessThan(250);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);

    await jobs.resume(jobId);
    expect(await jobs.waitFor(jobId)).toMatchObject({ status: 'completed', done: 250, failed: 0, conflicts: 0 });
    const final = await readRows(env, '/v3/catalog/products', products.map((p) => p.id));
    edits.forEach((edit) => expect(money(final.get(edit.id)!.price)).toBe(edit.to));
    const finalCounts = appliedCounts(await env.journal(), jobId);
    expect(finalCounts.size).toBe(250);
    expect([...finalCounts.values()].every((n) => n === 1)).toBe(true);
  });
});
