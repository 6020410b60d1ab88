import type { CatalogJob, CatalogJobRow, ChangeInput, NewVariant } from '../../../shared/contract/authoring';
import type { Raw } from './catalog-api';
import { NOT_RESTORED } from './recreate';

/**
 * What one row of a catalog job does. The staged ops, plus the two an undo needs: bring back a
 * deleted product or variant from the snapshot read just before it was deleted.
 */
export type Work =
  | ChangeInput
  | { op: 'recreateProduct'; snapshot: Raw }
  | { op: 'recreateVariant'; productId: number; snapshot: Raw };

export interface JobRow extends CatalogJobRow {
  work: Work;
  /** The staged change this row applies (apply jobs only). */
  stagedKey?: string;
  /** Read before a delete: what an undo recreates. */
  snapshot?: Raw;
  /** Set while a create's POST may be on its way: after a crash, the SKU is looked up before anything else. */
  sending?: boolean;
}

export interface JobFile {
  version: 1;
  id: string;
  storeId: string;
  storeHash: string;
  title: string;
  kind: 'apply' | 'undo';
  undoOf?: string;
  undoneBy?: string;
  status: CatalogJob['status'];
  createdAt: string;
  finishedAt?: string;
  rows: JobRow[];
}

export const rowOp = (work: Work): CatalogJobRow['op'] =>
  work.op === 'recreateProduct' ? 'createProduct' : work.op === 'recreateVariant' ? 'createVariants' : work.op;

/** The SKU a create row makes, for the check after a lost answer or a crash. */
export function createdSku(work: Work): string | null {
  if (work.op === 'createProduct') return work.product.sku.trim();
  if (work.op === 'recreateProduct') return typeof work.snapshot.sku === 'string' ? work.snapshot.sku : null;
  return null;
}

export function summary(job: JobFile): CatalogJob {
  const done = job.rows.filter((r) => r.status === 'applied').length;
  const failed = job.rows.filter((r) => r.status === 'failed').length;
  const recreated = job.rows.some((r) => r.status === 'applied' && (r.work.op === 'recreateProduct' || r.work.op === 'recreateVariant'));
  return {
    id: job.id,
    storeId: job.storeId,
    title: job.title,
    kind: job.kind,
    ...(job.undoOf ? { undoOf: job.undoOf } : {}),
    status: job.status,
    total: job.rows.length,
    done,
    failed,
    createdAt: job.createdAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    undoable: job.status !== 'running' && done > 0 && !job.undoneBy,
    notRestored: recreated ? NOT_RESTORED : [],
    rows: job.rows.map(({ work: _w, stagedKey: _k, snapshot: _s, sending: _p, ...row }) => row),
  };
}

const productName = (snapshot: Raw): string => `“${String(snapshot.name ?? '')}” (${String(snapshot.sku ?? '')})`;
const variantName = (snapshot: Raw): string =>
  `variant ${String(snapshot.sku ?? '')}${Array.isArray(snapshot.option_values) ? ` (${(snapshot.option_values as Raw[]).map((o) => String(o.label)).join(', ')})` : ''}`;

function inverseOf(row: JobRow): Array<Pick<JobRow, 'work' | 'label'>> {
  const { work } = row;
  switch (work.op) {
    case 'createProduct':
    case 'recreateProduct':
      return row.productId ? [{ work: { op: 'deleteProduct', productId: row.productId }, label: `Delete ${row.label.replace(/^(New|Restore) product /, '')}` }] : [];
    case 'createVariants':
    case 'recreateVariant': {
      const productId = work.productId;
      return (row.variantIds ?? []).map((variantId) => ({ work: { op: 'deleteVariant', productId, variantId }, label: `Delete variant ${variantId} of product ${productId}` }));
    }
    case 'deleteProduct':
      return row.snapshot ? [{ work: { op: 'recreateProduct', snapshot: row.snapshot }, label: `Restore product ${productName(row.snapshot)}` }] : [];
    case 'deleteVariant':
      return row.snapshot ? [{ work: { op: 'recreateVariant', productId: work.productId, snapshot: row.snapshot }, label: `Restore ${variantName(row.snapshot)}` }] : [];
  }
}

/** The rows of the job that reverses a job's applied rows, last first. */
export function undoRows(job: JobFile): JobRow[] {
  return job.rows
    .filter((r) => r.status === 'applied')
    .reverse()
    .flatMap(inverseOf)
    .map(({ work, label }, i) => ({ key: `undo-${i}`, op: rowOp(work), label, status: 'pending' as const, work }));
}

export function variantLabel(v: NewVariant): string {
  return `${v.sku} (${v.option_values.map((o) => `${o.option_display_name} ${o.label}`).join(', ')})`;
}
