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
