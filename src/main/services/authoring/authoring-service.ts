import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/rpc';
import type { CatalogJob, ChangeInput, StagedChange, Taxonomy } from '../../../shared/contract/authoring';
import type { RowsChanged } from '../../../shared/contract';
import type { BigCommerceService, Clock } from '../bigcommerce';
import type { CatalogService } from '../catalog';
import { collectV3 } from '../bigcommerce';
import { listJobFiles, writeJob } from './job-files';
import { summary, undoRows, type JobFile, type JobRow } from './job-model';
import { patchCatalog } from './patch-catalog';
import { runRow, StopJob } from './run-row';
import { recoverJob } from './recover';
import { changeKey, checkChange, checkContext, describeChange, loadStaged, refuseProblems, saveStaged } from './staged-changes';
import { expandChange, restage } from './expand';

export interface AuthoringServiceDeps {
  dataDir: string;
  bigcommerce: Pick<BigCommerceService, 'clientFor'>;
  catalog: Pick<CatalogService, 'snapshot' | 'refreshIds'>;
  storeHash(storeId: string): string;
  clock?: Clock;
  onChanged?(event: { storeId: string; count: number }): void;
  onProgress?(job: CatalogJob): void;
  onRowsChanged?(change: RowsChanged): void;
  log?(line: string): void;
}

export interface AuthoringService {
  list(storeId: string): Promise<{ changes: StagedChange[] }>;
  stage(storeId: string, changes: ChangeInput[]): Promise<{ changes: StagedChange[] }>;
  discard(storeId: string, keys?: string[]): Promise<{ changes: StagedChange[] }>;
  apply(storeId: string, title: string): Promise<CatalogJob>;
  jobs(storeId: string): Promise<CatalogJob[]>;
  undo(jobId: string): Promise<CatalogJob>;
  taxonomy(storeId: string): Promise<Taxonomy>;
  /** Once at startup: jobs cut off by a crash are settled and their unapplied changes staged again. */
  recover(): Promise<void>;
  /** Resolves when the job has finished. */
  waitFor(jobId: string): Promise<CatalogJob>;
  close(): Promise<void>;
}

