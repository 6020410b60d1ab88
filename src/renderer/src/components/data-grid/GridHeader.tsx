import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import type { ReactTable } from '@tanstack/react-table';
import { dragResize, reorderColumn } from './column-actions';
import { ColumnMenu } from './ColumnMenu';
import type { GridFeatures } from './grid-table';
import { GUTTER, type ColumnSlot } from './layout';
import { describeFilter, type ColumnFilterValue } from './model/filters';

interface Props<Row extends object> {
  gridId: string;
  table: ReactTable<GridFeatures, Row, unknown>;
  slots: readonly ColumnSlot<Row>[];
  lead: number;
  trail: number;
  width: number;
  selectedCols: { left: number; right: number } | null;
  onSelectAll(): void;
  onSelectColumn(col: number, event: MouseEvent): void;
  /** The header the keyboard is on (its column index), if any. */
  focusCol: number | null;
  /** The column whose menu is open. */
  menu: string | null;
  onMenu(columnId: string | null): void;
  /** After a menu closed: `refocus` when it closed by a key or an action (focus goes back to the grid). */
  onMenuClosed(refocus: boolean): void;
  /** Move a column (by its index) one place left or right. */
  onMoveColumn(col: number, by: -1 | 1): void;
}

/**
 * The header row: a column header's accessible name is its label. Its label selects the column
 * (Shift extends), drag it onto another header to reorder, the arrow sorts (Shift+click adds a
 * sort), the menu filters, pins and hides, the right edge resizes.
 */
export function GridHeader<Row extends object>(props: Props<Row>) {
  const { gridId, table, slots, lead, trail, width, selectedCols, onSelectAll, onSelectColumn, focusCol, menu, onMenu, onMenuClosed, onMoveColumn } = props;
  const latest = useRef(table);
  useLayoutEffect(() => {
    latest.current = table;
  });
  const closeMenu = (refocus: boolean) => {
    onMenu(null);
    onMenuClosed(refocus);
  };
  const headers = slots.map((slot) => {
    const col = slot.table;
    const sort = col.getIsSorted();
    const filter = col.getFilterValue() as ColumnFilterValue | undefined;
    const selected = selectedCols !== null && slot.index >= selectedCols.left && slot.index <= selectedCols.right;
    const sortIndex = table.atoms.sorting.get().length > 1 && sort ? col.getSortIndex() + 1 : null;
    return (
      <div
        key={slot.column.id}
        id={`${gridId}-h${slot.index}`}
        role="columnheader"
        aria-label={slot.column.label}
        aria-colindex={slot.index + 2}
        aria-sort={sort === 'asc' ? 'ascending' : sort === 'desc' ? 'descending' : 'none'}
        className={['grid-header', slot.column.numeric ? 'num' : '', slot.pinned ? 'pinned' : '', selected ? 'selected' : '', filter ? 'filtered' : '', focusCol === slot.index ? 'focus' : ''].filter(Boolean).join(' ')}
        style={slot.pinned ? { width: slot.width, left: slot.stickyLeft } : { width: slot.width }}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          const from = e.dataTransfer.getData('text/x-grid-column');
          if (from && from !== slot.column.id) reorderColumn(table, from, slot.column.id);
        }}
      >
        <span
          className="header-label"
          draggable
          onDragStart={(e) => e.dataTransfer.setData('text/x-grid-column', slot.column.id)}
          onMouseDown={(e) => onSelectColumn(slot.index, e)}
          title={filter ? `${slot.column.label}: ${describeFilter(filter)}` : slot.column.label}
        >
          {slot.column.label}
        </span>
        <button type="button" className={`header-button${sort ? ' active' : ''}`} tabIndex={-1} aria-label={`Sort by ${slot.column.label}`} onClick={col.getToggleSortingHandler()}>
          {sort === 'asc' ? '▲' : sort === 'desc' ? '▼' : '↕'}
          {sortIndex && <sup>{sortIndex}</sup>}
        </button>
        <button type="button" className={`header-button${menu === slot.column.id ? ' active' : ''}`} tabIndex={-1} aria-label={`${slot.column.label} column options`} aria-haspopup="dialog" aria-expanded={menu === slot.column.id} onClick={() => onMenu(menu === slot.column.id ? null : slot.column.id)}>
          ⋮
        </button>
        <span
          className="resizer"
          aria-hidden
          onMouseDown={(e) => {
            if (e.button !== 0) return;
            e.stopPropagation();
            e.preventDefault();
            dragResize(() => latest.current, col.id, e.clientX, e.currentTarget);
          }}
          onDoubleClick={() => col.resetSize()}
        />
        {menu === slot.column.id && <ColumnMenu column={slot.column} table={col} onMove={(by) => onMoveColumn(slot.index, by)} onClose={closeMenu} />}
      </div>
    );
  });
  const firstCenter = slots.findIndex((s) => !s.pinned);
  const spacer = <div key="lead" className="grid-spacer" style={{ width: lead }} aria-hidden />;
  if (firstCenter >= 0) headers.splice(firstCenter, 0, spacer);
  else headers.push(spacer);
  return (
    <div role="row" aria-rowindex={1} className="grid-row grid-head" style={{ width }}>
      <div role="columnheader" aria-colindex={1} aria-label="Row" className="grid-gutter corner" style={{ width: GUTTER }}>
        <button type="button" className="header-button" tabIndex={-1} aria-label="Select all cells" onClick={onSelectAll}>
          ◢
        </button>
      </div>
      {headers}
      <div className="grid-spacer" style={{ width: trail }} aria-hidden />
    </div>
  );
}
