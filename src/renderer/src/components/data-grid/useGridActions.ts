import type { ReactTable } from '@tanstack/react-table';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { fieldSpec } from '../../../../shared/contract';
import { useToasts } from '../toast-store';
import { rowLookup, shownText, shownValue, type GridFeatures, type ShownRow } from './grid-table';
import { handleGridKey } from './grid-keys';
import { headerActions } from './column-actions';
import { handleHeaderKey, isMenuKey } from './header-keys';
import type { RowEvents } from './GridRows';
import type { ColumnSlot } from './layout';
import { formatClipboardText, parseClipboardText } from './model/clipboard';
import { boundsOf, columnSelection, fillDownCells, fillRightCells, move, pasteCells, pasteTarget, rowSelection, rowsWithoutRow, selectAll, single, type Cell, type Direction, type Selection } from './model/range';
import { cellTarget, plainText, type TextAt } from './model/stage';
import type { CellText, DataGridProps, GridView, SelectedCell } from './types';
import type { useGridStaging } from './useGridStaging';

type Editing = { row: number; col: number; text: string } | null;
interface Args<Row extends object> {
  props: DataGridProps<Row>;
  table: ReactTable<GridFeatures, Row, unknown>;
  staging: ReturnType<typeof useGridStaging<Row>>;
  visible: readonly ShownRow<Row>[];
  slots: ColumnSlot<Row>[];
  selection: Selection;
  setSelection(s: Selection): void;
  editing: Editing;
  setEditing(e: Editing): void;
  headerCol: number | null;
  setHeaderCol(col: number | null): void;
  setMenu(columnId: string | null): void;
  rowVirtual: Virtualizer<HTMLDivElement, Element>;
  colVirtual: Virtualizer<HTMLDivElement, Element>;
  scroller: RefObject<HTMLDivElement | null>;
  onStaged(): void;
}

