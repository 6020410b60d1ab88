import type { RowModel, SortingState } from '@tanstack/react-table';

/** Any table's row model (the slot in tableFeatures is typed this loosely too). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack types the sortedRowModel slot as RowModel<any, any>
type AnyRowModel = RowModel<any, any>;
import { sortPlaces, type KeyColumn } from './model/sorted-rows';

/** A table row as the sort sees it: its place in the data. */
interface PlacedRow {
  index: number;
}
interface SortableTable {
  getPreSortedRowModel(): AnyRowModel;
  getColumn(id: string): { accessorFn?: unknown; getCanSort(): boolean } | undefined;
  atoms: { sorting?: { get(): SortingState } };
}

/**
 * Per column, by its accessor function (TanStack copies the definition object but keeps the
 * accessor): the keys of these rows for a sort. tableColumns registers them.
 */
export const sortKeysOf = new WeakMap<object, (rows: readonly PlacedRow[]) => KeyColumn>();

/**
 * The grid's sorted row model, in place of TanStack's createSortedRowModel: the rows' keys are
 * made once per column (kept while the data and the staged values stay the same), then an index
 * array is sorted over flat key arrays. Same order as the columns' compareKeys; rows that tie keep
 * the data's order. Children are not table rows (see shownRows), so there are none to sort here.
 */
export function createGridSortedRowModel() {
  return (table: SortableTable) => {
    let last: { pre: AnyRowModel; sorting: SortingState; model: AnyRowModel } | null = null;
    return (): AnyRowModel => {
      const pre = table.getPreSortedRowModel();
      const sorting = table.atoms.sorting?.get() ?? [];
      if (last && last.pre === pre && last.sorting === sorting) return last.model;
      last = { pre, sorting, model: sortModel(table, pre, sorting) };
      return last.model;
    };
  };
}

function sortModel(table: SortableTable, pre: AnyRowModel, sorting: SortingState): AnyRowModel {
  const rows = pre.rows as unknown as readonly PlacedRow[];
  if (rows.length === 0 || sorting.length === 0) return pre;
  const by: Array<{ keys: KeyColumn; desc: boolean }> = [];
  for (const entry of sorting) {
    const column = table.getColumn(entry.id);
    const make = column?.getCanSort() && typeof column.accessorFn === 'function' ? sortKeysOf.get(column.accessorFn) : undefined;
    if (make) by.push({ keys: make(rows), desc: entry.desc });
  }
  if (by.length === 0) return pre;
  const places = new Uint32Array(rows.length);
  const byPlace: PlacedRow[] = [];
  rows.forEach((row, i) => {
    places[i] = row.index;
    byPlace[row.index] = row;
  });
  const sorted = Array.from(sortPlaces(places, by), (place) => byPlace[place]!) as unknown as AnyRowModel['rows'];
  return { rows: sorted, flatRows: sorted, rowsById: pre.rowsById };
}