export function createAuthoringService(deps: AuthoringServiceDeps): AuthoringService {
  const log = deps.log ?? ((line: string) => console.error(line));
  const staged = new Map<string, Promise<StagedChange[]>>();
  const jobs = new Map<string, JobFile>();
  const runs = new Map<string, Promise<void>>();
  let loaded: Promise<void> | null = null;
  // One change at a time per service: staging and applying read and replace the same lists.
  let lock: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = lock.then(task);
    lock = next.catch(() => {});
    return next;
  };

  const stagedOf = (storeId: string): Promise<StagedChange[]> => {
    let found = staged.get(storeId);
    if (!found) staged.set(storeId, (found = loadStaged(deps.dataDir, storeId)));
    return found;
  };

  async function setStaged(storeId: string, changes: StagedChange[]): Promise<{ changes: StagedChange[] }> {
    await saveStaged(deps.dataDir, storeId, changes);
    staged.set(storeId, Promise.resolve(changes));
    deps.onChanged?.({ storeId, count: changes.length });
    return { changes };
  }

  /** Jobs on disk, once; a job cut off by a crash is settled (creates looked up by SKU) and marked interrupted. */
  function loadJobs(): Promise<void> {
    loaded ??= (async () => {
      for (const job of await listJobFiles(deps.dataDir)) {
        jobs.set(job.id, job);
        if (job.status !== 'running') continue;
        await recoverJob(job, deps.bigcommerce.clientFor(job.storeId), deps.dataDir).catch((e: unknown) => log(`[authoring] ${String(e)}`));
        if (job.kind === 'apply') await setStaged(job.storeId, restage(job, await stagedOf(job.storeId)));
      }
    })();
    return loaded;
  }

  async function stage(storeId: string, input: ChangeInput[]) {
    return serial(async () => {
      const current = await stagedOf(storeId);
      const snapshot = await deps.catalog.snapshot(storeId);
      const products = new Map((snapshot?.products ?? []).map((p) => [p.id, p]));
      const next = [...current];
      const at = new Date((deps.clock?.now ?? Date.now)()).toISOString();
      input.forEach((change, index) => {
        const problems = checkChange(change, checkContext(snapshot, next), products, index);
        if (problems.length > 0) refuseProblems(problems);
        const key = changeKey(change);
        const entry = { ...change, key, label: describeChange(change, products), stagedAt: at } as StagedChange;
        const same = next.findIndex((c) => c.key === key);
        if (same >= 0) next[same] = entry;
        else next.push(entry);
      });
      return setStaged(storeId, next);
    });
  }

  function progress(job: JobFile): Promise<void> {
    deps.onProgress?.(summary(job));
    return writeJob(deps.dataDir, job);
  }

  async function run(job: JobFile): Promise<void> {
    const client = deps.bigcommerce.clientFor(job.storeId);
    const rowDeps = { client, ...(deps.clock ? { clock: deps.clock } : {}), save: () => writeJob(deps.dataDir, job) };
    try {
      for (const row of job.rows) {
        await runRow(rowDeps, row);
        await progress(job);
      }
      job.status = job.rows.some((r) => r.status === 'failed') ? 'completed_with_errors' : 'completed';
    } catch (error) {
      if (!(error instanceof StopJob)) log(`[authoring] job ${job.id}: ${String(error)}`);
      job.status = 'failed';
      for (const row of job.rows) if (row.status === 'pending') Object.assign(row, { status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
    job.finishedAt = new Date((deps.clock?.now ?? Date.now)()).toISOString();
    await progress(job);
    if (job.kind === 'apply') await serial(async () => setStaged(job.storeId, restage(job, await stagedOf(job.storeId))));
    await patchCatalog(job, deps.catalog, deps.onRowsChanged).catch((e: unknown) => log(`[authoring] could not patch the catalog after ${job.id}: ${String(e)}`));
  }

  function start(job: JobFile): CatalogJob {
    jobs.set(job.id, job);
    const running = progress(job).then(() => run(job));
    runs.set(job.id, running.catch((e: unknown) => log(`[authoring] job ${job.id} could not run: ${String(e)}`)));
    return summary(job);
  }

  function newJob(storeId: string, title: string, kind: JobFile['kind'], rows: JobRow[], undoOf?: string): JobFile {
    const now = (deps.clock?.now ?? Date.now)();
    const id = `c${now.toString(36)}-${randomBytes(4).toString('hex')}`;
    return { version: 1, id, storeId, storeHash: deps.storeHash(storeId), title, kind, ...(undoOf ? { undoOf } : {}), status: 'running', createdAt: new Date(now).toISOString(), rows };
  }

  const busy = (storeId: string) => [...jobs.values()].some((j) => j.storeId === storeId && j.status === 'running');

  return {
    list: async (storeId) => ({ changes: await stagedOf(storeId) }),
    stage,
    discard: (storeId, keys) =>
      serial(async () => setStaged(storeId, keys ? (await stagedOf(storeId)).filter((c) => !keys.includes(c.key)) : [])),
    apply: (storeId, title) =>
      serial(async () => {
        await loadJobs();
        const changes = await stagedOf(storeId);
        if (changes.length === 0) throw new AppError('CONFLICT', 'Nothing is staged to create or delete');
        if (busy(storeId)) throw new AppError('CONFLICT', 'A catalog job of this store is still running');
        const job = newJob(storeId, title, 'apply', changes.flatMap(expandChange));
        await setStaged(storeId, []);
        return start(job);
      }),
    async jobs(storeId) {
      await loadJobs();
      return [...jobs.values()].filter((j) => j.storeId === storeId).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(summary);
    },
    undo: (jobId) =>
      serial(async () => {
        await loadJobs();
        const job = jobs.get(jobId);
        if (!job) throw new AppError('NOT_FOUND', `No catalog job ${jobId}`);
        if (!summary(job).undoable) throw new AppError('CONFLICT', `Catalog job ${jobId} has nothing to undo (still running, applied nothing, or undone already)`);
        if (busy(job.storeId)) throw new AppError('CONFLICT', 'A catalog job of this store is still running');
        const undo = newJob(job.storeId, `Undo: ${job.title}`.slice(0, 200), 'undo', undoRows(job), job.id);
        job.undoneBy = undo.id;
        await writeJob(deps.dataDir, job);
        return start(undo);
      }),
    async taxonomy(storeId) {
      const client = deps.bigcommerce.clientFor(storeId);
      const [categories, brands] = await Promise.all([
        collectV3<Record<string, unknown>>(client, { path: '/catalog/categories', query: { include_fields: 'id,name,parent_id' }, priority: 'interactive' }),
        collectV3<Record<string, unknown>>(client, { path: '/catalog/brands', query: { include_fields: 'id,name' }, priority: 'interactive' }),
      ]);
      return {
        categories: categories.map((c) => ({ id: Number(c.id), name: String(c.name), parent_id: Number(c.parent_id ?? 0) })),
        brands: brands.map((b) => ({ id: Number(b.id), name: String(b.name) })),
      };
    },
    recover: () => serial(loadJobs),
    async waitFor(jobId) {
      await runs.get(jobId);
      const job = jobs.get(jobId);
      if (!job) throw new AppError('NOT_FOUND', `No catalog job ${jobId}`);
      return summary(job);
    },
    async close() {
      await Promise.all(runs.values());
      await lock;
    },
  };
}
