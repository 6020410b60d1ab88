import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type z } from 'zod';
import type { JobSummary } from '../../../shared/contract/jobs-schema';
import { StoreHash, StoreId } from '../../../shared/contract/stores';
import { ApplyStagedParams, DiscardParams, StageParams, stagedKey, type StagedEdit, type StagingCount } from '../../../shared/contract/staging';
import { AppError, validationError } from '../../../shared/rpc';
import { AT_REST, TERMINAL, type JobsService } from '../jobs';
import { reconcileJob, sameValue, withoutJob } from './reconcile';
import type { EditChecks } from './edit-checks';
import { applyOp, loadStaging, openStagingLog, stagingPaths, type StagingLog, type StagingOp } from './staging-log';

/** The contract's params plus the store hash the handler resolved (as jobs.start takes it). */
const ApplyInput = ApplyStagedParams.extend({ storeHash: StoreHash });

export interface StagingServiceDeps {
  dataDir: string;
  jobs: Pick<JobsService, 'start' | 'get'>;
  now?: () => number;
  onChanged?: (event: { storeId: string; revision: number; count: number }) => void;
  /** Compaction policy (see staging-log.ts); defaults 4 MiB and 10. */
  compactBytes?: number;
  compactRatio?: number;
  log?: (line: string) => void;
  /** Store-aware value checks (decimal places, SKUs); the contract's own checks always run. */
  check?: EditChecks;
}

export interface StagingService {
  list(storeId: string): Promise<{ revision: number; edits: StagedEdit[] }>;
  stage(input: { storeId: string; edits: unknown[]; rebase?: boolean }): Promise<StagingCount>;
  discard(input: { storeId: string; keys?: string[] }): Promise<StagingCount>;
  apply(input: { storeId: string; storeHash: string; title: string; keys?: string[] }): Promise<JobSummary>;
  /** Feed every job event here: a job staging started that comes to rest is reconciled. */
  onJob(job: JobSummary): void;
  /** Once at startup, after jobs.recover(): settle edits whose job ended (or vanished) while we were down. */
  recover(): Promise<void>;
  close(): Promise<void>;
}

interface StoreState {
  id: string;
  revision: number;
  edits: Map<string, StagedEdit>;
  /** Keys handed to jobs.start that have no jobId yet: neither restaged nor discarded meanwhile. */
  reserved: Set<string>;
  log: StagingLog;
}

