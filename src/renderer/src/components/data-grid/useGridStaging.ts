import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { JobEdit, JsonValue, StagedEdit } from '../../../../shared/contract';
import { useToasts } from '../toast-store';
import { buildOverlay, keyOf, settle, stagedOverlay, type OverlayEntry } from './model/overlay';
import { prepareStage, type Refusal, type TextAt } from './model/stage';
import { redoEdits, undoEdits, useUndoStore, type UndoStep } from './model/undo-store';
import type { DataGridProps, GridColumn, StageResult } from './types';

type PendingMap = Map<string, { to: JsonValue; batch: number }>;
export const refusalKey = (rowId: string, columnId: string) => `${rowId}\u0000${columnId}`;

interface Args<Row extends object> {
  storeId: string;
  staged: readonly StagedEdit[];
  stagedRevision?: number;
  onStage: DataGridProps<Row>['onStage'];
  validate?: DataGridProps<Row>['validate'];
}

/**
 * The grid's side of staging: paints staged values at once (an optimistic overlay over main's
 * staged edits), sends them to main, reconciles with main's list, keeps refused cells with their
 * reasons, and records one undo step per gesture.
 */
export function useGridStaging<Row extends object>({ storeId, staged, stagedRevision, onStage, validate }: Args<Row>) {
  const push = useToasts((s) => s.push);
  const [pending, setPending] = useState<PendingMap>(() => new Map());
  const [refused, setRefused] = useState<ReadonlyMap<string, Refusal>>(() => new Map());
  const batch = useRef(0);
  /** Batches main has answered, with the staging revision each answer carried. */
  const answered = useRef<Array<{ batch: number; revision: number | undefined }>>([]);
  const base = useMemo(() => stagedOverlay(staged), [staged]);
  const overlay = useMemo(() => (pending.size === 0 ? base : buildOverlay(staged, pending, base)), [staged, pending, base]);
  const overlayRef = useRef<ReadonlyMap<string, OverlayEntry>>(overlay);
  // Sort and filter functions and event handlers read the overlay of the last commit.
  useLayoutEffect(() => {
    overlayRef.current = overlay;
  }, [overlay]);

  useEffect(() => {
    // Main's list changed: optimistic values of answered batches it now reflects are main's own.
    const done = answered.current.filter((a) => a.revision === undefined || stagedRevision === undefined || a.revision <= stagedRevision);
    if (done.length === 0) return;
    const upTo = Math.max(...done.map((a) => a.batch));
    answered.current = answered.current.filter((a) => a.batch > upTo);
    setPending((p) => settle(p, upTo));
  }, [staged, stagedRevision]);

  const send = useCallback(
    async (edits: JobEdit[], keys: readonly string[] = edits.map(keyOf)): Promise<boolean> => {
      if (edits.length === 0) return true;
      const id = ++batch.current;
      setPending((p) => {
        const next = new Map(p);
        for (let i = 0; i < edits.length; i++) next.set(keys[i]!, { to: edits[i]!.to, batch: id });
        return next;
      });
      try {
        // The overlay paints first; encoding and sending 10,000 edits would delay that frame.
        await afterNextPaint();
        const revision = await onStage(edits);
        answered.current.push({ batch: id, revision: revision ?? undefined });
        return true;
      } catch (error) {
        setPending((p) => new Map([...p].filter(([, e]) => e.batch !== id)));
        push('error', `Nothing was staged: ${(error as Error).message}`);
        return false;
      }
    },
    [onStage, push],
  );

  const shown = useCallback((key: string, column: GridColumn<Row>, row: Row): JsonValue => {
    const entry = overlayRef.current.get(key);
    return entry ? entry.to : column.value(row);
  }, []);

  /** Stage typed, pasted, filled or rule-made texts as one undo step. */
  const stage = useCallback(
    async (texts: Iterable<TextAt<Row>>): Promise<StageResult> => {
      const list = [...texts];
      const { edits, keys, step, refused: refusals } = prepareStage(list, shown, validate);
      // Nothing refused before or now (the usual paste): no new map, nothing re-renders for it.
      setRefused((old) => (old.size === 0 && refusals.length === 0 ? old : withRefusals(old, list, refusals)));
      if (refusals.length) reportRefusals(push, refusals, list);
      const ok = await send(edits, keys);
      if (ok) useUndoStore.getState().record(storeId, step);
      return { staged: ok ? edits.length : 0, refused: refusals };
    },
    [push, send, shown, storeId, validate],
  );

  const replay = useCallback(
    async (which: 'undo' | 'redo') => {
      const undo = useUndoStore.getState();
      const step: UndoStep | undefined = which === 'undo' ? undo.takeUndo(storeId) : undo.takeRedo(storeId);
      if (!step) return;
      const edits = which === 'undo' ? undoEdits(step) : redoEdits(step);
      // The store's value coming back unstages the cell in main, so undoing a first edit discards it.
      await send(edits.filter((e) => e.from !== e.to));
      push('info', `${which === 'undo' ? 'Undid' : 'Redid'} ${step.length.toLocaleString()} ${step.length === 1 ? 'cell' : 'cells'}`);
    },
    [push, send, storeId],
  );

  const dismissRefusal = useCallback((key: string) => setRefused((old) => new Map([...old].filter(([k]) => k !== key))), []);
  return { overlay, overlayRef, refused, stage, undo: () => replay('undo'), redo: () => replay('redo'), dismissRefusal };
}

function withRefusals<Row>(old: ReadonlyMap<string, Refusal>, list: readonly TextAt<Row>[], refusals: readonly Refusal[]): Map<string, Refusal> {
  const next = new Map(old);
  if (old.size > 0) for (const t of list) next.delete(refusalKey(t.rowId, t.column.id));
  for (const r of refusals) next.set(refusalKey(r.rowId, r.columnId), r);
  return next;
}

/** Resolves once the frame after this task is painted (or soon, in a hidden window that paints no frames). */
function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

function reportRefusals<Row extends object>(push: (level: 'error', message: string) => void, refusals: Refusal[], list: TextAt<Row>[]) {
  const labels = new Map(list.map((t) => [t.column.id, t.column.label]));
  const first = refusals.slice(0, 2).map((r) => `${labels.get(r.columnId)}: ${r.message}`);
  const more = refusals.length > 2 ? '; …' : '';
  push('error', `${refusals.length} ${refusals.length === 1 ? 'cell was' : 'cells were'} not changed — ${first.join('; ')}${more}`);
}

