import type { StagedChange } from '../../../shared/contract/authoring';
import { rowOp, variantLabel, type JobFile, type JobRow } from './job-model';

/** A staged change as job rows: new variants one per row, so a refused SKU does not sink its siblings. */
export function expandChange(change: StagedChange): JobRow[] {
  const { key: stagedKey, label, stagedAt: _at, message: _m, ...work } = change;
  if (work.op === 'createVariants') {
    return work.variants.map((variant, i) => ({
      key: `${stagedKey}.${i}`,
      op: 'createVariants',
      label: `New variant ${variantLabel(variant)} of product ${work.productId}`,
      status: 'pending',
      work: { op: 'createVariants', productId: work.productId, variants: [variant] },
      stagedKey,
    }));
  }
  return [{ key: stagedKey, op: rowOp(work), label, status: 'pending', work, stagedKey }];
}

/**
 * What stays staged after an apply job: the changes staged meanwhile, plus each change the job did
 * not apply, with the store's message (new variants: only the refused ones).
 */
export function restage(job: JobFile, current: readonly StagedChange[]): StagedChange[] {
  const back = new Map<string, StagedChange>();
  const original = new Map<string, JobRow[]>();
  for (const row of job.rows) if (row.stagedKey) original.set(row.stagedKey, [...(original.get(row.stagedKey) ?? []), row]);
  for (const [key, rows] of original) {
    const failed = rows.filter((r) => r.status !== 'applied');
    if (failed.length === 0) continue;
    const message = failed.map((r) => r.message).filter(Boolean).join('; ');
    const first = failed[0]!;
    const base = { key, label: rows.length > 1 ? `${first.label}${failed.length > 1 ? ` and ${failed.length - 1} more` : ''}` : first.label, stagedAt: job.createdAt, ...(message ? { message } : {}) };
    if (first.work.op === 'createVariants') {
      const variants = failed.flatMap((r) => (r.work.op === 'createVariants' ? r.work.variants : []));
      back.set(key, { ...base, op: 'createVariants', productId: first.work.productId, variants });
    } else if (first.work.op !== 'recreateProduct' && first.work.op !== 'recreateVariant') back.set(key, { ...base, ...first.work } as StagedChange);
  }
  return [...current.filter((c) => !back.has(c.key)), ...back.values()];
}
