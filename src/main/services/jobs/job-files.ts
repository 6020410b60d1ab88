import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonFile, writeFileAtomic, writeJsonAtomic } from '../fs/atomic-file';
import { JOB_STATUSES, JobEditSchema, ROW_STATUSES, type JobStatus, type JsonValue, type RowStatus } from './edit-schema';
import type { CatalogOutcome } from '../authoring/job-model';
import { JobRecord, type JobDefinition, type RowState } from './job-record';

/**
 * Job files under dataDir/jobs/{id}/: job.json (the definition, written once) and state.json
 * (status, counters, every row's outcome), both replaced atomically. state.json is a cache of
 * the truth for applied rows: the journal wins when they disagree (see recovery).
 */
interface StateFile {
  version: 1;
  status: JobStatus;
  requests: number;
  elapsedMs: number;
  rateLimitWaitMs: number;
  finishedAt?: string;
  error?: string;
  /** One letter per edit, see CODES: 10,000 rows stay a 10 kB string. */
  rows: string;
  details: Record<string, { message?: string; serverValue?: JsonValue; outcome?: CatalogOutcome }>;
}

const CODES: Record<RowStatus, string> = { pending: 'p', applied: 'a', failed: 'f', conflict: 'c', skipped: 's' };
const STATUS_OF_CODE = new Map(Object.entries(CODES).map(([status, code]) => [code, status as RowStatus]));

export const jobsDir = (dataDir: string): string => join(dataDir, 'jobs');
const jobDir = (dataDir: string, id: string): string => join(jobsDir(dataDir), id);

export async function writeDefinition(dataDir: string, def: JobDefinition): Promise<void> {
  // Compact: 10,000 edits pretty-printed would be ~1.5 MB for nobody to read.
  await writeFileAtomic(join(jobDir(dataDir, def.id), 'job.json'), `${JSON.stringify(def)}\n`);
}

export async function writeState(dataDir: string, job: JobRecord): Promise<void> {
  const details: StateFile['details'] = {};
  job.rows.forEach((row, i) => {
    if (row.message !== undefined || row.serverValue !== undefined || row.outcome !== undefined) {
      details[i] = { message: row.message, ...(row.serverValue !== undefined ? { serverValue: row.serverValue } : {}), ...(row.outcome ? { outcome: row.outcome } : {}) };
    }
  });
  const state: StateFile = {
    version: 1,
    status: job.status,
    requests: job.requests,
    elapsedMs: job.elapsedMs,
    rateLimitWaitMs: job.rateLimitWaitMs,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    ...(job.error ? { error: job.error } : {}),
    rows: job.rows.map((row) => CODES[row.status]).join(''),
    details,
  };
  await writeJsonAtomic(join(jobDir(dataDir, job.def.id), 'state.json'), state);
}

/** Deletes a job's folder (a job whose definition could not be saved). */
export async function removeJob(dataDir: string, id: string): Promise<void> {
  await rm(jobDir(dataDir, id), { recursive: true, force: true });
}

export async function listJobIds(dataDir: string): Promise<string[]> {
  try {
    const entries = await readdir(jobsDir(dataDir), { withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function parseDefinition(raw: unknown, id: string): JobDefinition {
  const def = raw as JobDefinition | undefined;
  if (!def || def.version !== 1 || def.id !== id || !Array.isArray(def.edits)) {
    throw new Error(`job ${id}: job.json is missing or not a version-1 job definition`);
  }
  def.edits.forEach((edit) => JobEditSchema.parse(edit));
  if (def.changes !== undefined && (!Array.isArray(def.changes) || def.edits.length > 0 || def.changes.some((c) => typeof c?.work?.op !== 'string'))) {
    throw new Error(`job ${id}: job.json has catalog changes that are not a list of rows`);
  }
  return def;
}

/** Load a job as last saved. A job whose state.json never got written is still queued. */
export async function loadJob(dataDir: string, id: string): Promise<JobRecord> {
  const def = parseDefinition(await readJsonFile(join(jobDir(dataDir, id), 'job.json')), id);
  const job = new JobRecord(def);
  const state = (await readJsonFile(join(jobDir(dataDir, id), 'state.json'))) as StateFile | undefined;
  if (!state) return job;
  if (state.version !== 1 || !JOB_STATUSES.includes(state.status) || state.rows.length !== job.size) {
    throw new Error(`job ${id}: state.json does not match its definition`);
  }
  job.status = state.status;
  job.requests = state.requests;
  job.elapsedMs = state.elapsedMs;
  job.rateLimitWaitMs = state.rateLimitWaitMs;
  job.finishedAt = state.finishedAt;
  job.error = state.error;
  for (let i = 0; i < state.rows.length; i++) {
    const status = STATUS_OF_CODE.get(state.rows[i]!);
    if (!status || !ROW_STATUSES.includes(status)) throw new Error(`job ${id}: unknown row code "${state.rows[i]}"`);
    if (status === 'pending' && !state.details[i]) continue;
    const row: RowState = { status, ...state.details[i] };
    if (row.message === undefined) delete row.message;
    job.set(i, row);
  }
  return job;
}
