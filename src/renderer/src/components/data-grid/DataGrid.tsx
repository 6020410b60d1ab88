import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { resort, shownRows, type ShownRow } from './grid-table';
import { GridHeader } from './GridHeader';
import { GridNewRow } from './GridNewRow';
import { newRowCount } from './new-row';
import { GridRowMemo, type RowEvents } from './GridRows';
import { applyView, currentView, GridToolbar } from './GridToolbar';
import { loadSession, saveSession, sessionKey, type GridSession } from './session';
import { columnSlots, fixedWindow, GUTTER, pinnedWidth, ROW_HEIGHT } from './layout';
import { boundsOf, single, type Selection } from './model/range';
import type { DataGridProps } from './types';
import { useGridActions } from './useGridActions';
import { useGridStaging } from './useGridStaging';
import { useIdleEach } from './useIdleEach';
import { useKeptTable } from './useKeptTable';
import { useSkim } from './useSkim';

/**
 * Rows rendered beyond the viewport on each side: a few at rest (the keyboard moves into them
 * without a blank row), one while scrolling, where a fling brings a new window every frame and
 * each extra row is wasted work.
 */
const OVERSCAN = 8;
const SCROLLING_OVERSCAN = 1;

/**
 * The shared spreadsheet grid. TanStack Table v9 keeps the column state, sort, filters and
 * expansion; TanStack Virtual renders only the rows and center columns in view. Staged values are
 * an overlay the grid paints at once: an edit never touches the row objects nor the row model.
 */
export function DataGrid<Row extends object>(props: DataGridProps<Row>) {
  // One grid instance per store: nothing of one store's grid state can leak into another's.
  return <StoreGrid<Row> key={sessionKey(props.storeId, props.gridId)} {...props} />;
}

