import {
  columnFilteringFeature,
  columnOrderingFeature,
  columnPinningFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  globalFilteringFeature,
  rowExpandingFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type ExpandedState,
  type Row as TableRow,
  type SortingState,
  type TableOptions,
} from '@tanstack/react-table';
import type { JsonValue } from '../../../../shared/contract';
import { matchesFilter, type ColumnFilterValue } from './model/filters';
import { sortKey } from './model/sort-keys';
import { fillKeys, forgetKey, keyColumn, type KeyColumn } from './model/sorted-rows';
import { quickIndex } from './model/quick-index';
import { createGridFilteredRowModel } from './filtered-row-model';
import { createGridSortedRowModel, sortKeysOf } from './sorted-row-model';
import { keyOf, type OverlayEntry } from './model/overlay';
import { plainText } from './model/stage';
import type { GridColumn } from './types';

/** The TanStack Table v9 features the grid uses (opt-in in v9): column state, sort, filter, expansion. */
export const gridFeatures = tableFeatures({
  columnOrderingFeature,
  columnVisibilityFeature,
  columnPinningFeature,
  columnSizingFeature,
  columnResizingFeature,
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  rowExpandingFeature,
  filteredRowModel: createGridFilteredRowModel(),
  sortedRowModel: createGridSortedRowModel(),
});
export type GridFeatures = typeof gridFeatures;
export type GridRow<Row extends object> = TableRow<GridFeatures, Row>;

/** A row the grid shows: a table row, or a child row (a variant) under an expanded one. */
export interface ShownRow<Row> {
  id: string;
  original: Row;
  depth: number;
  getCanExpand(): boolean;
  getIsExpanded(): boolean;
  toggleExpanded(): void;
}

/**
 * The shown rows: the table's (sorted, filtered) rows with the children of expanded rows under
 * them. Children never enter the table: TanStack would build a row object for each of them on
 * every load (387,000 variants under 100,000 products, most of a first visit), so they are made
 * here, once each (`made` keeps their identity for memoized rows), and only when shown.
 */
export function shownRows<Row extends object>(
  rows: readonly ShownRow<Row>[],
  expanded: ExpandedState,
  getSubRows: ((row: Row) => readonly Row[] | undefined) | undefined,
  getRowId: (row: Row) => string,
  made: WeakMap<Row, ShownRow<Row>>,
): readonly ShownRow<Row>[] {
  // Nothing expanded (the usual case): no need to ask 100,000 rows.
  if (!getSubRows || (expanded !== true && Object.keys(expanded).length === 0)) return rows;
  let out: ShownRow<Row>[] | null = null;
  rows.forEach((row, i) => {
    const children = row.getIsExpanded() ? getSubRows(row.original) : undefined;
    if (!children?.length) {
      out?.push(row);
      return;
    }
    out ??= rows.slice(0, i);
    out.push(row);
    for (const child of children) {
      let shown = made.get(child);
      if (!shown) {
        shown = { id: getRowId(child), original: child, depth: row.depth + 1, getCanExpand: () => false, getIsExpanded: () => false, toggleExpanded: () => undefined };
        made.set(child, shown);
      }
      out.push(shown);
    }
  });
  return out ?? rows;
}

/** Row id → row object over rows and their children, built on the first lookup (screen actions). */
export function rowLookup<Row extends object>(rows: readonly Row[], getRowId: (row: Row) => string, getSubRows?: (row: Row) => readonly Row[] | undefined) {
  let byId: Map<string, Row> | null = null;
  return (id: string): Row | undefined => {
    if (!byId) {
      byId = new Map();
      for (const row of rows) {
        byId.set(getRowId(row), row);
        for (const child of getSubRows?.(row) ?? []) byId.set(getRowId(child), child);
      }
    }
    return byId.get(id);
  };
}

/** Reads the live overlay (a ref's current map): the row model never depends on it. A staged change makes a new map (sort keys and filter texts are kept per map). */
export type OverlaySource = () => ReadonlyMap<string, OverlayEntry>;

