import { AppError } from '../../../shared/rpc';
import { isAtRest, type JobSummary } from '../../../shared/contract';
import type { CatalogJob, ChangeInput, StagedChange, Taxonomy } from '../../../shared/contract/authoring';
import type { RowsChanged } from '../../../shared/contract';
import type { BigCommerceService, Clock } from '../bigcommerce';
import type { CatalogService } from '../catalog';
import type { JobsService } from '../jobs';
import { collectV3 } from '../bigcommerce';
import { catalogJobView } from './catalog-job-view';
import { patchCatalog } from './patch-catalog';
import { changeKey, checkChange, checkContext, describeChange, loadStaged, refuseProblems, saveStaged, type StagedFile } from './staged-changes';
import { expandChange, reconcileStaged } from './expand';

export interface AuthoringServiceDeps {
  dataDir: string;
  bigcommerce: Pick<BigCommerceService, 'clientFor'>;
  catalog: Pick<CatalogService, 'snapshot' | 'refreshIds'>;
  /** The one jobs engine: catalog jobs run, pause, resume, undo and retry there like edit jobs. */
  jobs: Pick<JobsService, 'startCatalog' | 'catalogRows' | 'undo' | 'list' | 'waitFor'>;
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
  /** Hears every job event (compose wires the jobs engine's onEvent here). */
  onJob(job: JobSummary): void;
  /** Once at startup, after jobs.recover(): catalog jobs that came to rest while Stockroom was down are reconciled. */
  recover(): Promise<void>;
  /** Resolves when the job is at rest and its staged changes and the catalog have caught up. */
  waitFor(jobId: string): Promise<CatalogJob>;
  close(): Promise<void>;
}

export function createAuthoringService(deps: AuthoringServiceDeps): AuthoringService {
  const log = deps.log ?? ((line: string) => console.error(line));
  const now = () => (deps.clock?.now ?? Date.now)();
  const files = new Map<string, Promise<StagedFile>>();
  const patched = new Map<string, Set<number>>();
  // One change at a time: staging, applying and reconciling read and replace the same lists.
  let lock: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = lock.then(task);
    lock = next.catch(() => {});
    return next;
  };

  const fileOf = (storeId: string): Promise<StagedFile> => {
    let found = files.get(storeId);
    if (!found) files.set(storeId, (found = loadStaged(deps.dataDir, storeId)));
    return found;
  };
  const stagedOf = async (storeId: string) => (await fileOf(storeId)).changes;

  async function save(storeId: string, next: Partial<StagedFile>): Promise<{ changes: StagedChange[] }> {
    const file = { ...(await fileOf(storeId)), ...next };
    await saveStaged(deps.dataDir, storeId, file);
    files.set(storeId, Promise.resolve(file));
    if (next.changes) deps.onChanged?.({ storeId, count: file.changes.length });
    return { changes: file.changes };
  }

  async function stage(storeId: string, input: ChangeInput[]) {
    return serial(async () => {
      const current = await stagedOf(storeId);
      const snapshot = await deps.catalog.snapshot(storeId);
      const products = new Map((snapshot?.products ?? []).map((p) => [p.id, p]));
      const next = [...current];
      const at = new Date(now()).toISOString();
      input.forEach((change, index) => {
        const problems = checkChange(change, checkContext(snapshot, next), products, index);
        if (problems.length > 0) refuseProblems(problems);
        const key = changeKey(change);
        const entry = { ...change, key, label: describeChange(change, products), stagedAt: at } as StagedChange;
        const same = next.findIndex((c) => c.key === key);
        if (same >= 0) next[same] = entry;
        else next.push(entry);
      });
      return save(storeId, { changes: next });
    });
  }

  const undone = (job: JobSummary) => deps.jobs.list(job.storeId).some((j) => j.undoOf === job.id && j.done > 0);
  const view = (job: JobSummary): CatalogJob => catalogJobView(job, deps.jobs.catalogRows(job.id), undone(job));
  const summaryOf = (jobId: string): JobSummary => {
    const job = deps.jobs.list().find((j) => j.id === jobId && j.catalog);
    if (!job) throw new AppError('NOT_FOUND', `No catalog job ${jobId}`);
    return job;
  };

  /** A catalog job at rest: its staged changes follow it, and the catalog takes what it applied. */
  async function settle(job: JobSummary): Promise<void> {
    const rows = deps.jobs.catalogRows(job.id);
    const file = await fileOf(job.storeId);
    const restage = job.status !== 'paused' && !file.settledJobs.includes(job.id);
    const changes = reconcileStaged(rows, file.changes, restage, job.createdAt);
    await save(job.storeId, { changes, ...(restage ? { settledJobs: [...file.settledJobs, job.id] } : {}) });
    const done = patched.get(job.id) ?? new Set<number>();
    patched.set(job.id, done);
    const fresh = rows.flatMap((r, i) => (r.status === 'applied' && !done.has(i) ? [i] : []));
    fresh.forEach((i) => done.add(i));
    const productIds = fresh.flatMap((i) => (rows[i]!.outcome?.productId !== undefined ? [rows[i]!.outcome!.productId!] : []));
    await patchCatalog({ storeId: job.storeId, id: job.id, productIds }, deps.catalog, deps.onRowsChanged).catch((e: unknown) =>
      log(`[authoring] could not patch the catalog after ${job.id}: ${String(e)}`),
    );
  }

  function onJob(job: JobSummary): void {
    if (!job.catalog) return;
    try {
      deps.onProgress?.(view(job));
      // The job it undoes is no longer undoable: say so too.
      const origin = job.undoOf && isAtRest(job.status) ? deps.jobs.list(job.storeId).find((j) => j.id === job.undoOf) : undefined;
      if (origin) deps.onProgress?.(view(origin));
    } catch (error) {
      log(`[authoring] progress of ${job.id}: ${String(error)}`);
    }
    if (isAtRest(job.status)) void serial(() => settle(job)).catch((e: unknown) => log(`[authoring] could not settle ${job.id}: ${String(e)}`));
  }

  return {
    list: async (storeId) => ({ changes: await stagedOf(storeId) }),
    stage,
    discard: (storeId, keys) => serial(async () => save(storeId, { changes: keys ? (await stagedOf(storeId)).filter((c) => !keys.includes(c.key)) : [] })),
    apply: (storeId, title) =>
      serial(async () => {
        const changes = await stagedOf(storeId);
        if (changes.length === 0) throw new AppError('CONFLICT', 'Nothing is staged to create or delete');
        const job = await deps.jobs.startCatalog({ storeId, storeHash: deps.storeHash(storeId), title, changes: changes.flatMap(expandChange) });
        // The job holds them now; when it comes to rest, what it did not apply is staged again (settle).
        await save(storeId, { changes: [] });
        return view(job);
      }),
    jobs: async (storeId) => deps.jobs.list(storeId).filter((j) => j.catalog).map(view),
    undo: async (jobId) => view(await deps.jobs.undo(summaryOf(jobId).id)),
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
    onJob,
    async recover() {
      for (const job of deps.jobs.list()) {
        if (!job.catalog || !isAtRest(job.status) || job.status === 'paused') continue;
        if (!(await fileOf(job.storeId)).settledJobs.includes(job.id)) await serial(() => settle(job));
      }
    },
    async waitFor(jobId) {
      await deps.jobs.waitFor(summaryOf(jobId).id);
      await lock;
      return view(summaryOf(jobId));
    },
    async close() {
      await lock;
    },
  };
}