function StoreGrid<Row extends object>(props: DataGridProps<Row>) {
  const { label, storeId, gridId, rows, columns, getRowId, getSubRows, toolbar } = props;
  const domId = useId().replace(/:/g, '');
  const staging = useGridStaging<Row>(props);
  const { overlayRef } = staging;
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const { table, quick } = useKeptTable(sessionKey(storeId, gridId), { rows, columns, getRowId, ...(getSubRows ? { getSubRows } : {}), overlayRef });
  const lastRowVirtual = useRef<{ isScrolling: boolean; scrollRect: { height: number } | null } | null>(null);
  const scrolling = useCallback(() => lastRowVirtual.current?.isScrolling === true, []);
  useIdleEach(rows, quick.prepare, scrolling);
  const modelRows = table.getRowModel().rows;
  const expanded = table.atoms.expanded.get();
  const made = useMemo(() => new WeakMap<Row, ShownRow<Row>>(), []);
  const visible = useMemo(() => shownRows(modelRows, expanded, getSubRows, getRowId, made), [modelRows, expanded, getSubRows, getRowId, made]);
  // The same objects while the table's state stays (a scroll changes none of it), so memoized rows
  // and the header skip a re-render that would change nothing.
  const slots = useMemo(() => columnSlots(table.getStartVisibleLeafColumns(), table.getCenterVisibleLeafColumns(), byId), [table, byId]);
  const center = useMemo(() => slots.filter((s) => !s.pinned), [slots]);
  const pinned = GUTTER + pinnedWidth(slots);

  const scroller = useRef<HTMLDivElement>(null);
  const [restored] = useState(() => loadSession(sessionKey(storeId, gridId)));
  const [selection, setSelection] = useState<Selection>(restored?.selection ?? single({ row: 0, col: 0 }));
  const scroll = useRef({ top: restored?.scrollTop ?? 0, left: restored?.scrollLeft ?? 0 });
  const latest = useRef({ selection, table, staging });
  latest.current = { selection, table, staging };
  useEffect(() => {
    // After the toolbar's effect has applied the store's default view: the session wins.
    if (restored) restoreSession(latest.current.table, restored, scroller);
    return () => {
      const { table: last, selection: selected } = latest.current;
      saveSession(sessionKey(storeId, gridId), { view: currentView(last), expanded: last.atoms.expanded.get(), selection: selected, scrollTop: scroll.current.top, scrollLeft: scroll.current.left });
    };
  }, [restored, storeId, gridId]);
  const [editing, setEditing] = useState<{ row: number; col: number; text: string } | null>(null);
  /** The column header the keyboard is on (↑ from the first row), null while on the cells. */
  const [headerCol, setHeaderCol] = useState<number | null>(null);
  /** The column whose menu is open. */
  const [menu, setMenu] = useState<string | null>(null);
  /** Edits staged since the view was last sorted (the order is kept until the user sorts again). */
  const [sortStale, setSortStale] = useState(false);
  const sorting = table.atoms.sorting.get();
  useEffect(() => setSortStale(false), [sorting]);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design; this component is not memoized by the compiler.
  const rowVirtual = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // The instance is the same across renders and knows it is scrolling before it re-renders.
    overscan: lastRowVirtual.current?.isScrolling ? SCROLLING_OVERSCAN : OVERSCAN,
    scrollMargin: ROW_HEIGHT,
    scrollPaddingStart: ROW_HEIGHT,
    rangeExtractor: (range) => fixedWindow(range, Math.ceil((lastRowVirtual.current?.scrollRect?.height ?? 0) / ROW_HEIGHT) + 1),
    // Items keep the default key, their index: rows have one fixed height, so nothing measured is
    // worth keeping per row, and a key per row made the virtualizer rebuild its 100,000
    // measurements on every sort and filter (React keys are the grid's own, below).
  });
  lastRowVirtual.current = rowVirtual;
  const widthsKey = center.map((s) => `${s.column.id}:${s.width}`).join(',');
  const colVirtual = useVirtualizer({
    horizontal: true,
    count: center.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => center[i]?.width ?? 120,
    // Columns beyond the edges only while at rest: a vertical fling renders every row anew each
    // frame, and two columns each side were a quarter of its cells.
    overscan: rowVirtual.isScrolling ? 0 : 2,
    paddingStart: pinned,
    scrollPaddingStart: pinned,
    getItemKey: (i) => center[i]?.column.id ?? i,
  });
  useEffect(() => colVirtual.measure(), [widthsKey, pinned, colVirtual]);

  const actions = useGridActions({ props, table, staging, visible, slots, selection, setSelection, editing, setEditing, headerCol, setHeaderCol, setMenu, rowVirtual, colVirtual, scroller, onStaged: () => sorting.length > 0 && setSortStale(true) });

  const onResort = useCallback(() => resort(latest.current.table), []);
  const onUndo = useCallback(() => void latest.current.staging.undo(), []);
  const onRedo = useCallback(() => void latest.current.staging.redo(), []);
  const bounds = boundsOf(selection);
  const rowItems = rowVirtual.getVirtualItems();
  const skim = useSkim(rowVirtual.scrollOffset ?? 0, rowVirtual.isScrolling, rowVirtual.scrollRect?.height ?? 0);
  const columnItems = colVirtual.getVirtualItems();
  const { starts, shownSlots } = useMemo(
    () => ({
      starts: new Map(columnItems.map((item) => [center[item.index]!.index, item.start])),
      shownSlots: [...slots.filter((s) => s.pinned), ...columnItems.map((item) => center[item.index]!)],
    }),
    [slots, center, columnItems],
  );
  const total = colVirtual.getTotalSize();
  const lead = columnItems.length ? columnItems[0]!.start - pinned : 0;
  const trail = columnItems.length ? total - columnItems[columnItems.length - 1]!.end : 0;
  const events: RowEvents = actions.events;
  const focusCell = headerCol !== null ? `${domId}-h${headerCol}` : `${domId}-c${selection.focus.row}-${selection.focus.col}`;

  return (
    <div className="data-grid">
      <GridToolbar
        key={`${storeId}:${gridId}`}
        table={table}
        storeId={storeId}
        gridId={gridId}
        columns={columns}
        shown={table.getFilteredRowModel().rows.length}
        total={rows.length}
        expandable={!!getSubRows}
        sortStale={sortStale}
        onResort={onResort}
        onUndo={onUndo}
        onRedo={onRedo}
      >
        {toolbar}
      </GridToolbar>
      <div
        className="grid"
        role="grid"
        aria-label={label}
        aria-multiselectable
        aria-rowcount={visible.length + 1 + newRowCount(props.newRow)}
        aria-colcount={slots.length + 1}
        // Rows are re-rendered (and their elements reused for other rows) once scrolling stops.
        data-scrolling={rowVirtual.isScrolling || undefined}
        aria-activedescendant={editing ? undefined : focusCell}
        tabIndex={0}
        ref={scroller}
        onScroll={(e) => (scroll.current = { top: e.currentTarget.scrollTop, left: e.currentTarget.scrollLeft })}
        onKeyDown={actions.onKeyDown}
        onCopy={actions.onCopy}
        onPaste={actions.onPaste}
      >
        <GridHeader
          gridId={domId}
          table={table}
          focusCol={headerCol}
          menu={menu}
          onMenu={setMenu}
          onMenuClosed={actions.menuClosed}
          onMoveColumn={actions.moveColumn}
          slots={shownSlots}
          lead={lead}
          trail={trail}
          width={total}
          selectedCols={bounds.top === 0 && bounds.bottom === visible.length - 1 ? { left: bounds.left, right: bounds.right } : null}
          onSelectAll={actions.selectAll}
          onSelectColumn={actions.selectColumn}
        />
        <div className="grid-body" style={{ height: rowVirtual.getTotalSize(), width: total }}>
          {rowItems.map((item) => {
            const row = visible[item.index]!;
            const inRange = item.index >= bounds.top && item.index <= bounds.bottom;
            return (
              <GridRowMemo<Row>
                // A window is contiguous and of one length (fixedWindow): keys are unique in it, and a
                // window that jumps (a fling brings a new one every frame) reuses the same elements.
                key={item.index % rowItems.length}
                gridId={domId}
                row={row}
                index={item.index}
                top={item.start - ROW_HEIGHT}
                width={total}
                slots={shownSlots}
                lead={lead}
                trail={trail}
                selected={inRange ? { left: bounds.left, right: bounds.right } : null}
                focusCol={selection.focus.row === item.index ? selection.focus.col : -1}
                editing={editing && editing.row === item.index ? editing : null}
                overlay={staging.overlay}
                refused={staging.refused}
                events={events}
                starts={starts}
                expanded={row.getIsExpanded()}
                images={!rowVirtual.isScrolling}
                skim={skim}
              />
            );
          })}
        </div>
        {props.newRow && <GridNewRow<Row> def={props.newRow} slots={slots} width={total} firstIndex={visible.length + 2} />}
      </div>
    </div>
  );
}

function restoreSession<Row extends object>(table: Parameters<typeof applyView<Row>>[0], session: GridSession, scroller: React.RefObject<HTMLDivElement | null>): void {
  applyView(table, session.view);
  table.setExpanded(session.expanded);
  // Two frames: the restored sort and filter re-render the rows first, then the scroll fits them.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      scroller.current?.scrollTo({ top: session.scrollTop, left: session.scrollLeft });
    }),
  );
}