/** What a cell shows now: its staged value over the store's. */
export function shownValue<Row>(column: GridColumn<Row>, row: Row, overlay: ReadonlyMap<string, OverlayEntry>): JsonValue {
  // No staged edits (the usual case while sorting or filtering): no key to build per cell.
  const target = overlay.size > 0 ? column.edit?.(row) : undefined;
  if (target) {
    const entry = overlay.get(keyOf(target));
    if (entry) return entry.to;
  }
  return column.value(row);
}

export function shownText<Row>(column: GridColumn<Row>, row: Row, value: JsonValue): string {
  return column.format ? column.format(value, row) : plainText(value);
}

/** Places (in the data) of the rows with a staged value in an overlay (the quick filter's index knows them). */
export type StagedPlaces = (overlay: ReadonlyMap<string, OverlayEntry>) => ReadonlySet<number>;

/**
 * Column definitions for TanStack. Sorting and filtering compare the SHOWN values (staged ones
 * included), read through `overlay()` when the sorted/filtered model is computed — which happens
 * only when the sort or filter state changes, never on an edit. So a sorted view holds still
 * while you edit and takes the new values into account when you sort again (as in a spreadsheet).
 * Sorting compares keys made once per row (sort-keys, sorted-row-model), not values per comparison.
 */
/** `rowCount`: how many rows the table has (sizes the per-sort key arrays). */
export function tableColumns<Row extends object>(columns: readonly GridColumn<Row>[], overlay: OverlaySource, staged: StagedPlaces, rowCount = 0): ColumnDef<GridFeatures, Row>[] {
  return columns.map((column): ColumnDef<GridFeatures, Row> => {
    const accessorFn = (row: Row) => column.value(row) as never;
    sortKeysOf.set(accessorFn, sortKeys(column, overlay, staged, rowCount));
    return {
      id: column.id,
      header: column.label,
      accessorFn,
      size: column.width ?? 120,
      minSize: 48,
      filterFn: (row: GridRow<Row>, _id: string, filter: ColumnFilterValue) => {
        const value = shownValue(column, row.original, overlay());
        return matchesFilter(filter, value, shownText(column, row.original, value));
      },
    };
  });
}

/**
 * A column's sort keys by the row's place in `rows` (variants are not table rows, so it is
 * unique), made on a row's first sort from the store's value and kept while the rows stay: a
 * staged change remakes only the keys of rows with staged values then or before.
 */
function sortKeys<Row extends object>(column: GridColumn<Row>, overlay: OverlaySource, staged: StagedPlaces, rowCount: number) {
  let keys: KeyColumn | null = null;
  let keysFor: ReadonlyMap<string, OverlayEntry> | null = null;
  let patched: ReadonlySet<number> = new Set();
  return (rows: readonly { index: number }[]): KeyColumn => {
    const map = overlay();
    let size = rowCount;
    for (const row of rows) if (row.index >= size) size = row.index + 1;
    if (!keys || keys.kind.length < size) {
      keys = keyColumn(size);
      patched = new Set();
      keysFor = null;
    }
    if (map !== keysFor) {
      const now = map.size > 0 ? staged(map) : new Set<number>();
      for (const place of patched) forgetKey(keys, place);
      for (const place of now) forgetKey(keys, place);
      patched = now;
      keysFor = map;
    }
    const shown = patched;
    fillKeys(keys, rows as readonly GridRow<Row>[], (row) => sortKey(shown.has(row.index) ? shownValue(column, row.original, map) : column.value(row.original)));
    return keys;
  };
}

/**
 * The quick filter over every column's shown text (images excepted), answered from an index of
 * the rows' texts (model/quick-index): each row's lower-cased text of the store's values is made
 * once and kept (the grid makes them while idle), rows with staged values are read afresh. The
 * grid's filtered row model asks `match` once per filter; the per-row function is what TanStack's
 * option types.
 */
