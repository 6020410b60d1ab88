import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/rpc';
import { systemClock, type BigCommerceService, type Clock } from '../bigcommerce';
import { StartJobInputSchema, type JobDetail, type JobEvent, type JobSummary, type RetryRows, type StartJobInput } from './edit-schema';
import { listJobIds, loadJob, writeDefinition } from './job-files';
import { JobEntry, PROGRESS_INTERVAL_MS, SAVE_INTERVAL_MS, type EntryDeps } from './job-entry';
import { JobRecord, RESUMABLE, TERMINAL, type JobDefinition } from './job-record';
import { journalPath, openJournal, readJournal, type Journal } from './journal';
import { finishRun } from './job-outcome';
import { runJob } from './job-runner';
import { replayJournal, settleIntents } from './recovery';

export interface JobsServiceDeps {
  dataDir: string;
  bigcommerce: Pick<BigCommerceService, 'clientFor' | 'limiterFor'>;
  clock?: Clock;
  onEvent?: (event: JobEvent) => void;
  /** Test hooks; defaults 100 ms (≤ 10 events/s) and 1000 ms. */
  progressIntervalMs?: number;
  saveIntervalMs?: number;
  /**
   * Write requests a job hands to the client at once (default 6, the store limiter's default
   * concurrency; keep them equal). More batches than this are prepared (journal intent written)
   * so no permit idles, but only this many are ever waiting on the limiter, so pause is prompt.
   */
  requestsInFlight?: number;
}

export interface JobsService {
  /** Validates the input (AppError VALIDATION), saves the job, queues it behind the store's running job. */
  start(input: StartJobInput): Promise<JobSummary>;
  list(storeId?: string): JobSummary[];
  get(jobId: string): JobDetail;
  /** Finishes the batches in flight, then stops; resolves with the paused job. */
  pause(jobId: string): Promise<JobSummary>;
  resume(jobId: string): Promise<JobSummary>;
  /** Finishes the batches in flight; every row not written becomes `skipped`. */
  cancel(jobId: string): Promise<JobSummary>;
  /** Starts the inverse job of the rows this job applied (each checked for conflicts again). */
  undo(jobId: string): Promise<JobSummary>;
  /**
   * Starts a job of the rows this job failed, each with its original from/to. Conflicts stay out
   * (the store changed; the operator decides), and so do skipped rows (a cancelled job's rest is
   * the operator's call too). `rows: 'conflicts'` is that decision: a job of the conflicts, each
   * expecting the value the store reported.
   */
  retry(jobId: string, rows?: RetryRows): Promise<JobSummary>;
  /** Resolves when the job is no longer queued or running. */
  waitFor(jobId: string): Promise<JobSummary>;
  /** Once at startup: load saved jobs, settle unanswered requests, mark cut-off jobs interrupted. */
  recover(): Promise<JobSummary[]>;
  /** Stops running jobs (they become `interrupted`, resumable) and closes the journals. */
  close(): Promise<void>;
}

const ACTIVE = new Set(['queued', 'running']);

