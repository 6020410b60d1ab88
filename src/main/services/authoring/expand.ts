import type { StagedChange } from '../../../shared/contract/authoring';
import type { CatalogRowResult } from '../jobs/catalog-runner';
import { rowOp, variantLabel, type CatalogRowDef } from './job-model';

/** A staged change as job rows: new variants one per row, so a refused SKU does not sink its siblings. */
export function expandChange(change: StagedChange): CatalogRowDef[] {
  const { key: stagedKey, label, stagedAt: _at, message: _m, ...work } = change;
  if (work.op === 'createVariants') {
    return work.variants.map((variant, i) => ({
      key: `${stagedKey}.${i}`,
      op: 'createVariants',
      label: `New variant ${variantLabel(variant)} of product ${work.productId}`,
      work: { op: 'createVariants', productId: work.productId, variants: [variant] },
      stagedKey,
    }));
  }
  return [{ key: stagedKey, op: rowOp(work), label, work, stagedKey }];
}

const NOT_SENT: Record<string, string> = {
  pending: 'Not sent: the job stopped before it got here',
  skipped: 'Not sent: the job was cancelled',
};

/** The rows of a job per staged change they apply, in job order. */
function byStagedKey(rows: readonly CatalogRowResult[]): Map<string, CatalogRowResult[]> {
  const out = new Map<string, CatalogRowResult[]>();
  for (const row of rows) if (row.def.stagedKey) out.set(row.def.stagedKey, [...(out.get(row.def.stagedKey) ?? []), row]);
  return out;
}

/** A staged change again, of the rows of it a job did not apply, with the job's word on them. */
function stagedAgain(key: string, rows: CatalogRowResult[], stagedAt: string): StagedChange | null {
  const left = rows.filter((r) => r.status !== 'applied');
  const first = left[0];
  if (!first) return null;
  const message = [...new Set(left.map((r) => r.message ?? NOT_SENT[r.status]).filter(Boolean))].join('; ');
  const label = rows.length > 1 ? `${first.def.label}${left.length > 1 ? ` and ${left.length - 1} more` : ''}` : first.def.label;
  const base = { key, label, stagedAt, ...(message ? { message } : {}) };
  const { work } = first.def;
  if (work.op === 'createVariants') {
    const variants = left.flatMap((r) => (r.def.work.op === 'createVariants' ? r.def.work.variants : []));
    return { ...base, op: 'createVariants', productId: work.productId, variants };
  }
  if (work.op === 'recreateProduct' || work.op === 'recreateVariant') return null;
  return { ...base, ...work } as StagedChange;
}

/**
 * What stays staged when an apply job comes to rest. A change all of whose rows the job applied
 * leaves staging (also when a job resumed later applies it). The first time the job rests other
 * than paused (`restage`), each change it did not apply is staged again with the store's message
 * or why it was not sent; later rests only take out what a resume applied, so a change the
 * operator discarded meanwhile does not come back.
 */
export function reconcileStaged(rows: readonly CatalogRowResult[], current: readonly StagedChange[], restage: boolean, stagedAt: string): StagedChange[] {
  const next = new Map(current.map((c) => [c.key, c]));
  for (const [key, group] of byStagedKey(rows)) {
    const again = stagedAgain(key, group, stagedAt);
    if (!again) next.delete(key);
    else if (restage) next.set(key, again);
    else if (next.has(key)) next.set(key, narrowed(next.get(key)!, again));
  }
  return [...next.values()];
}

/** A change still staged after a resume: new variants shrink to the ones not applied yet. */
function narrowed(staged: StagedChange, again: StagedChange): StagedChange {
  if (staged.op !== 'createVariants' || again.op !== 'createVariants') return staged;
  return { ...staged, variants: staged.variants.filter((v) => again.variants.some((a) => a.sku === v.sku)) };
}
