import type { NewRowDef } from './types';
/** Pending rows shown at most: beyond them one line counts the rest (the staged panel lists all). */
export const PENDING_SHOWN = 5;

/** How many rows the quick-entry block adds to the grid (for `aria-rowcount`). */
export function newRowCount(def: NewRowDef | undefined): number {
  if (!def) return 0;
  const pending = def.pending?.length ?? 0;
  return Math.min(pending, PENDING_SHOWN) + (pending > PENDING_SHOWN ? 1 : 0) + 1;
}
