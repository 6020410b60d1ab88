import { create } from 'zustand';
import type { JobEdit, JsonValue } from '../../../../../shared/contract';
import type { EditTarget } from '../types';

/** One cell of an undo step: what it showed before the step and after it. */
export interface UndoCell {
  target: EditTarget;
  before: JsonValue;
  after: JsonValue;
}
export type UndoStep = readonly UndoCell[];

interface Stack {
  past: UndoStep[];
  future: UndoStep[];
}

interface UndoState {
  stacks: Record<string, Stack>;
  /** A new step (a typed cell, a paste, a fill, a rule): clears what could be redone. */
  record(storeId: string, step: UndoStep): void;
  /** Pops the step to undo and moves it to the redo side. */
  takeUndo(storeId: string): UndoStep | undefined;
  takeRedo(storeId: string): UndoStep | undefined;
}

const LIMIT = 200;
const EMPTY: Stack = { past: [], future: [] };

/**
 * Undo/redo of staged edits, per store, kept in the renderer (a UI history, like a spreadsheet's).
 * Undoing restages each cell's previous value; staging unstages a cell whose value returns to what
 * the store has, so undoing a first edit discards it.
 */
export const useUndoStore = create<UndoState>((set, get) => ({
  stacks: {},
  record(storeId, step) {
    if (step.length === 0) return;
    const stack = get().stacks[storeId] ?? EMPTY;
    set({ stacks: { ...get().stacks, [storeId]: { past: [...stack.past, step].slice(-LIMIT), future: [] } } });
  },
  takeUndo(storeId) {
    const stack = get().stacks[storeId] ?? EMPTY;
    const step = stack.past.at(-1);
    if (step) set({ stacks: { ...get().stacks, [storeId]: { past: stack.past.slice(0, -1), future: [...stack.future, step] } } });
    return step;
  },
  takeRedo(storeId) {
    const stack = get().stacks[storeId] ?? EMPTY;
    const step = stack.future.at(-1);
    if (step) set({ stacks: { ...get().stacks, [storeId]: { past: [...stack.past, step], future: stack.future.slice(0, -1) } } });
    return step;
  },
}));

function toEdit(target: EditTarget, from: JsonValue, to: JsonValue): JobEdit {
  return { entity: target.entity, id: target.id, ...(target.productId !== undefined ? { productId: target.productId } : {}), field: target.field, from, to };
}

/** The edits that take a step back: each cell from its value after the step to its value before. */
export const undoEdits = (step: UndoStep): JobEdit[] => step.map((c) => toEdit(c.target, c.after, c.before));
export const redoEdits = (step: UndoStep): JobEdit[] => step.map((c) => toEdit(c.target, c.before, c.after));
