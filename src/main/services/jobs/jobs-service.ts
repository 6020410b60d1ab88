import { randomBytes } from 'node:crypto';
import { AppError, validationError } from '../../../shared/rpc';
import { systemClock, type BigCommerceService, type Clock } from '../bigcommerce';
import { StartJobInputSchema, type JobDetail, type JobEvent, type JobSummary, type RetryRows, type StartJobInput } from './edit-schema';
import { removeJob, writeDefinition } from './job-files';
import { JobEntry, PROGRESS_INTERVAL_MS, SAVE_INTERVAL_MS, type EntryDeps } from './job-entry';
import { jobActionRefusal, type JobAction } from '../../../shared/contract/job-lifecycle';
import { JobRecord, type JobDefinition } from './job-record';
import { journalPath, openJournal, type Journal } from './journal';
import { finishRun } from './job-outcome';
import { runJob } from './job-runner';
import { catalogRetryChanges, catalogRows, catalogUndoChanges, runCatalogJob, type CatalogRowResult } from './catalog-runner';
import type { CatalogRowDef } from '../authoring/job-model';
import { DEFAULT_JOURNAL_POLICY, journalUpkeep, type UpkeepDeps } from './journal-upkeep';
import { loadSavedJobs, recoverJob } from './recovery';

export interface JobsServiceDeps {
  dataDir: string;
  bigcommerce: Pick<BigCommerceService, 'clientFor' | 'limiterFor'>;
  clock?: Clock;
  onEvent?: (event: JobEvent) => void;
  /** Test hooks; defaults 100 ms (≤ 10 events/s) and 1000 ms. */
  progressIntervalMs?: number;
  saveIntervalMs?: number;
  /**
   * Write requests a job hands to the client at once (default 12, the store limiter's default
   * concurrency; keep them equal). More batches than this are prepared (journal intent written)
   * so no permit idles, but only this many are ever waiting on the limiter, so pause is prompt.
   */
  requestsInFlight?: number;
  /** The live journal is archived (gzip) at the next safe point once this big; default 8 MiB. */
  journalRotateBytes?: number;
  /** Journal archives older than this are deleted; default 180 days. */
  journalKeepMs?: number;
  /** At most this many bytes of journal archives per store, oldest deleted first; default 256 MiB. */
  journalKeepBytes?: number;
}

