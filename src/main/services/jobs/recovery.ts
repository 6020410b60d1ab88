import { BigCommerceError } from '../bigcommerce';
import { recordApplied, settle } from './batch-writer';
import { classifyAfterWrite, conflictStates, missingStates } from './classify';
import { ADAPTERS } from './entities';
import type { JobRecord, RowState } from './job-record';
import { JobEntry, type EntryDeps } from './job-entry';
import { settleCatalogSends } from './catalog-runner';
import { listJobIds, loadJob } from './job-files';
import { journalPath, readJournal, type IntentRecord, type JournalRecord } from './journal';
import { JobStopError, setRows, type ReadyItem, type RunContext } from './run-context';

/**
 * The journal is the truth about what a job applied. Replaying it over the saved job state
 * restores every applied row (state.json may be up to a second behind) and finds the requests
 * that went out with no recorded outcome: those are settled by asking the store.
 */
export function replayJournal(records: readonly JournalRecord[], jobs: ReadonlyMap<string, JobRecord>): Map<string, Map<string, IntentRecord>> {
  const open = new Map<string, Map<string, IntentRecord>>();
  for (const record of records) {
    const job = jobs.get(record.job);
    if (!job) continue;
    let intents = open.get(record.job);
    if (!intents) open.set(record.job, (intents = new Map()));
    if (record.type === 'intent') {
      intents.set(record.batch, record);
      continue;
    }
    intents.delete(record.batch);
    if (record.type !== 'applied') continue;
    for (const row of record.rows) for (const edit of row.edits) job.set(edit, { status: 'applied' });
  }
  return open;
}

/**
 * For each unanswered request, read its rows back: the store has every `to` → applied (journaled
 * now, with `before` = the checked `from`); every `from` → it never landed, the row keeps its state
 * (pending rows get sent on resume); anything else → conflict, reported with the store's value.
 */
export async function settleIntents(ctx: RunContext, intents: IntentRecord[]): Promise<void> {
  for (const intent of intents) {
    const adapter = ADAPTERS[intent.entity];
    const fields = [...new Set(intent.rows.flatMap((row) => Object.keys(row.fields)))];
    let current;
    try {
      current = await adapter.read(ctx.client, intent.rows.map((row) => row.id), fields);
    } catch (error) {
      if (!(error instanceof BigCommerceError)) throw error;
      throw new JobStopError(`Could not check what an unanswered request applied (${error.message}); try again later.`);
    }
    const applied: ReadyItem[] = [];
    const states: Array<[number, RowState]> = [];
    for (const row of intent.rows) {
      const verdict = classifyAfterWrite(intent.entity, row, current.get(row.id));
      if (verdict.kind === 'applied') {
        const before = Object.fromEntries(Object.entries(row.fields).map(([field, f]) => [field, f.from]));
        applied.push({ ...row, before });
      } else if (verdict.kind === 'missing') states.push(...missingStates(row));
      else if (verdict.kind === 'conflict') states.push(...conflictStates(intent.entity, row, verdict.server));
    }
    if (applied.length > 0) await recordApplied(ctx, intent, applied, 'recovered');
    else await settle(ctx, intent, 'not_applied', 'Checked after a restart: the store still has the old values');
    if (states.length > 0) setRows(ctx, states);
  }
}

/**
 * Every job saved under the data dir that `known` does not name, with its journal replayed over
 * its saved state (so applied rows are exact and unanswered requests are known).
 */
export async function loadSavedJobs(dataDir: string, entryDeps: EntryDeps, known: (id: string) => boolean): Promise<JobEntry[]> {
  const loaded: JobEntry[] = [];
  for (const id of await listJobIds(dataDir)) {
    if (known(id)) continue;
    try {
      loaded.push(new JobEntry(await loadJob(dataDir, id), entryDeps));
    } catch (error) {
      console.error(`[jobs] skipping job ${id}:`, error);
    }
  }
  for (const storeId of new Set(loaded.map((job) => job.storeId))) {
    const ofStore = loaded.filter((job) => job.storeId === storeId);
    const records = await readJournal(journalPath(dataDir, storeId));
    const open = replayJournal(records, new Map(ofStore.map((job) => [job.id, job.record])));
    ofStore.forEach((job) => (job.openIntents = open.get(job.id) ?? new Map()));
  }
  return loaded;
}

/** Settles a loaded job's unanswered requests; a job cut off while queued or running becomes `interrupted`. */
export async function recoverJob(job: JobEntry): Promise<void> {
  let error: string | undefined;
  if (job.openIntents.size > 0 || job.record.def.changes) {
    try {
      if (job.record.def.changes) await settleCatalogSends(job.context());
      else await settleIntents(job.context(), [...job.openIntents.values()]);
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
  }
  if (job.record.status === 'queued' || job.record.status === 'running') {
    await job.setStatus('interrupted', error ?? 'The app stopped while this job was running; resume to finish it.');
  } else {
    if (error) job.record.error = error;
    await job.save();
  }
}