export function createJobsService(deps: JobsServiceDeps): JobsService {
  const clock = deps.clock ?? systemClock;
  const jobs = new Map<string, JobEntry>();
  const journals = new Map<string, Journal>();
  const queues = new Map<string, Promise<void>>();
  let closing = false;

  const entryDeps: EntryDeps = {
    dataDir: deps.dataDir,
    bigcommerce: deps.bigcommerce,
    clock,
    onEvent: deps.onEvent,
    progressIntervalMs: deps.progressIntervalMs ?? PROGRESS_INTERVAL_MS,
    saveIntervalMs: deps.saveIntervalMs ?? SAVE_INTERVAL_MS,
    requestsInFlight: deps.requestsInFlight ?? 6,
    journalFor(storeHash) {
      let journal = journals.get(storeHash);
      if (!journal) journals.set(storeHash, (journal = openJournal(journalPath(deps.dataDir, storeHash))));
      return journal;
    },
  };

  function entry(jobId: string): JobEntry {
    const found = jobs.get(jobId);
    if (!found) throw new AppError('NOT_FOUND', `No job ${jobId}`);
    return found;
  }

  /** One job at a time per store: they share one quota, and BigCommerce advises against parallel bulk work. */
  function enqueue(job: JobEntry): void {
    const previous = queues.get(job.storeHash) ?? Promise.resolve();
    const next = previous
      .then(() => runEntry(job))
      .catch((error: unknown) => console.error(`[jobs] job ${job.id} could not run:`, error));
    queues.set(job.storeHash, next);
  }

  function runEntry(job: JobEntry): Promise<void> {
    if (job.record.status !== 'queued' || closing) return Promise.resolve();
    // job.run is set before the first await, so close() always sees a run that has begun.
    const run = (async () => {
      job.stop = null;
      job.record.error = undefined;
      job.record.startRun(clock.now(), job.waitedMs());
      // Create/open the journal while the first chunk is read, not before the first write.
      entryDeps.journalFor(job.storeHash).prepare().catch(() => {});
      await job.setStatus('running');
      let error: unknown = null;
      try {
        await runJob(job.context());
      } catch (caught) {
        error = caught;
      }
      job.record.endRun(clock.now(), job.waitedMs());
      await finishRun(job, error);
    })();
    job.run = run;
    return run.finally(() => {
      job.run = null;
    });
  }

  async function create(def: Omit<JobDefinition, 'version' | 'id' | 'createdAt'>): Promise<JobSummary> {
    if (closing) throw new AppError('CONFLICT', 'The jobs service is shutting down');
    const id = `${clock.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const full: JobDefinition = { version: 1, id, createdAt: new Date(clock.now()).toISOString(), ...def };
    await writeDefinition(deps.dataDir, full);
    const job = new JobEntry(new JobRecord(full), entryDeps);
    jobs.set(id, job);
    await job.setStatus('queued');
    enqueue(job);
    return job.summary();
  }

  async function start(input: StartJobInput): Promise<JobSummary> {
    const parsed = StartJobInputSchema.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
      throw new AppError('VALIDATION', `Invalid job: ${issues.join('; ')}`, { issues: parsed.error.issues.slice(0, 100) });
    }
    return create({ ...parsed.data, kind: 'edit' });
  }

  async function pause(jobId: string): Promise<JobSummary> {
    const job = entry(jobId);
    if (job.record.status === 'queued') await job.setStatus('paused');
    else if (job.record.status === 'running') {
      job.requestStop('pause');
      await job.settled();
    } else throw new AppError('CONFLICT', `Job ${jobId} is ${job.record.status}; only a queued or running job can be paused`);
    return job.summary();
  }

  async function resume(jobId: string): Promise<JobSummary> {
    const job = entry(jobId);
    if (!RESUMABLE.has(job.record.status)) {
      throw new AppError('CONFLICT', `Job ${jobId} is ${job.record.status}; only a paused, interrupted or failed job can be resumed`);
    }
    await job.setStatus('queued');
    enqueue(job);
    return job.summary();
  }

  async function cancel(jobId: string): Promise<JobSummary> {
    const job = entry(jobId);
    const { status } = job.record;
    if (status === 'running') {
      job.requestStop('cancel');
      await job.settled();
    } else if (!TERMINAL.has(status)) {
      for (const index of job.record.pendingIndexes()) job.record.set(index, { status: 'skipped', message: 'Job cancelled' });
      await job.setStatus('cancelled');
    } else throw new AppError('CONFLICT', `Job ${jobId} is already ${status}`);
    return job.summary();
  }

  /** A job that no longer runs nor will by itself: undo and retry start from one. */
  function settledRecord(jobId: string, doing: string): JobRecord {
    const { record } = entry(jobId);
    if (ACTIVE.has(record.status) || record.status === 'paused') {
      throw new AppError('CONFLICT', `Job ${jobId} is ${record.status}; cancel it or let it finish before ${doing}`);
    }
    return record;
  }

  async function undo(jobId: string): Promise<JobSummary> {
    const record = settledRecord(jobId, 'undoing');
    const edits = record.undoEdits();
    if (edits.length === 0) throw new AppError('CONFLICT', `Job ${jobId} applied nothing, so there is nothing to undo`);
    const { storeId, storeHash, title } = record.def;
    return create({ storeId, storeHash, title: `Undo: ${title}`.slice(0, 200), kind: 'undo', undoOf: jobId, edits });
  }

  async function retry(jobId: string, rows: RetryRows = 'failed'): Promise<JobSummary> {
    const record = settledRecord(jobId, 'retrying it');
    const edits = record.retryEdits(rows);
    if (edits.length === 0) {
      const what = rows === 'failed' ? 'failed rows' : 'conflicts whose store value can be written over';
      throw new AppError('CONFLICT', `Job ${jobId} has no ${what}, so there is nothing to retry`);
    }
    const { storeId, storeHash, title } = record.def;
    const prefix = rows === 'failed' ? 'Retry' : 'Retry conflicts';
    return create({ storeId, storeHash, title: `${prefix}: ${title}`.slice(0, 200), kind: 'retry', retryOf: jobId, edits });
  }

  async function recover(): Promise<JobSummary[]> {
    const loaded: JobEntry[] = [];
    for (const id of await listJobIds(deps.dataDir)) {
      if (jobs.has(id)) continue;
      try {
        loaded.push(new JobEntry(await loadJob(deps.dataDir, id), entryDeps));
      } catch (error) {
        console.error(`[jobs] skipping job ${id}:`, error);
      }
    }
    for (const storeHash of new Set(loaded.map((job) => job.storeHash))) {
      const ofStore = loaded.filter((job) => job.storeHash === storeHash);
      const records = await readJournal(journalPath(deps.dataDir, storeHash));
      const open = replayJournal(records, new Map(ofStore.map((job) => [job.id, job.record])));
      ofStore.forEach((job) => (job.openIntents = open.get(job.id) ?? new Map()));
    }
    for (const job of loaded) {
      jobs.set(job.id, job);
      await recoverOne(job);
    }
    return loaded.map((job) => job.summary());
  }

  async function recoverOne(job: JobEntry): Promise<void> {
    let error: string | undefined;
    if (job.openIntents.size > 0) {
      try {
        await settleIntents(job.context(), [...job.openIntents.values()]);
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
      }
    }
    if (ACTIVE.has(job.record.status)) {
      await job.setStatus('interrupted', error ?? 'The app stopped while this job was running; resume to finish it.');
    } else {
      if (error) job.record.error = error;
      await job.save();
    }
  }

  async function close(): Promise<void> {
    closing = true;
    for (const job of jobs.values()) if (job.record.status === 'running') job.requestStop('close');
    await Promise.all([...jobs.values()].map((job) => job.run));
    await Promise.all([...jobs.values()].map((job) => job.save()));
    await Promise.all([...journals.values()].map((journal) => journal.close()));
    journals.clear();
  }

  return {
    start,
    list: (storeId) =>
      [...jobs.values()]
        .filter((job) => storeId === undefined || job.record.def.storeId === storeId)
        .map((job) => job.summary())
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    get: (jobId) => entry(jobId).detail(),
    pause,
    resume,
    cancel,
    undo,
    retry,
    waitFor: async (jobId) => {
      const job = entry(jobId);
      await job.settled();
      return job.summary();
    },
    recover,
    close,
  };
}
