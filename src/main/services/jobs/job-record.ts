import { statusesInPhase } from '../../../shared/contract/job-lifecycle';
import type { CatalogOutcome, CatalogRowDef } from '../authoring/job-model';
import { editProblems, type CatalogJobRow, type JobEdit, type JobKind, type JobStatus, type RetryRows, type JobSummary, type JsonValue, type RowResult, type RowStatus } from './edit-schema';

/** What is written once, when a job is created (dataDir/jobs/{id}/job.json). */
export interface JobDefinition {
  version: 1;
  id: string;
  storeId: string;
  storeHash: string;
  title: string;
  kind: JobKind;
  undoOf?: string;
  retryOf?: string;
  createdAt: string;
  /** Empty for a catalog job. */
  edits: JobEdit[];
  /** A catalog job's rows (creates and deletes of products and variants), run in order. */
  changes?: CatalogRowDef[];
}

export interface RowState {
  status: RowStatus;
  message?: string;
  serverValue?: JsonValue;
  /** A catalog row's ids, snapshot and send mark (see catalog-runner.ts). */
  outcome?: CatalogOutcome;
}

// From the one lifecycle table (shared with the renderer's Activity).
export const TERMINAL: ReadonlySet<JobStatus> = statusesInPhase('terminal');
/** Neither queued nor running: the job will not change its rows by itself. */
export const AT_REST: ReadonlySet<JobStatus> = statusesInPhase('terminal', 'resumable');

type Counts = Record<RowStatus, number>;

/**
 * The live state of one job: definition, one RowState per edit, counters kept in step with the
 * rows, and time accounting. Pure data + arithmetic; persistence and HTTP live elsewhere.
 */
export class JobRecord {
  readonly rows: RowState[];
  readonly counts: Counts = { pending: 0, applied: 0, failed: 0, conflict: 0, skipped: 0 };
  status: JobStatus = 'queued';
  requests = 0;
  /** Finished runs only; the current run is added in summary(). */
  elapsedMs = 0;
  rateLimitWaitMs = 0;
  finishedAt?: string;
  error?: string;
  /** Requests this run expects to make, and `requests` when it began (for the ETA). */
  plan: { requests: number; requestsAtStart: number } | null = null;
  private run: { since: number; waitBaseline: number; settledAtStart: number } | null = null;

  constructor(readonly def: JobDefinition) {
    this.rows = Array.from({ length: this.size }, () => ({ status: 'pending' }));
    this.counts.pending = this.size;
  }

  /** Rows: one per edit, or per change of a catalog job. */
  get size(): number {
    return this.def.changes?.length ?? this.def.edits.length;
  }

  get edits(): JobEdit[] {
    return this.def.edits;
  }

  set(index: number, next: RowState): void {
    const row = this.rows[index];
    if (!row) throw new RangeError(`job ${this.def.id} has no edit ${index}`);
    this.counts[row.status]--;
    this.counts[next.status]++;
    this.rows[index] = next;
  }

  pendingIndexes(): number[] {
    const out: number[] = [];
    this.rows.forEach((row, i) => row.status === 'pending' && out.push(i));
    return out;
  }

  startRun(now: number, waitedMs: number): void {
    this.run = { since: now, waitBaseline: waitedMs, settledAtStart: this.size - this.counts.pending };
  }

  endRun(now: number, waitedMs: number): void {
    if (!this.run) return;
    this.elapsedMs += Math.max(0, now - this.run.since);
    this.rateLimitWaitMs += Math.max(0, waitedMs - this.run.waitBaseline);
    this.run = null;
  }

  summary(now: number, waitedMs: number): JobSummary {
    const runMs = this.run ? Math.max(0, now - this.run.since) : 0;
    const runWait = this.run ? Math.max(0, waitedMs - this.run.waitBaseline) : 0;
    const { def, counts } = this;
    return {
      id: def.id,
      storeId: def.storeId,
      storeHash: def.storeHash,
      title: def.title,
      kind: def.kind,
      ...(def.undoOf ? { undoOf: def.undoOf } : {}),
      ...(def.retryOf ? { retryOf: def.retryOf } : {}),
      status: this.status,
      total: this.size,
      done: counts.applied,
      failed: counts.failed,
      conflicts: counts.conflict,
      skipped: counts.skipped,
      pending: counts.pending,
      requests: this.requests,
      rateLimitWaitMs: Math.round(this.rateLimitWaitMs + runWait),
      elapsedMs: Math.round(this.elapsedMs + runMs),
      etaMs: this.eta(runMs),
      createdAt: def.createdAt,
      ...(this.finishedAt ? { finishedAt: this.finishedAt } : {}),
      ...(this.error ? { error: this.error } : {}),
      ...(def.changes ? { catalog: true } : {}),
    };
  }

  /** Remaining rows at this run's pace so far (a quota-bound job settles rows at a steady rate). */
  private eta(runMs: number): number | null {
    if (this.counts.pending === 0) return 0;
    if (!this.run || runMs <= 0) return null;
    const settled = this.size - this.counts.pending - this.run.settledAtStart;
    if (settled <= 0) return null;
    return Math.round((runMs / settled) * this.counts.pending);
  }

  /** The edits an undo runs: the inverse of every applied row, checked for conflicts like any edit. */
  undoEdits(): JobEdit[] {
    const edits: JobEdit[] = [];
    this.rows.forEach((row, i) => {
      const edit = this.def.edits[i]!;
      if (row.status === 'applied') edits.push({ ...edit, from: edit.to, to: edit.from });
    });
    return edits;
  }

  /**
   * The edits a retry runs: every failed row as it was (its `from` still guards it), or every
   * conflict row expecting the value the store reported instead, so it is written only if the
   * store still has what the operator was shown. A conflict whose store value is not a valid
   * `from` for the field (none reported, or outside the editable range) stays out.
   */
  retryEdits(rows: RetryRows): JobEdit[] {
    const edits: JobEdit[] = [];
    this.rows.forEach((row, i) => {
      const edit = this.def.edits[i]!;
      if (rows === 'failed' && row.status === 'failed') edits.push(edit);
      if (rows !== 'conflicts' || row.status !== 'conflict' || row.serverValue === undefined) return;
      const candidate = { ...edit, from: row.serverValue };
      if (editProblems(candidate).length === 0) edits.push(candidate);
    });
    return edits;
  }

  rowResults(): RowResult[] {
    if (this.def.changes) return [];
    return this.rows.map((row, index) => ({ index, edit: this.def.edits[index]!, ...row }));
  }

  /** A catalog job's rows as the renderer sees them (no snapshots, no work). */
  changeResults(): CatalogJobRow[] | undefined {
    return this.def.changes?.map((def, i) => catalogJobRow(def, this.rows[i]!));
  }
}

/** A catalog job's row as the renderer sees it (no snapshots, no work). */
export function catalogJobRow(def: CatalogRowDef, row: { status: CatalogJobRow['status']; message?: string; outcome?: CatalogOutcome }): CatalogJobRow {
  const { status, message, outcome } = row;
  return {
    key: def.key,
    op: def.op,
    label: def.label,
    status,
    ...(message !== undefined ? { message } : {}),
    ...(outcome?.field !== undefined ? { field: outcome.field } : {}),
    ...(outcome?.productId !== undefined ? { productId: outcome.productId } : {}),
    ...(outcome?.variantIds ? { variantIds: outcome.variantIds } : {}),
  };
}
