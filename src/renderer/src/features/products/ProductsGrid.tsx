import { useVirtualizer } from '@tanstack/react-virtual';
import { useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { stagedKey, type EditCheckContext, type JsonValue, type ProductRowData, type StagedEdit } from '../../../../shared/contract';
import type { CellText, DataGridHandle, SelectedCell } from '../../components/data-grid';
import { call } from '../../api/client';
import { formatClipboardText, parseClipboardText } from '../../components/data-grid/model/clipboard';
import { editsFromTexts, type CellError, type EditableColumn } from '../../components/data-grid/model/edits';
import { boundsOf, contains, fillDownCells, move, pasteCells, pasteTarget, selectAll, single, type Cell, type Direction, type Selection } from '../../components/data-grid/model/range';
import { useToasts } from '../../components/toast-store';
import { formatValue } from '../jobs/format';

type Row = ProductRowData;
interface Column {
  label: string;
  width: number;
  field: keyof Row & string;
  editable: boolean;
  numeric?: boolean;
}

const COLUMNS: Column[] = [
  { label: 'ID', width: 72, field: 'id', editable: false, numeric: true },
  { label: 'SKU', width: 150, field: 'sku', editable: true },
  { label: 'Name', width: 300, field: 'name', editable: true },
  { label: 'Price', width: 96, field: 'price', editable: true, numeric: true },
  { label: 'Sale price', width: 96, field: 'sale_price', editable: true, numeric: true },
  { label: 'Stock', width: 80, field: 'inventory_level', editable: true, numeric: true },
  { label: 'Bin', width: 100, field: 'bin_picking_number', editable: true },
  { label: 'Visible', width: 72, field: 'is_visible', editable: true },
];
const ROW_HEIGHT = 28;
const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/**
 * The product grid: the store's values from the local catalog, with staged values over them.
 * Spreadsheet keys: arrows (Shift extends, Ctrl jumps), Ctrl+A, Ctrl+C, Ctrl+V (one value fills the
 * selection, a block tiles it), Ctrl+D fills down, typing or Enter/F2 edits, Delete clears a
 * nullable cell. Every change is staged in main at once; nothing reaches the store before Apply.
 */
interface Props {
  storeId: string;
  rows: readonly Row[];
  staged: readonly StagedEdit[];
  /** The store-aware checks (decimal places, SKUs) a typed value must pass. */
  checks?: EditCheckContext;
  /** The shared grid's handle (selection, stageCells) for bulk rules. */
  ref?: Ref<DataGridHandle>;
}

export function ProductsGrid({ storeId, rows, staged, checks, ref }: Props) {
  const push = useToasts((s) => s.push);
  const [selection, setSelection] = useState<Selection>(single({ row: 0, col: 1 }));
  const [editing, setEditing] = useState<{ cell: Cell; text: string } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  /** Set when an edit ends by a key (Enter, Tab, Escape): the editor's blur that follows must not commit again. */
  const ended = useRef(false);
  const size = { rows: rows.length, cols: COLUMNS.length };
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design; this component is not memoized by the compiler.
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  const stagedByKey = useMemo(() => new Map(staged.filter((e) => e.entity === 'product').map((e) => [stagedKey(e), e])), [staged]);
  const shown = (row: Row, column: Column): JsonValue => {
    const edit = column.editable ? stagedByKey.get(`product:${row.id}:${column.field}`) : undefined;
    return edit ? edit.to : (row[column.field] as JsonValue);
  };
  const editable: (EditableColumn<Row> | null)[] = COLUMNS.map((column) =>
    column.editable ? { entity: 'product', field: column.field, idOf: (r) => r.id, valueOf: (r) => shown(r, column) } : null,
  );
  const bounds = boundsOf(selection);

  async function stage(texts: Iterable<{ cell: Cell; text: string }>): Promise<{ staged: number; errors: CellError[] }> {
    const { edits, errors } = editsFromTexts(rows, editable, texts, checks);
    if (errors.length) reportErrors(errors);
    if (edits.length === 0) return { staged: 0, errors };
    try {
      await call('staging.stage', { storeId, edits });
    } catch (error) {
      push('error', `Nothing was staged: ${(error as Error).message}`);
      throw error;
    }
    return { staged: edits.length, errors };
  }

  useImperativeHandle(ref, () => ({
    getSelectedCells() {
      const cells: SelectedCell[] = [];
      for (let r = bounds.top; r <= bounds.bottom; r++) {
        for (let c = bounds.left; c <= bounds.right; c++) {
          const row = rows[r]!;
          const column = COLUMNS[c]!;
          const value = shown(row, column);
          const target = column.editable ? { entity: 'product' as const, id: row.id, field: column.field } : null;
          cells.push({ rowId: `p${row.id}`, columnId: column.field, value, text: textOf(value), target });
        }
      }
      return cells;
    },
    async stageCells(cells: readonly CellText[]) {
      const index = new Map(rows.map((row, i) => [`p${row.id}`, i]));
      const texts = cells.flatMap((cell) => {
        const row = index.get(cell.rowId);
        const col = COLUMNS.findIndex((c) => c.field === cell.columnId);
        return row === undefined || col < 0 ? [] : [{ cell: { row, col }, text: cell.text }];
      });
      const { staged: count, errors } = await stage(texts);
      return { staged: count, refused: errors.map((e) => ({ rowId: `p${rows[e.cell.row]!.id}`, columnId: COLUMNS[e.cell.col]!.field, text: e.text, message: e.message })) };
    },
  }));

  function reportErrors(errors: CellError[]) {
    const first = errors.slice(0, 3).map((e) => `${COLUMNS[e.cell.col]!.label} row ${e.cell.row + 1}: ${e.message}`);
    push('error', `${errors.length} ${errors.length === 1 ? 'cell was' : 'cells were'} not changed — ${first.join('; ')}${errors.length > 3 ? '; …' : ''}`);
  }

  function focusCell(next: Selection) {
    setSelection(next);
    virtual.scrollToIndex(next.focus.row);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (editing) return;
    const mod = event.ctrlKey || event.metaKey;
    const arrow = ARROWS[event.key];
    if (arrow) {
      event.preventDefault();
      focusCell(move(selection, arrow, size, { extend: event.shiftKey, jump: mod }));
    } else if (mod && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      setSelection(selectAll(size));
    } else if (mod && event.key.toLowerCase() === 'd') {
      event.preventDefault();
      const texts = [...fillDownCells(bounds)].map(({ cell, from }) => ({ cell, text: textOf(shown(rows[from.row]!, COLUMNS[from.col]!)) }));
      void stage(texts).catch(() => {});
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit(selection.focus, textOf(shown(rows[selection.focus.row]!, COLUMNS[selection.focus.col]!)));
    } else if (!mod && !event.altKey && event.key.length === 1) {
      event.preventDefault();
      startEdit(selection.focus, event.key);
    }
  }

  function startEdit(cell: Cell, text: string) {
    if (!COLUMNS[cell.col]?.editable || !rows[cell.row]) return;
    ended.current = false;
    setEditing({ cell, text });
  }

  async function commitEdit(next: Direction | null) {
    if (!editing || ended.current) return;
    ended.current = true;
    const { cell, text } = editing;
    setEditing(null);
    scroller.current?.focus({ preventScroll: true });
    if (next) setSelection(move(single(cell), next, size));
    await stage([{ cell, text }]).catch(() => {});
  }

  const onCopy = (event: React.ClipboardEvent) => {
    if (editing) return;
    const block: string[][] = [];
    for (let r = bounds.top; r <= bounds.bottom; r++) {
      const line: string[] = [];
      for (let c = bounds.left; c <= bounds.right; c++) line.push(textOf(shown(rows[r]!, COLUMNS[c]!)));
      block.push(line);
    }
    event.clipboardData.setData('text/plain', formatClipboardText(block));
    event.preventDefault();
  };

  const onPaste = (event: React.ClipboardEvent) => {
    if (editing) return;
    event.preventDefault();
    const block = parseClipboardText(event.clipboardData.getData('text/plain'));
    if (block.length === 0) return;
    const target = pasteTarget(bounds, { rows: block.length, cols: Math.max(...block.map((r) => r.length)) }, size);
    setSelection({ anchor: { row: target.top, col: target.left }, focus: { row: target.bottom, col: target.right } });
    void stage(pasteCells(target, block)).catch(() => {});
  };

  const width = COLUMNS.reduce((n, c) => n + c.width, 0);
  return (
    <div
      className="grid"
      role="grid"
      aria-label="Products"
      aria-rowcount={rows.length + 1}
      aria-colcount={COLUMNS.length}
      tabIndex={0}
      ref={scroller}
      onKeyDown={onKeyDown}
      onCopy={onCopy}
      onPaste={onPaste}
    >
      <div role="row" className="grid-row grid-head" style={{ width }}>
        {COLUMNS.map((column) => (
          <span key={column.field} role="columnheader" className={column.numeric ? 'num' : ''} style={{ width: column.width }}>
            {column.label}
          </span>
        ))}
      </div>
      <div style={{ height: virtual.getTotalSize(), width, position: 'relative' }}>
        {virtual.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <div key={row.id} role="row" aria-rowindex={item.index + 2} className="grid-row" style={{ transform: `translateY(${item.start}px)`, width }}>
              {COLUMNS.map((column, c) => {
                const cell = { row: item.index, col: c };
                const isStaged = column.editable && stagedByKey.has(`product:${row.id}:${column.field}`);
                const isFocus = selection.focus.row === item.index && selection.focus.col === c;
                const className = ['grid-cell', column.numeric ? 'num' : '', column.editable ? '' : 'readonly', isStaged ? 'staged' : '', contains(bounds, cell) ? 'selected' : '', isFocus ? 'focus' : '']
                  .filter(Boolean)
                  .join(' ');
                if (editing && editing.cell.row === item.index && editing.cell.col === c) {
                  return (
                    <input
                      key={column.field}
                      aria-label={`Edit ${column.label}`}
                      className="grid-cell grid-editor"
                      style={{ width: column.width }}
                      autoFocus
                      value={editing.text}
                      onChange={(e) => setEditing({ cell, text: e.target.value })}
                      onBlur={() => void commitEdit(null)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') void commitEdit(e.shiftKey ? 'up' : 'down');
                        else if (e.key === 'Tab') {
                          e.preventDefault();
                          void commitEdit(e.shiftKey ? 'left' : 'right');
                        } else if (e.key === 'Escape') {
                          ended.current = true; // nothing is staged
                          setEditing(null);
                          scroller.current?.focus({ preventScroll: true });
                        }
                      }}
                    />
                  );
                }
                return (
                  <span
                    key={column.field}
                    role="gridcell"
                    aria-selected={contains(bounds, cell)}
                    className={className}
                    style={{ width: column.width }}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      scroller.current?.focus({ preventScroll: true });
                      setSelection(e.shiftKey ? { anchor: selection.anchor, focus: cell } : single(cell));
                    }}
                    onMouseEnter={(e) => e.buttons === 1 && setSelection({ anchor: selection.anchor, focus: cell })}
                    onDoubleClick={() => startEdit(cell, textOf(shown(row, column)))}
                  >
                    {formatValue(shown(row, column))}
                  </span>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** A value as a spreadsheet shows it: TRUE/FALSE for flags, empty for null. */
function textOf(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
