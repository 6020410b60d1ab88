import type { Column } from '@tanstack/react-table';
import type { GridFeatures } from './grid-table';
import type { GridColumn } from './types';

export const ROW_HEIGHT = 28;
/** The row-number gutter: select whole rows, expand a row. */
export const GUTTER = 72;

/** A visible column in display order (pinned first), with where it sits. */
export interface ColumnSlot<Row extends object> {
  index: number;
  column: GridColumn<Row>;
  table: Column<GridFeatures, Row, unknown>;
  width: number;
  pinned: boolean;
  /** Left offset of a pinned column (sticky), from the grid's left edge. */
  stickyLeft: number;
}

export function columnSlots<Row extends object>(
  pinned: Column<GridFeatures, Row, unknown>[],
  center: Column<GridFeatures, Row, unknown>[],
  byId: ReadonlyMap<string, GridColumn<Row>>,
): ColumnSlot<Row>[] {
  let left = GUTTER;
  const slots: ColumnSlot<Row>[] = [];
  for (const [list, isPinned] of [[pinned, true], [center, false]] as const) {
    for (const col of list) {
      const column = byId.get(col.id);
      if (!column) continue;
      const width = col.getSize();
      slots.push({ index: slots.length, column, table: col, width, pinned: isPinned, stickyLeft: isPinned ? left : 0 });
      if (isPinned) left += width;
    }
  }
  return slots;
}

/** The horizontal offset where a column's cell starts, given where the virtualizer put center columns. */
export function pinnedWidth<Row extends object>(slots: readonly ColumnSlot<Row>[]): number {
  return slots.reduce((sum, s) => sum + (s.pinned ? s.width : 0), 0);
}

/**
 * The rows to render: the virtualizer's range with its overscan, always `shown` rows plus the
 * overscan long (fewer only when there are fewer). Row elements are keyed by index modulo the
 * window's length, so a window of one length maps onto the same elements wherever it is: a fling,
 * which brings a new window every frame, rewrites their text instead of mounting new rows (a window
 * one row longer or shorter than the last, as partial rows at the edges made it, remapped them all).
 */
export function fixedWindow(range: { startIndex: number; endIndex: number; overscan: number; count: number }, shown: number): number[] {
  const length = Math.min(range.count, Math.max(shown, range.endIndex - range.startIndex + 1) + 2 * range.overscan);
  const start = Math.max(0, Math.min(range.startIndex - range.overscan, range.count - length));
  return Array.from({ length }, (_, i) => start + i);
}
