import type { ColumnFiltersState, ColumnOrderState, ColumnPinningState, ColumnSizingState, SortingState, ColumnVisibilityState } from '@tanstack/react-table';

/** What a saved view keeps: the column layout, the sort and the filters. */
export interface GridView {
  columnOrder: ColumnOrderState;
  columnVisibility: ColumnVisibilityState;
  columnPinning: ColumnPinningState;
  columnSizing: ColumnSizingState;
  sorting: SortingState;
  columnFilters: ColumnFiltersState;
  globalFilter: string;
}

export interface SavedViews {
  views: Record<string, GridView>;
  /** The view a grid opens with. */
  defaultView?: string;
}

// A UI preference of this machine, not store data: localStorage, keyed by store and grid.
const storageKey = (storeId: string, gridId: string) => `stockroom.grid-views.${storeId}.${gridId}`;

export function loadViews(storeId: string, gridId: string): SavedViews {
  try {
    const raw = localStorage.getItem(storageKey(storeId, gridId));
    const parsed = raw ? (JSON.parse(raw) as SavedViews) : null;
    return parsed && typeof parsed.views === 'object' && parsed.views !== null ? parsed : { views: {} };
  } catch {
    // A hand-edited or truncated entry must not break the grid: start without saved views.
    return { views: {} };
  }
}

export function saveViews(storeId: string, gridId: string, views: SavedViews): void {
  localStorage.setItem(storageKey(storeId, gridId), JSON.stringify(views));
}
