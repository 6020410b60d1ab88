import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogJobRow } from '../../../shared/contract/authoring';
import { readJsonFile } from '../fs/atomic-file';
import { jobsDir, writeDefinition, writeState } from '../jobs/job-files';
import { JobRecord, type JobDefinition } from '../jobs/job-record';
import type { CatalogOutcome, CatalogRowDef } from './job-model';
import { loadStaged, saveStaged } from './staged-changes';

/** A job file of the authoring service's own engine (before catalog jobs ran in the jobs engine). */
interface LegacyJob {
  version: 1;
  id: string;
  storeId: string;
  storeHash: string;
  title: string;
  kind: 'apply' | 'undo';
  undoOf?: string;
  status: 'running' | 'completed' | 'completed_with_errors' | 'failed' | 'interrupted';
  createdAt: string;
  finishedAt?: string;
  rows: Array<CatalogRowDef & CatalogOutcome & { status: CatalogJobRow['status']; message?: string }>;
}

const legacyDir = (dataDir: string) => join(dataDir, 'catalog-jobs');

function isLegacy(job: unknown): job is LegacyJob {
  const j = job as LegacyJob | undefined;
  return !!j && j.version === 1 && typeof j.id === 'string' && /^[a-z0-9]{1,16}-[0-9a-f]{8}$/.test(j.id) && typeof j.storeId === 'string' && Array.isArray(j.rows);
}

/** The same job in the jobs engine's files: its rows as catalog changes, their outcomes in its state. */
function converted(job: LegacyJob): JobRecord {
  const def: JobDefinition = {
    version: 1,
    id: job.id,
    storeId: job.storeId,
    storeHash: job.storeHash,
    title: job.title,
    kind: job.kind === 'apply' ? 'edit' : 'undo',
    ...(job.undoOf ? { undoOf: job.undoOf } : {}),
    createdAt: job.createdAt,
    edits: [],
    changes: job.rows.map(({ key, op, label, work, stagedKey }) => ({ key, op, label, work, ...(stagedKey ? { stagedKey } : {}) })),
  };
  const record = new JobRecord(def);
  job.rows.forEach(({ status, message, field, productId, variantIds, snapshot, sending }, i) => {
    const outcome: CatalogOutcome = { ...(field ? { field } : {}), ...(productId !== undefined ? { productId } : {}), ...(variantIds ? { variantIds } : {}), ...(snapshot ? { snapshot } : {}), ...(sending ? { sending } : {}) };
    record.set(i, { status, ...(message !== undefined ? { message } : {}), ...(Object.keys(outcome).length ? { outcome } : {}) });
  });
  // Running when it stopped: the jobs engine's recovery settles its sends and marks it interrupted (resumable).
  record.status = job.status;
  if (job.finishedAt) record.finishedAt = job.finishedAt;
  return record;
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/**
 * Once, before jobs.recover(): every job file the old engine left (`catalog-jobs/{id}.json`) becomes
 * a job of the jobs engine under the same id, so Activity lists it and its Undo still works. A job
 * that had finished is marked settled for its store's staged changes (the old engine had already
 * staged again what it did not apply); one cut off mid-run is recovered like any job. The old file
 * is deleted once its replacement is on disk; an unreadable one is left where it is.
 */
export async function migrateCatalogJobs(dataDir: string, log: (line: string) => void): Promise<void> {
  const names = await readdir(legacyDir(dataDir)).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const path = join(legacyDir(dataDir), name);
    try {
      const job = await readJsonFile(path);
      if (!isLegacy(job)) throw new Error('not a catalog job file');
      if (!(await exists(join(jobsDir(dataDir), job.id, 'job.json')))) {
        if (job.status !== 'running') {
          const staged = await loadStaged(dataDir, job.storeId);
          if (!staged.settledJobs.includes(job.id)) await saveStaged(dataDir, job.storeId, { ...staged, settledJobs: [...staged.settledJobs, job.id] });
        }
        const record = converted(job);
        await writeState(dataDir, record);
        await writeDefinition(dataDir, record.def);
      }
      await rm(path);
    } catch (error) {
      log(`[authoring] could not migrate catalog job ${name}: ${String(error)}`);
    }
  }
  await rmdir(legacyDir(dataDir)).catch(() => {});
}