export function quickFilter<Row extends object>(rows: readonly Row[], columns: readonly GridColumn<Row>[], overlay: OverlaySource) {
  // An image cell shows a picture, not its URL: the filter does not search it.
  const searched = columns.filter((c) => !c.image);
  const edited = columns.filter((c) => c.edit);
  const editable = searched.flatMap((c, i) => (c.edit ? [i] : []));
  const none: ReadonlyMap<string, OverlayEntry> = new Map();
  const textOf = (row: Row, map: ReadonlyMap<string, OverlayEntry>) => searched.map((c) => shownText(c, row, shownValue(c, row, map))).join('\u0000').toLowerCase();
  const index = quickIndex(rows, {
    text: (row) => textOf(row, none),
    // Only the staged cells are formatted again (a paste stages thousands of rows, a few cells each).
    staged: (row, base, map) => {
      const parts = base.split('\u0000');
      // A store value holding the separator itself: read the whole row.
      if (parts.length !== searched.length) return textOf(row, map);
      for (const i of editable) {
        const c = searched[i]!;
        const target = c.edit!(row);
        const entry = target ? map.get(keyOf(target)) : undefined;
        if (entry) parts[i] = shownText(c, row, entry.to).toLowerCase();
      }
      return parts.join('\u0000');
    },
    records: (row, add) => {
      for (const column of edited) {
        const target = column.edit!(row);
        if (target) add(target.entity, target.id);
      }
    },
  });
  let last: { query: string; map: ReadonlyMap<string, OverlayEntry>; matches: (place: number) => boolean } | null = null;
  const match = (query: string): ((place: number) => boolean) => {
    const map = overlay();
    if (!last || last.query !== query || last.map !== map) last = { query, map, matches: index.match(query, map) };
    return last.matches;
  };
  const filter = (row: GridRow<Row>, _id: string, query: string): boolean => match(query)(row.index);
  return Object.assign(filter, { match, prepare: index.prepare, stagedPlaces: index.stagedPlaces });
}

/** Table options shared by the React grid and the model tests. */
export function gridTableOptions<Row extends object>(args: {
  rows: readonly Row[];
  columns: ColumnDef<GridFeatures, Row>[];
  getRowId(row: Row): string;
  getSubRows?(row: Row): readonly Row[] | undefined;
  quick: (row: GridRow<Row>, id: string, query: string) => boolean;
  hidden: Record<string, boolean>;
  pinned: string[];
}): TableOptions<GridFeatures, Row> {
  return {
    features: gridFeatures,
    columns: args.columns,
    data: args.rows as Row[],
    getRowId: (row) => args.getRowId(row),
    // Children are not table rows (see shownRows): the table only knows which rows can expand.
    ...(args.getSubRows ? { getRowCanExpand: (row: GridRow<Row>) => !!args.getSubRows!(row.original)?.length } : {}),
    globalFilterFn: args.quick,
    // Filters pick products; their variants come along (a variant has no name to match).
    maxLeafRowFilterDepth: 0,
    enableMultiSort: true,
    isMultiSortEvent: (event: unknown) => (event as { shiftKey?: boolean }).shiftKey === true,
    columnResizeMode: 'onChange',
    // globalFilter '' as the toolbar and saved sessions write it: restoring a session then changes no
    // state, so a kept table does not filter 100,000 rows again when its screen is opened again.
    initialState: { columnVisibility: args.hidden, columnPinning: { start: args.pinned, end: [] }, globalFilter: '' },
  };
}

let resorts = 0;

/**
 * Sort again with the same sort, taking staged values into account. Table state ignores a sort
 * structurally equal to the current one, so each entry carries a counter the sort itself ignores.
 */
export function resort(table: { atoms: { sorting: { get(): SortingState } }; setSorting(s: SortingState): void }): void {
  resorts += 1;
  table.setSorting(table.atoms.sorting.get().map((entry) => ({ ...entry, resort: resorts })));
}
