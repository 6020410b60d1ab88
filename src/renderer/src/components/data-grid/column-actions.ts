import type { ReactTable } from '@tanstack/react-table';
import type { GridFeatures } from './grid-table';
import type { HeaderActions } from './header-keys';
import type { ColumnSlot } from './layout';

type Table<Row extends object> = ReactTable<GridFeatures, Row, unknown>;

/** Puts column `from` just before (or after) column `to` in the column order. */
export function reorderColumn<Row extends object>(table: Table<Row>, from: string, to: string, after = false): void {
  const order = table.getAllLeafColumns().map((c) => c.id);
  const current = table.atoms.columnOrder.get();
  const ids = current.length ? [...current, ...order.filter((id) => !current.includes(id))] : order;
  const next = ids.filter((id) => id !== from);
  next.splice(next.indexOf(to) + (after ? 1 : 0), 0, from);
  table.setColumnOrder(next);
}

interface Context<Row extends object> {
  table: Table<Row>;
  slots: readonly ColumnSlot<Row>[];
  col: number;
  focus(col: number): void;
  leave(): void;
  openMenu(columnId: string): void;
  selectColumn(col: number): void;
}

/** What the header row's keys do to the focused column (see handleHeaderKey). */
export function headerActions<Row extends object>(c: Context<Row>): HeaderActions {
  const slot = c.slots[c.col];
  return {
    col: c.col,
    cols: c.slots.length,
    focus: c.focus,
    leave: c.leave,
    sort: (add) => slot?.table.toggleSorting(undefined, add),
    openMenu: () => slot && c.openMenu(slot.column.id),
    selectColumn: () => c.selectColumn(c.col),
    moveColumn(by) {
      const neighbour = c.slots[c.col + by];
      // A pinned column moves among the pinned ones, a centre column among the centre ones.
      if (!slot || !neighbour || neighbour.pinned !== slot.pinned) return;
      if (slot.pinned) {
        // Pinned columns keep the order of the pinning state, not of the column order.
        const start = [...(c.table.atoms.columnPinning.get().start ?? [])];
        const [a, b] = [start.indexOf(slot.column.id), start.indexOf(neighbour.column.id)];
        [start[a], start[b]] = [start[b]!, start[a]!];
        c.table.setColumnPinning((p) => ({ ...p, start }));
      } else reorderColumn(c.table, slot.column.id, neighbour.column.id, by > 0);
      c.focus(c.col + by);
    },
    resize(by) {
      if (!slot) return;
      const width = Math.max(48, slot.table.getSize() + by);
      c.table.setColumnSizing((sizes) => ({ ...sizes, [slot.column.id]: width }));
    },
  };
}

/**
 * Resizes a column as the mouse moves until the button is released. The table is read through
 * `current()` on every move: the grid hands out a new table per state change, and a handler bound
 * to the table of the mousedown (as TanStack's own is) stops resizing after the first re-render.
 */
export function dragResize<Row extends object>(current: () => Table<Row>, columnId: string, startX: number, handle: HTMLElement): void {
  const start = current().getColumn(columnId)?.getSize() ?? 0;
  handle.classList.add('resizing');
  const move = (e: globalThis.MouseEvent) => {
    const width = Math.max(48, Math.round(start + e.clientX - startX));
    current().setColumnSizing((sizes) => (sizes[columnId] === width ? sizes : { ...sizes, [columnId]: width }));
  };
  const up = (e: globalThis.MouseEvent) => {
    move(e);
    handle.classList.remove('resizing');
    window.removeEventListener('mousemove', move);
    window.removeEventListener('mouseup', up);
  };
  window.addEventListener('mousemove', move);
  window.addEventListener('mouseup', up);
}