export interface JobsService {
  /** Validates the input (AppError VALIDATION), saves the job, queues it behind the store's running job. */
  start(input: StartJobInput): Promise<JobSummary>;
  /** Queues a catalog job (creates and deletes, checked by the authoring service) like any job. */
  startCatalog(input: { storeId: string; storeHash: string; title: string; changes: CatalogRowDef[] }): Promise<JobSummary>;
  /** A catalog job's rows with their state and outcome (main only: snapshots stay here). */
  catalogRows(jobId: string): CatalogRowResult[];
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

export function createJobsService(deps: JobsServiceDeps): JobsService {
  const clock = deps.clock ?? systemClock;
  const jobs = new Map<string, JobEntry>();
  const journals = new Map<string, Journal>();
  const queues = new Map<string, Promise<void>>();
  let closing = false;
  let recovered = false;

  const entryDeps: EntryDeps = {
    dataDir: deps.dataDir,
    bigcommerce: deps.bigcommerce,
    clock,
    onEvent: deps.onEvent,
    progressIntervalMs: deps.progressIntervalMs ?? PROGRESS_INTERVAL_MS,
    saveIntervalMs: deps.saveIntervalMs ?? SAVE_INTERVAL_MS,
    requestsInFlight: deps.requestsInFlight ?? 12,
    journalFor(storeId) {
      let journal = journals.get(storeId);
      if (!journal) journals.set(storeId, (journal = openJournal(journalPath(deps.dataDir, storeId))));
      return journal;
    },
  };

  const upkeepDeps: UpkeepDeps = {
    clock,
    policy: {
      rotateBytes: deps.journalRotateBytes ?? DEFAULT_JOURNAL_POLICY.rotateBytes,
      keepMs: deps.journalKeepMs ?? DEFAULT_JOURNAL_POLICY.keepMs,
      keepBytes: deps.journalKeepBytes ?? DEFAULT_JOURNAL_POLICY.keepBytes,
    },
    journalFor: entryDeps.journalFor,
    jobs: () => jobs.values(),
    recovered: () => recovered,
  };

  function upkeep(storeId: string, prune: boolean): Promise<void> {
    return closing ? Promise.resolve() : journalUpkeep(upkeepDeps, storeId, prune);
  }

  function entry(jobId: string): JobEntry {
    const found = jobs.get(jobId);
    if (!found) throw new AppError('NOT_FOUND', `No job ${jobId}`);
    return found;
  }

  /** The job, if the lifecycle table allows this action in its status (CONFLICT otherwise). */
  function entryFor(jobId: string, action: JobAction): JobEntry {
    const job = entry(jobId);
    const refusal = jobActionRefusal(job.record.status, action);
    if (refusal) throw new AppError('CONFLICT', `Job ${jobId}: ${refusal}`);
    return job;
  }

  /** One job at a time per store: they share one quota, and BigCommerce advises against parallel bulk work. */
  function enqueue(job: JobEntry): void {
    inStoreQueue(job.storeId, () => runEntry(job).catch((error: unknown) => console.error(`[jobs] job ${job.id} could not run:`, error)));
  }

  function inStoreQueue(storeId: string, task: () => Promise<void>): Promise<void> {
    const next = (queues.get(storeId) ?? Promise.resolve()).then(task);
    queues.set(storeId, next.catch(() => {})); // a failed task must not stop the queue
    return next;
  }

  function runEntry(job: JobEntry): Promise<void> {
    if (job.record.status !== 'queued' || closing) return Promise.resolve();
    // job.run is set before the first await, so close() always sees a run that has begun.
    const run = (async () => {
      job.stop = null;
      job.record.error = undefined;
      job.record.startRun(clock.now(), job.waitedMs());
      // Create/open the journal while the first chunk is read, not before the first write.
      entryDeps.journalFor(job.storeId).prepare().catch(() => {});
      await job.setStatus('running');
      let error: unknown = null;
      try {
        await (job.record.def.changes ? runCatalogJob(job.context()) : runJob(job.context()));
      } catch (caught) {
        error = caught;
      }
      job.record.endRun(clock.now(), job.waitedMs());
      await finishRun(job, error);
      // Still in the store's queue, so no job of the store starts while the journal rotates.
      await upkeep(job.storeId, false);
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
    const job = new JobEntry(new JobRecord(full), entryDeps);
    // The job starts reading current values while its definition is being made durable; its
    // first write waits for that (RunContext.saved), and so does the caller.
    job.saved = writeDefinition(deps.dataDir, full);
    job.saved.catch(() => {}); // awaited below and by the first write
    jobs.set(id, job);
    await job.setStatus('queued');
    enqueue(job);
    try {
      await job.saved;
    } catch (error) {
      // Nothing was written to the store (every write waits for the definition): forget the job.
      if (job.run) {
        job.requestStop('cancel');
        await job.settled();
      } else await job.setStatus('cancelled'); // still queued behind another job: it will not run
      jobs.delete(id);
      await removeJob(deps.dataDir, id).catch(() => {});
      throw new AppError('INTERNAL', `Could not save the job: ${error instanceof Error ? error.message : String(error)}`);
    }
    return job.summary();
  }

  async function start(input: StartJobInput): Promise<JobSummary> {
    const parsed = StartJobInputSchema.safeParse(input);
    if (!parsed.success) throw validationError('Invalid job', parsed.error.issues);
    return create({ ...parsed.data, kind: 'edit' });
  }

  async function pause(jobId: string): Promise<JobSummary> {
    const job = entryFor(jobId, 'pause');
    if (job.record.status === 'queued') await job.setStatus('paused');
    else {
      job.requestStop('pause');
      await job.settled();
    }
    return job.summary();
  }

  async function resume(jobId: string): Promise<JobSummary> {
    const job = entryFor(jobId, 'resume');
    await job.setStatus('queued');
    enqueue(job);
    return job.summary();
  }

  async function cancel(jobId: string): Promise<JobSummary> {
    const job = entryFor(jobId, 'cancel');
    if (job.record.status === 'running') {
      job.requestStop('cancel');
      await job.settled();
    } else {
      for (const index of job.record.pendingIndexes()) job.record.set(index, { status: 'skipped', message: 'Job cancelled' });
      await job.setStatus('cancelled');
    }
    return job.summary();
  }

  async function undo(jobId: string): Promise<JobSummary> {
    const { record } = entryFor(jobId, 'undo');
    if (record.def.changes) return undoCatalog(record);
    const edits = record.undoEdits();
    if (edits.length === 0) throw new AppError('CONFLICT', `Job ${jobId} applied nothing, so there is nothing to undo`);
    const { storeId, storeHash, title } = record.def;
    return create({ storeId, storeHash, title: `Undo: ${title}`.slice(0, 200), kind: 'undo', undoOf: jobId, edits });
  }

  /** Once: a second undo would recreate (or delete) what the first already did. */
  async function undoCatalog(record: JobRecord): Promise<JobSummary> {
    const { id, storeId, storeHash, title } = record.def;
    if ([...jobs.values()].some((j) => j.record.def.undoOf === id && j.record.counts.applied > 0)) {
      throw new AppError('CONFLICT', `Job ${id} has been undone already`);
    }
    const changes = catalogUndoChanges(record);
    if (changes.length === 0) throw new AppError('CONFLICT', `Job ${id} applied nothing, so there is nothing to undo`);
    return create({ storeId, storeHash, title: `Undo: ${title}`.slice(0, 200), kind: 'undo', undoOf: id, edits: [], changes });
  }

  async function retry(jobId: string, rows: RetryRows = 'failed'): Promise<JobSummary> {
    const { record } = entryFor(jobId, 'retry');
    const changes = record.def.changes ? catalogRetryChanges(record, rows) : undefined;
    const edits = changes ? [] : record.retryEdits(rows);
    if (edits.length === 0 && !changes?.length) {
      const what = rows === 'failed' ? 'failed rows' : 'conflicts whose store value can be written over';
      throw new AppError('CONFLICT', `Job ${jobId} has no ${what}, so there is nothing to retry`);
    }
    const { storeId, storeHash, title } = record.def;
    const prefix = rows === 'failed' ? 'Retry' : 'Retry conflicts';
    return create({ storeId, storeHash, title: `${prefix}: ${title}`.slice(0, 200), kind: 'retry', retryOf: jobId, edits, ...(changes ? { changes } : {}) });
  }

  async function recover(): Promise<JobSummary[]> {
    const loaded = await loadSavedJobs(deps.dataDir, entryDeps, (id) => jobs.has(id));
    for (const job of loaded) {
      jobs.set(job.id, job);
      await recoverJob(job);
    }
    recovered = true;
    const stores = new Set(loaded.map((job) => job.storeId));
    await Promise.all([...stores].map((storeId) => inStoreQueue(storeId, () => upkeep(storeId, true))));
    return loaded.map((job) => job.summary());
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
    startCatalog: ({ storeId, storeHash, title, changes }) => create({ storeId, storeHash, title: title.slice(0, 200), kind: 'edit', edits: [], changes }),
    catalogRows: (jobId) => catalogRows(entry(jobId).record),
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
      // The run's tail (journal upkeep) too, so what a caller reads next is final.
      await job.run?.catch(() => {});
      return job.summary();
    },
    recover,
    close,
  };
}
