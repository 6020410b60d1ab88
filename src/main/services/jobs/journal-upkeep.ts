import type { Clock } from '../bigcommerce';
import type { JobEntry } from './job-entry';
import { pruneArchives } from './journal-archive';
import { readJournal, type Journal, type JournalRecord } from './journal';

export interface JournalPolicy {
  /** The live file is archived once it is at least this big (at a safe point). */
  rotateBytes: number;
  /** Archives older than this are deleted. */
  keepMs: number;
  /** Archives of one store beyond this total are deleted, oldest first. */
  keepBytes: number;
}

const MiB = 1024 * 1024;
export const DEFAULT_JOURNAL_POLICY: JournalPolicy = { rotateBytes: 8 * MiB, keepMs: 180 * 24 * 3600 * 1000, keepBytes: 256 * MiB };

export interface UpkeepDeps {
  clock: Clock;
  policy: JournalPolicy;
  journalFor(storeId: string): Journal;
  /** Every job the service holds. */
  jobs(): Iterable<JobEntry>;
  /**
   * recover() has run: every job on disk that can be loaded is held, so a job the journal names
   * but the service does not hold is one recovery skips too.
   */
  recovered(): boolean;
}

/**
 * Rotates a store's journal once it reaches policy.rotateBytes, if recovery could need none of
 * its records (see safePoint), then applies retention. Call it where no job of the store can
 * start meanwhile (the store's queue). Never throws: a rotation that fails leaves the live
 * journal as it was and is tried again after the next run.
 */
export async function journalUpkeep(deps: UpkeepDeps, storeId: string, prune: boolean): Promise<void> {
  const journal = deps.journalFor(storeId);
  try {
    let rotated: string | null = null;
    if ((await journal.size()) >= deps.policy.rotateBytes) {
      rotated = await journal.rotate({
        now: deps.clock.now(),
        // The jobs first: reading the file is wasted while one of them is busy.
        when: async (path) => heldJobsAtRest(deps, storeId) && safePoint(deps, storeId, await readJournal(path)),
      });
    }
    if (rotated || prune) {
      const { keepMs, keepBytes } = deps.policy;
      await pruneArchives(journal.path, { now: deps.clock.now(), keepMs, keepBytes });
    }
  } catch (error) {
    console.error(`[jobs] journal upkeep for store ${storeId} failed (the live journal is kept as it is):`, error);
  }
}

/**
 * Recovery replays the journal over state.json to restore applied rows that state.json missed,
 * and settles intents that have no outcome. Neither can be needed once every intent in the file
 * has its outcome and every job it names is at rest (not running, state.json saved since); a job
 * the service does not hold is accepted only after recover() (see UpkeepDeps.recovered).
 */
export function safePoint(deps: UpkeepDeps, storeId: string, records: readonly JournalRecord[]): boolean {
  if (!heldJobsAtRest(deps, storeId)) return false;
  const held = new Map<string, JobEntry>();
  for (const job of deps.jobs()) held.set(job.id, job);
  const open = new Set<string>();
  const checked = new Set<string>();
  for (const record of records) {
    const key = `${record.job} ${record.batch}`;
    if (record.type === 'intent') open.add(key);
    else open.delete(key);
    if (checked.has(record.job)) continue;
    checked.add(record.job);
    const job = held.get(record.job);
    if (job ? !job.atRest() : !deps.recovered()) return false;
  }
  return open.size === 0;
}

function heldJobsAtRest(deps: UpkeepDeps, storeId: string): boolean {
  for (const job of deps.jobs()) if (job.storeId === storeId && !job.atRest()) return false;
  return true;
}