export function createStagingService(deps: StagingServiceDeps): StagingService {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((line: string) => console.error(line));
  const stores = new Map<string, Promise<StoreState>>();
  /** Job id → store id, for the jobs staging started and has not seen reach a final status. */
  const tracked = new Map<string, string>();
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  function store(storeId: string): Promise<StoreState> {
    if (closed) return Promise.reject(new AppError('CONFLICT', 'The staging service is shutting down'));
    let found = stores.get(storeId);
    if (!found) {
      found = open(storeId);
      stores.set(storeId, found);
      found.catch(() => stores.delete(storeId));
    }
    return found;
  }

  async function open(storeId: string): Promise<StoreState> {
    const paths = stagingPaths(deps.dataDir, storeId);
    const loaded = await loadStaging(paths);
    const state: StoreState = { id: storeId, revision: loaded.revision, edits: loaded.edits, reserved: new Set(), log: null as unknown as StagingLog };
    state.log = openStagingLog({
      paths,
      compactBytes: deps.compactBytes ?? 4 * 1024 * 1024,
      compactRatio: deps.compactRatio ?? 10,
      logBytes: loaded.logBytes,
      logRecords: loaded.logRecords,
      snapshot: () => ({ version: 1, revision: state.revision, edits: [...state.edits.values()] }),
      liveCount: () => state.edits.size,
      onCompactError: (error) => log(`[staging] could not compact ${storeId}: ${String(error)}`),
    });
    for (const edit of state.edits.values()) {
      if (edit.jobId) tracked.set(edit.jobId, storeId);
      // A job that left notes and may still be resumed (see StagedNoteSchema.jobId).
      else if (edit.note?.jobId && edit.note.status === 'skipped') tracked.set(edit.note.jobId, storeId);
    }
    return state;
  }

  /** Applies the operation in memory (synchronously, so operations reach the log in order) and waits until it is durable. */
  async function commit(state: StoreState, op: Omit<StagingOp, 'rev'>): Promise<StagingCount> {
    state.revision += 1;
    const full: StagingOp = { rev: state.revision, ...op };
    applyOp(state.edits, full);
    try {
      await state.log.append(full);
    } catch (error) {
      // Memory is ahead of the disk now: forget it, the next call reloads what was acknowledged.
      if (stores.get(state.id) !== undefined) stores.delete(state.id);
      void state.log.close().catch(() => {});
      throw new AppError('INTERNAL', `Could not save the staged edits: ${error instanceof Error ? error.message : String(error)}`);
    }
    const result = { revision: state.revision, count: state.edits.size };
    deps.onChanged?.({ storeId: state.id, ...result });
    return result;
  }

  function holder(state: StoreState, key: string): string | null {
    const jobId = state.edits.get(key)?.jobId;
    if (jobId) return `job ${jobId}`;
    return state.reserved.has(key) ? 'a job being started' : null;
  }

  async function stage(input: { storeId: string; edits: unknown[]; rebase?: boolean }): Promise<StagingCount> {
    const { storeId, edits, rebase } = parse(StageParams, input);
    await deps.check?.(storeId, edits);
    const state = await store(storeId);
    for (const edit of edits) {
      const by = holder(state, stagedKey(edit));
      if (by) throw new AppError('CONFLICT', `${stagedKey(edit)} is being applied by ${by}; wait for it to finish before changing it`);
    }
    const stagedAt = new Date(now()).toISOString();
    const put: StagedEdit[] = [];
    const del: string[] = [];
    for (const edit of edits) {
      const key = stagedKey(edit);
      const existing = state.edits.get(key);
      const from = existing && !rebase ? existing.from : edit.from;
      if (sameValue(edit.entity, edit.field, edit.to, from)) {
        if (existing) del.push(key);
        continue;
      }
      const productId = edit.productId ?? existing?.productId;
      put.push({
        entity: edit.entity,
        id: edit.id,
        ...(productId !== undefined && { productId }),
        field: edit.field,
        from,
        to: edit.to,
        stagedAt: existing?.stagedAt ?? stagedAt,
      });
    }
    if (put.length === 0 && del.length === 0) return { revision: state.revision, count: state.edits.size };
    return commit(state, { ...(del.length > 0 && { del }), ...(put.length > 0 && { put }) });
  }

  async function discard(input: { storeId: string; keys?: string[] }): Promise<StagingCount> {
    const { storeId, keys } = parse(DiscardParams, input);
    const state = await store(storeId);
    // Discarding everything leaves what jobs are applying (as apply without keys skips it).
    const chosen = keys ? [...new Set(keys)] : [...state.edits.keys()].filter((key) => !holder(state, key));
    for (const key of chosen) {
      const by = holder(state, key);
      if (by) throw new AppError('CONFLICT', `${key} is being applied by ${by}; it cannot be discarded now`);
    }
    const del = chosen.filter((key) => state.edits.has(key));
    if (del.length === 0) return { revision: state.revision, count: state.edits.size };
    return commit(state, del.length === state.edits.size ? { clear: true } : { del });
  }

  async function apply(input: { storeId: string; storeHash: string; title: string; keys?: string[] }): Promise<JobSummary> {
    const { storeId, storeHash, title, keys } = parse(ApplyInput, input);
    const state = await store(storeId);
    let chosen: string[];
    if (keys) {
      chosen = [...new Set(keys)];
      for (const key of chosen) {
        if (!state.edits.has(key)) throw new AppError('NOT_FOUND', `Nothing is staged for ${key}`);
        const by = holder(state, key);
        if (by) throw new AppError('CONFLICT', `${key} is already being applied by ${by}`);
      }
    } else chosen = [...state.edits.keys()].filter((key) => !holder(state, key));
    if (chosen.length === 0) throw new AppError('CONFLICT', 'Nothing staged to apply');

    const edits = chosen.map((key) => {
      const { entity, id, productId, field, from, to } = state.edits.get(key)!;
      return { entity, id, ...(productId !== undefined && { productId }), field, from, to };
    });
    for (const key of chosen) state.reserved.add(key);
    let job: JobSummary;
    try {
      job = await deps.jobs.start({ storeId, storeHash, title, edits });
    } finally {
      for (const key of chosen) state.reserved.delete(key);
    }
    tracked.set(job.id, storeId);
    await commit(state, { put: chosen.map((key) => ({ ...withoutJob(state.edits.get(key)!), jobId: job.id })) });
    // A small job (all conflicts, say) can be at rest before we recorded it.
    if (AT_REST.has(deps.jobs.get(job.id).status)) await track(reconcile(job.id));
    return job;
  }

  async function reconcile(jobId: string): Promise<void> {
    const storeId = tracked.get(jobId);
    if (storeId === undefined) return;
    const state = await store(storeId);
    let detail;
    try {
      detail = deps.jobs.get(jobId);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
      // The job is gone (its files removed): its edits are simply staged again.
      tracked.delete(jobId);
      const put = [...state.edits.values()].filter((e) => e.jobId === jobId).map((e) => withoutJob(e, e.note));
      if (put.length > 0) await commit(state, { put });
      return;
    }
    if (!AT_REST.has(detail.status)) return;
    if (TERMINAL.has(detail.status)) tracked.delete(jobId);
    const { del, put } = reconcileJob(state.edits, detail, state.reserved);
    if (del.length > 0 || put.length > 0) await commit(state, { ...(del.length > 0 && { del }), ...(put.length > 0 && { put }) });
  }

  function track(task: Promise<void>): Promise<void> {
    inFlight.add(task);
    return task.finally(() => inFlight.delete(task));
  }

  async function recover(): Promise<void> {
    let names: string[] = [];
    try {
      names = await readdir(join(deps.dataDir, 'staging'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const ids = new Set(names.map((n) => n.replace(/(\.snapshot\.json|\.jsonl)$/, '')).filter((id) => StoreId.safeParse(id).success));
    await Promise.all([...ids].map((id) => store(id)));
    await Promise.all([...tracked.keys()].map((jobId) => track(reconcile(jobId))));
  }

  return {
    async list(storeId) {
      const state = await store(parse(StoreId, storeId));
      return { revision: state.revision, edits: [...state.edits.values()] };
    },
    stage,
    discard,
    apply,
    onJob(job) {
      if (closed || !tracked.has(job.id) || !AT_REST.has(job.status)) return;
      void track(reconcile(job.id)).catch((error: unknown) => log(`[staging] could not reconcile job ${job.id}: ${String(error)}`));
    },
    recover,
    async close() {
      await Promise.allSettled([...inFlight]);
      closed = true;
      const all = await Promise.allSettled([...stores.values()]);
      stores.clear();
      await Promise.all(all.map((s) => (s.status === 'fulfilled' ? s.value.log.close() : undefined)));
    },
  };
}

/** Validation in main, through the contract's own schemas (the dispatcher did it too; direct callers did not). */
function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw validationError('Invalid staged edits', parsed.error.issues);
}
