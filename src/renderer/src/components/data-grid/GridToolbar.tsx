import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ReactTable } from '@tanstack/react-table';
import type { GridFeatures } from './grid-table';
import { describeFilter, type ColumnFilterValue } from './model/filters';
import { useUndoStore } from './model/undo-store';
import type { GridColumn } from './types';
import { loadViews, saveViews, type GridView, type SavedViews } from './views';

interface Props<Row extends object> {
  table: ReactTable<GridFeatures, Row, unknown>;
  storeId: string;
  gridId: string;
  columns: readonly GridColumn<Row>[];
  shown: number;
  total: number;
  expandable: boolean;
  /** Edits were staged since the view was last sorted: offer to sort again. */
  sortStale: boolean;
  onResort(): void;
  onUndo(): void;
  onRedo(): void;
  children?: ReactNode;
}

export function currentView<Row extends object>(table: ReactTable<GridFeatures, Row, unknown>): GridView {
  const a = table.atoms;
  return {
    columnOrder: a.columnOrder.get(),
    columnVisibility: a.columnVisibility.get(),
    columnPinning: a.columnPinning.get(),
    columnSizing: a.columnSizing.get(),
    sorting: a.sorting.get(),
    columnFilters: a.columnFilters.get(),
    globalFilter: (a.globalFilter.get() as string | undefined) ?? '',
  };
}

export function applyView<Row extends object>(table: ReactTable<GridFeatures, Row, unknown>, view: GridView): void {
  table.setColumnOrder(view.columnOrder);
  table.setColumnVisibility(view.columnVisibility);
  table.setColumnPinning(view.columnPinning);
  table.setColumnSizing(view.columnSizing);
  table.setSorting(view.sorting);
  table.setColumnFilters(view.columnFilters);
  table.setGlobalFilter(view.globalFilter);
}

/** Quick filter, active filters, columns, saved views, expand all, undo/redo, and the screen's actions. */
function GridToolbarView<Row extends object>(props: Props<Row>) {
  const { table, storeId, gridId, columns, shown, total, expandable, sortStale, onResort, onUndo, onRedo, children } = props;
  // Keyed by store and grid by the caller: a new store starts from its own saved views.
  const [saved, setSaved] = useState<SavedViews>(() => loadViews(storeId, gridId));
  const [active, setActive] = useState(() => (saved.defaultView && saved.views[saved.defaultView] ? saved.defaultView : ''));
  const [columnsOpen, setColumnsOpen] = useState(false);
  const stack = useUndoStore((s) => s.stacks[storeId]);
  // Once per mount (the caller keys this by store and grid). Not on `table`: useTable hands out a
  // new object on every state change, and applying the view changes state — that looped forever.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    const initial = loadViews(storeId, gridId);
    const view = initial.defaultView ? initial.views[initial.defaultView] : undefined;
    if (view) applyView(table, view);
  }, [storeId, gridId, table]);
  const store = (next: SavedViews) => {
    saveViews(storeId, gridId, next);
    setSaved(next);
  };
  const saveAs = () => {
    const name = window.prompt('Save this view (columns, sort and filters) as:', active || 'My view')?.trim();
    if (!name) return;
    store({ ...saved, views: { ...saved.views, [name]: currentView(table) } });
    setActive(name);
  };
  const filters = table.atoms.columnFilters.get();
  const quick = (table.atoms.globalFilter.get() as string | undefined) ?? '';
  const labelOf = (id: string) => columns.find((c) => c.id === id)?.label ?? id;
  return (
    <div className="grid-toolbar" role="toolbar" aria-label={`${gridId} tools`}>
      <input type="search" className="quick-filter" aria-label="Quick filter" placeholder="Filter all columns…" value={quick} onChange={(e) => table.setGlobalFilter(e.target.value)} />
      <span className="muted" role="status" aria-label="Rows shown">
        {shown === total ? `${total.toLocaleString()} rows` : `${shown.toLocaleString()} of ${total.toLocaleString()} rows`}
      </span>
      {filters.map((f) => (
        <span key={f.id} className="filter-chip">
          {labelOf(f.id)} {describeFilter(f.value as ColumnFilterValue)}
          <button type="button" className="icon-button" aria-label={`Clear ${labelOf(f.id)} filter`} onClick={() => table.getColumn(f.id)?.setFilterValue(undefined)}>
            ×
          </button>
        </span>
      ))}
      {sortStale && (
        <button type="button" className="button small" onClick={onResort} title="The view keeps its order while you edit; sort again to include the new values">
          Sort again
        </button>
      )}
      <span className="spacer" />
      {children}
      {expandable && (
        <>
          <button type="button" className="button small" onClick={() => table.toggleAllRowsExpanded(true)}>
            Expand all
          </button>
          <button type="button" className="button small" onClick={() => table.toggleAllRowsExpanded(false)}>
            Collapse all
          </button>
        </>
      )}
      <button type="button" className="button small" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={!stack?.past.length} onClick={onUndo}>
        ↶
      </button>
      <button type="button" className="button small" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" disabled={!stack?.future.length} onClick={onRedo}>
        ↷
      </button>
      <div className="popover-anchor">
        <button type="button" className="button small" aria-expanded={columnsOpen} onClick={() => setColumnsOpen(!columnsOpen)}>
          Columns
        </button>
        {columnsOpen && (
          <div className="column-menu columns-list" role="dialog" aria-label="Columns">
            {table.getAllLeafColumns().map((col) => (
              <label key={col.id}>
                <input type="checkbox" checked={col.getIsVisible()} onChange={(e) => col.toggleVisibility(e.target.checked)} />
                {labelOf(col.id)}
              </label>
            ))}
            <button type="button" className="button small" onClick={() => (table.resetColumnVisibility(), table.resetColumnOrder(), table.resetColumnPinning(), table.resetColumnSizing())}>
              Reset columns
            </button>
          </div>
        )}
      </div>
      <select
        aria-label="Saved view"
        value={active}
        onChange={(e) => {
          setActive(e.target.value);
          const view = saved.views[e.target.value];
          if (view) applyView(table, view);
        }}
      >
        <option value="">{active ? 'Unsaved view' : 'Views…'}</option>
        {Object.keys(saved.views).map((name) => (
          <option key={name} value={name}>
            {name}
            {saved.defaultView === name ? ' (default)' : ''}
          </option>
        ))}
      </select>
      <button type="button" className="button small" onClick={saveAs}>
        Save view…
      </button>
      <button type="button" className="button small" disabled={!active} onClick={() => store({ ...saved, defaultView: saved.defaultView === active ? undefined : active })}>
        {active && saved.defaultView === active ? 'Unset default' : 'Make default'}
      </button>
    </div>
  );
}

/** Memoized: the grid re-renders on every scroll frame, and nothing of the toolbar moves with it. */
export const GridToolbar = memo(GridToolbarView) as typeof GridToolbarView;
