import type { DemoStoreOptions } from '../../../../demo-store/index';
import type { BigCommerceServiceDeps } from '../../bigcommerce';
import type { JobEdit, JobEvent, JobSummary } from '../edit-schema';
import { createJobsService, type JobsService, type JobsServiceDeps } from '../jobs-service';
import { journalPath, readJournal, type JournalRecord } from '../journal';
import { readJournalHistory } from '../journal-history';
import { startDemoEnv, type DemoEnv } from './demo';

/** A demo store plus a jobs service on it, recording every event. */
export interface JobsEnv extends DemoEnv {
  jobs: JobsService;
  events: JobEvent[];
  /** Date.now() when each event arrived. */
  eventTimes: number[];
  /** Resolves with the first event (from now on) that satisfies `test`. */
  nextEvent(test: (event: JobEvent) => boolean): Promise<JobEvent>;
  /** Start a job and wait until it is no longer queued or running. */
  run(edits: JobEdit[], title?: string): Promise<JobSummary>;
  start(edits: JobEdit[], title?: string): Promise<JobSummary>;
  /** The live journal file. */
  journal(): Promise<JournalRecord[]>;
  /** Every archive, then the live file. */
  history(): Promise<JournalRecord[]>;
  /** A second service on the same data dir, as after a restart. */
  restart(extra?: Partial<JobsServiceDeps>): JobsService;
}

export async function startJobsEnv(
  options: DemoStoreOptions = {},
  service: Partial<BigCommerceServiceDeps> = {},
  extra: Partial<JobsServiceDeps> = {},
): Promise<JobsEnv> {
  const env = await startDemoEnv(options, service);
  const events: JobEvent[] = [];
  const eventTimes: number[] = [];
  const watchers = new Set<{ test: (event: JobEvent) => boolean; resolve: (event: JobEvent) => void }>();
  const onEvent = (event: JobEvent) => {
    events.push(event);
    eventTimes.push(Date.now());
    for (const watcher of watchers) {
      if (!watcher.test(event)) continue;
      watchers.delete(watcher);
      watcher.resolve(event);
    }
  };
  const jobs = createJobsService({ dataDir: env.dataDir, bigcommerce: env.bigcommerce, onEvent, ...extra });
  const start = (edits: JobEdit[], title = 'test job') => jobs.start({ storeId: 'store-1', storeHash: env.storeHash, title, edits });
  return {
    ...env,
    jobs,
    events,
    eventTimes,
    nextEvent: (test) => new Promise((resolve) => watchers.add({ test, resolve })),
    start,
    async run(edits, title) {
      const started = await start(edits, title);
      return jobs.waitFor(started.id);
    },
    journal: () => readJournal(journalPath(env.dataDir, 'store-1')),
    history: () => readJournalHistory(env.dataDir, 'store-1'),
    restart: (more = {}) => createJobsService({ dataDir: env.dataDir, bigcommerce: env.bigcommerce, ...more }),
    async close(this: JobsEnv) {
      await jobs.close();
      if (this.jobs !== jobs) await this.jobs.close();
      await env.close();
    },
  };
}

/** Edit index → how many applied records name it (must be exactly 1 for every applied edit). */
export function appliedCounts(records: JournalRecord[], jobId: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const record of records) {
    if (record.type !== 'applied' || record.job !== jobId) continue;
    for (const row of record.rows) for (const edit of row.edits) counts.set(edit, (counts.get(edit) ?? 0) + 1);
  }
  return counts;
}

/** Batches with an intent but neither an applied nor a settled record. */
export function openIntents(records: JournalRecord[], jobId: string): string[] {
  const open = new Set<string>();
  for (const record of records) {
    if (record.job !== jobId) continue;
    if (record.type === 'intent') open.add(record.batch);
    else open.delete(record.batch);
  }
  return [...open];
}
