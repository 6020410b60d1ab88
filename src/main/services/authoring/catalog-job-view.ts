import { offeredJobActions, type JobSummary } from '../../../shared/contract';
import type { CatalogJob } from '../../../shared/contract/authoring';
import type { CatalogRowResult } from '../jobs/catalog-runner';
import { catalogJobRow } from '../jobs/job-record';
import { isRecreate } from './job-model';
import { NOT_RESTORED } from './recreate';

/**
 * A catalog job as the Products screen's review shows it (`authoring.jobs`, `authoring.progressed`):
 * the jobs engine's summary plus its rows, and whether Undo is still on offer.
 */
export function catalogJobView(summary: JobSummary, rows: readonly CatalogRowResult[], undone: boolean): CatalogJob {
  const recreated = rows.some((r) => r.status === 'applied' && isRecreate(r.def.work));
  return {
    id: summary.id,
    storeId: summary.storeId,
    title: summary.title,
    kind: summary.kind === 'edit' ? 'apply' : summary.kind,
    ...(summary.undoOf ? { undoOf: summary.undoOf } : {}),
    status: summary.status,
    total: summary.total,
    done: summary.done,
    failed: summary.failed,
    createdAt: summary.createdAt,
    ...(summary.finishedAt ? { finishedAt: summary.finishedAt } : {}),
    undoable: !undone && offeredJobActions(summary).includes('undo'),
    notRestored: recreated ? NOT_RESTORED : [],
    rows: rows.map((row) => catalogJobRow(row.def, row)),
  };
}
