import type { ColumnFiltersState, RowModel } from '@tanstack/react-table';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack types the filteredRowModel slot as RowModel<any, any>
type AnyRowModel = RowModel<any, any>;

/** A table row as the filter sees it: its place in the data. */
interface PlacedRow {
  index: number;
}
type ColumnFilterFn = (row: PlacedRow, id: string, value: unknown) => boolean;
/** The grid's quick filter: which rows (by place) match a query, from its own index. */
interface QuickMatch {
  match(query: string): (place: number) => boolean;
}
interface FilterableTable {
  getPreFilteredRowModel(): AnyRowModel;
  getColumn(id: string): { columnDef: { filterFn?: unknown } } | undefined;
  options: { globalFilterFn?: unknown };
  atoms: { columnFilters?: { get(): ColumnFiltersState }; globalFilter?: { get(): unknown } };
}

/**
 * The grid's filtered row model, in place of TanStack's createFilteredRowModel, which gives every
 * one of 100,000 rows two new objects (its filter results) on each filter — even an empty one —
 * and builds a new id map of the matches: the quick filter answers from its own index over kept
 * texts, column filters run on the rows the quick filter let through, and the matches keep the
 * core rows themselves. Filters pick products; their variants (not table rows) come along.
 */
export function createGridFilteredRowModel() {
  return (table: FilterableTable) => {
    let last: { pre: AnyRowModel; filters: ColumnFiltersState; query: unknown; model: AnyRowModel } | null = null;
    return (): AnyRowModel => {
      const pre = table.getPreFilteredRowModel();
      const filters = table.atoms.columnFilters?.get() ?? [];
      const query = table.atoms.globalFilter?.get();
      if (last && last.pre === pre && last.filters === filters && last.query === query) return last.model;
      last = { pre, filters, query, model: filterModel(table, pre, filters, query) };
      return last.model;
    };
  };
}

function filterModel(table: FilterableTable, pre: AnyRowModel, filters: ColumnFiltersState, query: unknown): AnyRowModel {
  const tests: Array<(row: PlacedRow) => boolean> = [];
  const quick = table.options.globalFilterFn as Partial<QuickMatch> | undefined;
  if (typeof query === 'string' && query.trim() && typeof quick?.match === 'function') {
    const matches = quick.match(query);
    tests.push((row) => matches(row.index));
  }
  for (const { id, value } of filters) {
    const filterFn = table.getColumn(id)?.columnDef.filterFn;
    if (typeof filterFn === 'function') tests.push((row) => (filterFn as ColumnFilterFn)(row, id, value));
  }
  if (tests.length === 0 || pre.rows.length === 0) return pre;
  const passes = tests.length === 1 ? tests[0]! : (row: PlacedRow) => tests.every((test) => test(row));
  const all = pre.rows as unknown as PlacedRow[];
  const kept: PlacedRow[] = [];
  for (let i = 0; i < all.length; i++) if (passes(all[i]!)) kept.push(all[i]!);
  const rows = kept as unknown as AnyRowModel['rows'];
  return { rows, flatRows: rows, rowsById: pre.rowsById };
}
