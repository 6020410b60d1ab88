import { fieldSpec, sameFieldValue, stagedKey, type JsonValue, type StagedEdit, type StagedNote } from '../../../../../shared/contract';
import type { EditTarget } from '../types';

/** What a staged cell shows: its new value, whether main has it yet, and the last job's word. */
export interface OverlayEntry {
  to: JsonValue;
  /** The store's value when the edit was staged (main's staged edits only). */
  from?: JsonValue;
  pending: boolean;
  note?: StagedNote;
  applying?: boolean;
}

/** Values the grid painted before main answered, by staged key, with the batch that sent them. */
export type Pending = ReadonlyMap<string, { to: JsonValue; batch: number }>;

export const keyOf = (target: EditTarget): string => stagedKey(target);

/**
 * Overlay entries of main's staged edits with their keys, by edit object: a refetched list keeps
 * the objects of unchanged edits (react-query's structural sharing), so neither is remade (the
 * key string keeps its hash, so the map takes it again at no cost).
 */
const entries = new WeakMap<StagedEdit, { key: string; entry: OverlayEntry }>();
const entryOf = (edit: StagedEdit): { key: string; entry: OverlayEntry } => {
  let made = entries.get(edit);
  if (!made) {
    const entry = { to: edit.to, from: edit.from, pending: false, ...(edit.note ? { note: edit.note } : {}), ...(edit.jobId ? { applying: true } : {}) };
    made = { key: stagedKey(edit), entry };
    entries.set(edit, made);
  }
  return made;
};

/** Main's staged edits by staged key (made once per staged list; the grid adds its pending values on top). */
export function stagedOverlay(staged: readonly StagedEdit[]): Map<string, OverlayEntry> {
  const overlay = new Map<string, OverlayEntry>();
  for (const edit of staged) {
    const { key, entry } = entryOf(edit);
    overlay.set(key, entry);
  }
  return overlay;
}

/**
 * The staged values over the store's: main's staged edits, with the grid's optimistic values on
 * top until main's list includes them. Row objects are never touched; cells read through this map.
 * `base` is stagedOverlay(staged), kept while the list stays: a keystroke copies it (a native map
 * copy) instead of rebuilding an entry per staged edit.
 */
export function buildOverlay(staged: readonly StagedEdit[], pending: Pending, base: ReadonlyMap<string, OverlayEntry> = stagedOverlay(staged)): Map<string, OverlayEntry> {
  const overlay = new Map(base);
  for (const [key, { to }] of pending) overlay.set(key, { to, pending: true });
  return overlay;
}

/** The optimistic values still waiting once main's list reflects every batch up to `answered`. */
export function settle(pending: Pending, answered: number): Map<string, { to: JsonValue; batch: number }> {
  const next = new Map<string, { to: JsonValue; batch: number }>();
  for (const [key, entry] of pending) if (entry.batch > answered) next.set(key, entry);
  return next;
}

/**
 * Whether the store's value moved away from what the edit was staged over (a webhook or a sync
 * brought a newer value). The edit stays; the cell shows the store's new value beside it and the
 * apply's conflict check decides.
 */
export function storeMoved(entry: OverlayEntry | undefined, target: EditTarget, storeValue: JsonValue): boolean {
  if (!entry || entry.pending || entry.note || entry.from === undefined) return false;
  const spec = fieldSpec(target.entity, target.field);
  return spec !== undefined && !sameFieldValue(spec, entry.from, storeValue);
}