/** Selection, editing, clipboard, fills and the imperative handle, over the visible rows and columns. */
export function useGridActions<Row extends object>(a: Args<Row>) {
  const push = useToasts((s) => s.push);
  // Handlers read the latest state through a ref, so the row event handlers stay one stable object
  // (memoized rows do not re-render for a new closure).
  const latest = useRef(a);
  useLayoutEffect(() => {
    latest.current = a;
  });
  /** Set when an edit ends by a key (Enter, Tab, Escape): the editor's blur that follows must not commit again. */
  const ended = useRef(false);

  const size = () => ({ rows: latest.current.visible.length, cols: latest.current.slots.length });
  const textAt = (cell: Cell, text: string): TextAt<Row> | null => {
    const row = latest.current.visible[cell.row];
    const slot = latest.current.slots[cell.col];
    return row && slot ? { row: row.original, rowId: row.id, column: slot.column, text } : null;
  };
  const valueText = (cell: Cell): string => {
    const row = latest.current.visible[cell.row];
    const slot = latest.current.slots[cell.col];
    return row && slot ? plainText(shownValue(slot.column, row.original, latest.current.staging.overlayRef.current)) : '';
  };
  const stageTexts = async (texts: Iterable<TextAt<Row> | null>) => {
    const list = [...texts].filter((t): t is TextAt<Row> => t !== null);
    const result = await latest.current.staging.stage(list);
    if (result.staged > 0) latest.current.onStaged();
    return result;
  };

  /** Scrolls a column into view sideways: the horizontal virtualizer renders it once it is. */
  const revealColumn = (col: number) => {
    const { colVirtual, slots } = latest.current;
    const slot = slots[col];
    // A pinned column is always in view: going to it goes back to the start, as Home does in a spreadsheet.
    if (slot?.pinned) colVirtual.scrollToOffset(0);
    else if (slot) colVirtual.scrollToIndex(slots.filter((s) => !s.pinned).indexOf(slot));
  };
  const select = (next: Selection) => {
    latest.current.setSelection(next);
    latest.current.rowVirtual.scrollToIndex(next.focus.row);
    revealColumn(next.focus.col);
  };
  const focusGrid = () => latest.current.scroller.current?.focus({ preventScroll: true });

  const startEdit = (cell: Cell, initial: string | null) => {
    const row = latest.current.visible[cell.row];
    const slot = latest.current.slots[cell.col];
    if (!row || !slot) return;
    const target = cellTarget(slot.column, row.original);
    if (target === null) return;
    if (typeof target === 'string') {
      // Typing into a refusing cell says why beside it; Enter/F2 on it only shows the reason's tooltip.
      if (initial !== null) void stageTexts([textAt(cell, initial)]);
      return;
    }
    ended.current = false;
    latest.current.setEditing({ ...cell, text: initial ?? valueText(cell) });
  };

  const commitEdit = (next: Direction | null) => {
    const { editing } = latest.current;
    if (!editing || ended.current) return;
    ended.current = true;
    latest.current.setEditing(null);
    focusGrid();
    if (next) select(move(single(editing), next, size()));
    void stageTexts([textAt(editing, editing.text)]);
  };

  const clear = () => {
    const b = boundsOf(latest.current.selection);
    const texts: Array<TextAt<Row> | null> = [];
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const t = textAt({ row: r, col: c }, '');
        const target = t && cellTarget(t.column, t.row);
        if (!t || !target || typeof target === 'string') continue;
        const spec = fieldSpec(target.entity, target.field);
        // Delete clears only where the field may be empty; elsewhere it would only be refused.
        if (spec && (('nullable' in spec && spec.nullable) || (spec.kind === 'string' && !spec.minLength))) texts.push(t);
      }
    }
    void stageTexts(texts);
  };

  const fill = (cells: Iterable<{ cell: Cell; from: Cell }>) => void stageTexts([...cells].map(({ cell, from }) => textAt(cell, valueText(from))));

  const header = (col: number) =>
    headerActions({
      table: latest.current.table,
      slots: latest.current.slots,
      col,
      focus: (next) => {
        // A column moved from its menu by mouse keeps the keyboard on the cells.
        if (latest.current.headerCol !== null) latest.current.setHeaderCol(next);
        revealColumn(next);
      },
      leave: () => {
        latest.current.setHeaderCol(null);
        select(single({ row: 0, col }));
      },
      openMenu: (id) => latest.current.setMenu(id),
      selectColumn: (c) => latest.current.setSelection(columnSelection(c, size().rows, c)),
    });
  const onHeaderOrMenuKey = (event: KeyboardEvent<HTMLDivElement>): boolean => {
    const { headerCol, selection } = latest.current;
    if (headerCol !== null) return handleHeaderKey(event, header(Math.min(headerCol, size().cols - 1)));
    if (isMenuKey(event)) {
      header(selection.focus.col).openMenu();
      return true;
    }
    const plainUp = event.key === 'ArrowUp' && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (!plainUp || (selection.focus.row > 0 && size().rows > 0)) return false;
    // ↑ from the first row goes up to the column headers: sort, filter and column menu by keyboard.
    latest.current.setHeaderCol(Math.min(selection.focus.col, size().cols - 1));
    latest.current.rowVirtual.scrollToOffset(0);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (latest.current.editing || event.target !== event.currentTarget) return;
    if (onHeaderOrMenuKey(event)) {
      event.preventDefault();
      return;
    }
    const handled = handleGridKey(event, {
      selection: latest.current.selection,
      size: size(),
      page: Math.max(1, Math.floor((latest.current.scroller.current?.clientHeight ?? 600) / 28) - 2),
      select,
      edit: (initial) => startEdit(latest.current.selection.focus, initial),
      fillDown: () => fill(fillDownCells(boundsOf(latest.current.selection))),
      fillRight: () => fill(fillRightCells(boundsOf(latest.current.selection))),
      clear,
      undo: () => void latest.current.staging.undo(),
      redo: () => void latest.current.staging.redo(),
    });
    if (handled) event.preventDefault();
  };

  const onCopy = (event: ClipboardEvent) => {
    if (latest.current.editing) return;
    const b = boundsOf(latest.current.selection);
    const block: string[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const line: string[] = [];
      for (let c = b.left; c <= b.right; c++) line.push(valueText({ row: r, col: c }));
      block.push(line);
    }
    event.clipboardData.setData('text/plain', formatClipboardText(block));
    event.preventDefault();
  };

  const onPaste = (event: ClipboardEvent) => {
    if (latest.current.editing) return;
    event.preventDefault();
    const block = parseClipboardText(event.clipboardData.getData('text/plain'));
    if (block.length === 0) return;
    const b = boundsOf(latest.current.selection);
    const shape = { rows: block.length, cols: Math.max(...block.map((r) => r.length)) };
    const target = pasteTarget(b, shape, size());
    const missing = rowsWithoutRow(b, shape, size());
    if (missing > 0) {
      // Only the visible (filtered) rows take a paste; what has no row is said, never dropped silently.
      const values = block.slice(block.length - missing).reduce((n, r) => n + r.length, 0);
      push('warning', `${values.toLocaleString()} pasted ${values === 1 ? 'value' : 'values'} (${missing.toLocaleString()} ${missing === 1 ? 'row' : 'rows'}) had no row in this view and ${values === 1 ? 'was' : 'were'} not pasted`);
    }
    latest.current.setSelection({ anchor: { row: target.top, col: target.left }, focus: { row: target.bottom, col: target.right } });
    void stageTexts([...pasteCells(target, block)].map(({ cell, text }) => textAt(cell, text)));
  };

  const anchor = () => latest.current.selection.anchor;
  const [events] = useState<RowEvents>(() => ({
    cellDown(row, col, e) {
      if (e.button !== 0) return;
      e.preventDefault();
      focusGrid();
      latest.current.setHeaderCol(null);
      latest.current.setSelection(e.shiftKey ? { anchor: anchor(), focus: { row, col } } : single({ row, col }));
    },
    cellEnter(row, col, e) {
      if (e.buttons === 1 && !latest.current.editing) latest.current.setSelection({ anchor: anchor(), focus: { row, col } });
    },
    cellDoubleClick: (row, col) => startEdit({ row, col }, null),
    gutterDown(row, e) {
      e.preventDefault();
      focusGrid();
      latest.current.setHeaderCol(null);
      latest.current.setSelection(rowSelection(row, size().cols, e.shiftKey ? anchor().row : row));
    },
    toggleExpanded: (row) => latest.current.visible[row]?.toggleExpanded(),
    editText: (text) => latest.current.editing && latest.current.setEditing({ ...latest.current.editing, text }),
    editKey(e) {
      if (e.key === 'Enter') commitEdit(e.shiftKey ? 'up' : 'down');
      else if (e.key === 'Tab') {
        e.preventDefault();
        commitEdit(e.shiftKey ? 'left' : 'right');
      } else if (e.key === 'Escape') {
        ended.current = true; // nothing is staged
        latest.current.setEditing(null);
        focusGrid();
      }
    },
    editBlur: () => commitEdit(null),
    dismiss: (key) => latest.current.staging.dismissRefusal(key),
  }));

  const getSelectedCells = (): SelectedCell[] => {
    const { visible, slots, staging } = latest.current;
    const b = boundsOf(latest.current.selection);
    const cells: SelectedCell[] = [];
    for (let r = b.top; r <= Math.min(b.bottom, visible.length - 1); r++) {
      const row = visible[r]!;
      for (let c = b.left; c <= Math.min(b.right, slots.length - 1); c++) {
        const column = slots[c]!.column;
        const value = shownValue(column, row.original, staging.overlayRef.current);
        const target = cellTarget(column, row.original);
        cells.push({ rowId: row.id, columnId: column.id, value, text: plainText(value), target: typeof target === 'object' ? target : null });
      }
    }
    return cells;
  };
  const { rows, getRowId, getSubRows } = a.props;
  const findRow = useMemo(() => rowLookup(rows, getRowId, getSubRows), [rows, getRowId, getSubRows]);
  const stageCells = (cells: readonly CellText[]) => {
    const byId = new Map(latest.current.props.columns.map((c) => [c.id, c]));
    return stageTexts(
      cells.map((c) => {
        const row = findRow(c.rowId);
        const column = byId.get(c.columnId);
        return row && column ? { row, rowId: c.rowId, column, text: c.text } : null;
      }),
    );
  };
  const getView = (): GridView => {
    const { table, slots, staging } = latest.current;
    const columns = slots.map((s) => s.column);
    const rows: GridView['rows'] = [];
    const { getRowId, getSubRows } = a.props;
    // Variants are not table rows (they are made only when shown): every product brings all of its own.
    const visit = (row: Row, depth: number) => {
      rows.push({ rowId: getRowId(row), depth, values: columns.map((c) => shownValue(c, row, staging.overlayRef.current)) });
      for (const sub of getSubRows?.(row) ?? []) visit(sub, depth + 1);
    };
    for (const row of table.getSortedRowModel().rows) visit(row.original, 0);
    return { columns: columns.map((c) => ({ id: c.id, label: c.label })), rows };
  };
  useImperativeHandle(a.props.ref, () => ({ getSelectedCells, getView, stageCells }));
  const { onSelectionChange } = a.props;
  useEffect(() => onSelectionChange?.(getSelectedCells), [a.selection, a.visible, a.slots.length, onSelectionChange]);

  return {
    events,
    onKeyDown,
    menuClosed: (refocus: boolean) => refocus && focusGrid(),
    moveColumn: (col: number, by: -1 | 1) => header(col).moveColumn(by),
    onCopy,
    onPaste,
    selectAll: () => (focusGrid(), latest.current.setSelection(selectAll(size()))),
    selectColumn: (col: number, e: MouseEvent) => {
      // No preventDefault: the label is also the drag handle that reorders columns, and a cancelled
      // mousedown never starts a drag.
      focusGrid();
      latest.current.setHeaderCol(null);
      latest.current.setSelection(columnSelection(col, size().rows, e.shiftKey ? anchor().col : col));
    },
    shownText,
  };
}
