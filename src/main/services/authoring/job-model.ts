import type { CatalogJobRow, ChangeInput, NewVariant } from '../../../shared/contract/authoring';
import type { Raw } from './catalog-api';

/**
 * What one row of a catalog job does. The staged ops, plus the two an undo needs: bring back a
 * deleted product or variant from the snapshot read just before it was deleted.
 */
export type Work =
  | ChangeInput
  | { op: 'recreateProduct'; snapshot: Raw }
  | { op: 'recreateVariant'; productId: number; snapshot: Raw };

/** A row as the job's definition holds it (written once, with the job). */
export interface CatalogRowDef {
  key: string;
  op: CatalogJobRow['op'];
  label: string;
  work: Work;
  /** The staged change this row applies (apply jobs only). */
  stagedKey?: string;
}

/** What a row learned while it ran, kept with its state (state.json) so a restart knows it too. */
export interface CatalogOutcome {
  field?: string;
  productId?: number;
  variantIds?: number[];
  /** Read before a delete: what an undo recreates. */
  snapshot?: Raw;
  /** Set while a create's POST may be on its way: after a crash, the SKU is looked up before anything else. */
  sending?: boolean;
}

/** One row while it runs: its work, its status, and its outcome so far. */
export interface RunRow extends CatalogOutcome {
  work: Work;
  status: CatalogJobRow['status'];
  message?: string;
}

export const rowOp = (work: Work): CatalogJobRow['op'] =>
  work.op === 'recreateProduct' ? 'createProduct' : work.op === 'recreateVariant' ? 'createVariants' : work.op;

export const isRecreate = (work: Work): boolean => work.op === 'recreateProduct' || work.op === 'recreateVariant';

const productName = (snapshot: Raw): string => `“${String(snapshot.name ?? '')}” (${String(snapshot.sku ?? '')})`;
const variantName = (snapshot: Raw): string =>
  `variant ${String(snapshot.sku ?? '')}${Array.isArray(snapshot.option_values) ? ` (${(snapshot.option_values as Raw[]).map((o) => String(o.label)).join(', ')})` : ''}`;

/** The rows that reverse one applied row. */
function inverseOf(def: CatalogRowDef, outcome: CatalogOutcome): Array<Pick<CatalogRowDef, 'work' | 'label'>> {
  const { work } = def;
  switch (work.op) {
    case 'createProduct':
    case 'recreateProduct':
      return outcome.productId ? [{ work: { op: 'deleteProduct', productId: outcome.productId }, label: `Delete ${def.label.replace(/^(New|Restore) product /, '')}` }] : [];
    case 'createVariants':
    case 'recreateVariant': {
      const productId = work.productId;
      return (outcome.variantIds ?? []).map((variantId) => ({ work: { op: 'deleteVariant', productId, variantId }, label: `Delete variant ${variantId} of product ${productId}` }));
    }
    case 'deleteProduct':
      return outcome.snapshot ? [{ work: { op: 'recreateProduct', snapshot: outcome.snapshot }, label: `Restore product ${productName(outcome.snapshot)}` }] : [];
    case 'deleteVariant':
      return outcome.snapshot ? [{ work: { op: 'recreateVariant', productId: work.productId, snapshot: outcome.snapshot }, label: `Restore ${variantName(outcome.snapshot)}` }] : [];
  }
}

/** The rows of the job that reverses a job's applied rows, last first. */
export function undoRows(rows: ReadonlyArray<{ def: CatalogRowDef; status: string; outcome?: CatalogOutcome }>): CatalogRowDef[] {
  return rows
    .filter((r) => r.status === 'applied')
    .reverse()
    .flatMap((r) => inverseOf(r.def, r.outcome ?? {}))
    .map(({ work, label }, i) => ({ key: `undo-${i}`, op: rowOp(work), label, work }));
}

export function variantLabel(v: NewVariant): string {
  return `${v.sku} (${v.option_values.map((o) => `${o.option_display_name} ${o.label}`).join(', ')})`;
}
