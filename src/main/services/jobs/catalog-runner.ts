import { StopJob, runRow } from '../authoring/run-row';
import { settleSending } from '../authoring/recover';
import { undoRows, type CatalogRowDef, type RunRow } from '../authoring/job-model';
import type { RetryRows } from './edit-schema';
import type { JobRecord, RowState } from './job-record';
import { JobStopError, type RunContext } from './run-context';

/**
 * A catalog job (product and variant creates and deletes, issue 11) in the one jobs engine: its
 * rows run in order, one request sequence each, through the store's client (so the store limiter
 * paces them like any job's), and a pause or cancel takes effect between rows. What a row learns
 * (ids made, the snapshot read before a delete, a create's send mark) is its `outcome`, saved with
 * the job's state; a create's send mark is on disk before its POST goes, so after a crash the SKU
 * is looked up instead of posting again (check-before-retry).
 */
export async function runCatalogJob(ctx: RunContext): Promise<void> {
  await ctx.saved;
  await settleCatalogSends(ctx);
  const defs = ctx.job.def.changes ?? [];
  for (const index of ctx.job.pendingIndexes()) {
    if (ctx.stopRequested()) return;
    const row = runRowOf(defs[index]!, ctx.job.rows[index]!);
    try {
      const save = () => (store(ctx, index, row), ctx.save());
      await runRow({ client: ctx.client, clock: ctx.clock, save }, row);
    } catch (error) {
      store(ctx, index, row);
      if (error instanceof StopJob) throw new JobStopError(error.message);
      throw error;
    }
    store(ctx, index, row);
    ctx.changed();
  }
}

/** Rows whose POST may have gone out before a stop: looked up by SKU (see settleSending). */
export async function settleCatalogSends(ctx: RunContext): Promise<void> {
  const defs = ctx.job.def.changes ?? [];
  let settled = false;
  for (const [index, state] of ctx.job.rows.entries()) {
    if (!state.outcome?.sending) continue;
    const row = runRowOf(defs[index]!, state);
    await settleSending(ctx.client, row);
    store(ctx, index, row);
    settled = true;
  }
  if (settled) {
    ctx.changed();
    await ctx.save();
  }
}

function runRowOf(def: CatalogRowDef, state: RowState): RunRow {
  return { work: def.work, status: state.status === 'applied' || state.status === 'failed' ? state.status : 'pending', ...(state.message !== undefined ? { message: state.message } : {}), ...state.outcome };
}

function store(ctx: RunContext, index: number, row: RunRow): void {
  const { work: _work, status, message, ...outcome } = row;
  ctx.job.set(index, { status, ...(message !== undefined ? { message } : {}), ...(Object.keys(outcome).length > 0 ? { outcome } : {}) });
}

/** A catalog job's rows with their state, for undo, retry and the authoring service's reconcile. */
export function catalogRows(record: JobRecord): CatalogRowResult[] {
  return (record.def.changes ?? []).map((def, i) => ({ def, ...record.rows[i]! }));
}

export interface CatalogRowResult extends RowState {
  def: CatalogRowDef;
}

/** The changes of a catalog job's undo: the inverse of every applied row, last first. */
export function catalogUndoChanges(record: JobRecord): CatalogRowDef[] {
  return undoRows(catalogRows(record).map(({ def, status, outcome }) => ({ def, status, ...(outcome ? { outcome } : {}) })));
}

/**
 * The changes of a catalog job's retry: its failed rows as they were (a create goes through the
 * same check-before-retry). A catalog row has no conflicts, so a retry of conflicts has none.
 */
export function catalogRetryChanges(record: JobRecord, rows: RetryRows): CatalogRowDef[] {
  if (rows !== 'failed') return [];
  return catalogRows(record)
    .filter((r) => r.status === 'failed')
    .map(({ def }, i) => ({ ...def, key: `retry-${i}` }));
}
