import { useEffect, useState, type RefObject } from 'react';
import type { JsonValue } from '../../../../../shared/contract';
import type { DataGridHandle, SelectedCell } from '../../../components/data-grid';
import { useToasts } from '../../../components/toast-store';
import { RuleDialog } from './RuleDialog';

/** Ctrl+Shift+E: the grid takes Ctrl+R (fill right) and Ctrl+Shift+Z (redo); browsers take Ctrl+Shift+R (reload). */
export const RULES_SHORTCUT = 'Control+Shift+E';
const isShortcut = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'e';

export interface RowInfo {
  /** "Blue mug" or "Blue mug — Size: M". */
  label: string;
  /** What the row shows in a column now (staged value over the store's). */
  value(columnId: string): JsonValue;
}

interface Props {
  grid: RefObject<DataGridHandle | null>;
  rowInfo(rowId: string): RowInfo | undefined;
  columnLabel(columnId: string): string;
  sourceColumns: ReadonlyArray<{ id: string; label: string }>;
  decimalPlaces: number;
  currency: string | null;
}

/** The toolbar button and shortcut that open a rule over the grid's selection. */
export function BulkRules({ grid, rowInfo, columnLabel, sourceColumns, decimalPlaces, currency }: Props) {
  const push = useToasts((s) => s.push);
  const [cells, setCells] = useState<SelectedCell[] | null>(null);
  const open = () => {
    const selected = grid.current?.getSelectedCells() ?? [];
    if (!selected.some((c) => c.target)) push('info', 'Select the price or stock cells a rule should change first.');
    else setCells(selected);
  };
  const openRef = useLatest(open);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isShortcut(e) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      openRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openRef]);
  return (
    <>
      <button type="button" className="button small" aria-keyshortcuts={RULES_SHORTCUT} title="Ctrl+Shift+E" onClick={open}>
        Rules…
      </button>
      {cells && (
        <RuleDialog
          cells={cells}
          decimalPlaces={decimalPlaces}
          currency={currency}
          rowLabel={(rowId) => rowInfo(rowId)?.label ?? rowId}
          columnLabel={columnLabel}
          valueIn={(cell, columnId) => rowInfo(cell.rowId)?.value(columnId) ?? null}
          sourceColumns={sourceColumns}
          onStage={async (texts) => {
            const result = await grid.current!.stageCells(texts);
            if (result.staged > 0) push('info', `Staged ${result.staged.toLocaleString()} ${result.staged === 1 ? 'change' : 'changes'} (Ctrl+Z takes them back)`);
            return result;
          }}
          onClose={() => setCells(null)}
        />
      )}
    </>
  );
}

function useLatest<T>(value: T): { current: T } {
  const [ref] = useState(() => ({ current: value }));
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
