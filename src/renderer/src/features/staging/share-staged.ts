import type { StagedEdit, StagedNote } from '../../../../shared/contract';

export interface StagedList {
  revision: number;
  edits: StagedEdit[];
}

const sameNote = (a: StagedNote | undefined, b: StagedNote | undefined): boolean =>
  a === b || (!!a && !!b && a.status === b.status && a.message === b.message && a.serverValue === b.serverValue && a.jobId === b.jobId);

const sameEdit = (a: StagedEdit, b: StagedEdit): boolean =>
  a.entity === b.entity && a.id === b.id && a.field === b.field && a.productId === b.productId && a.from === b.from && a.to === b.to && a.stagedAt === b.stagedAt && a.jobId === b.jobId && sameNote(a.note, b.note);

/**
 * react-query's structural sharing for the staged list, made for it: a refetched list keeps the
 * objects of unchanged edits (the grid's overlay entries, the review's warnings and keys are kept
 * per object), and the old edits array itself when no edit changed. The generic deep merge walked
 * every key of 10,000 edits after each keystroke once a paste was staged; this compares by staged
 * key, a few fields each.
 */
export function shareStagedList(old: StagedList | undefined, next: StagedList): StagedList {
  if (!old) return next;
  const before = new Map<string, StagedEdit>();
  for (const edit of old.edits) before.set(`${edit.entity}:${edit.id}:${edit.field}`, edit);
  let same = old.edits.length === next.edits.length;
  const edits = next.edits.map((edit, i) => {
    const kept = before.get(`${edit.entity}:${edit.id}:${edit.field}`);
    const shared = kept && sameEdit(kept, edit) ? kept : edit;
    if (shared !== old.edits[i]) same = false;
    return shared;
  });
  if (same) return old.revision === next.revision ? old : { revision: next.revision, edits: old.edits };
  return { revision: next.revision, edits };
}
