import { batch, createAtom, shallow, useSelector } from '@tanstack/react-store';
import { constructTable, type ReactTable, type Table, type TableOptions } from '@tanstack/react-table';
import { table_publishExternalState, table_setOptions } from '@tanstack/react-table/static-functions';
import { createRenderPhaseSource, renderPhaseReactivity } from '@tanstack/table-core/reactivity';
import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import { gridTableOptions, quickFilter, tableColumns, type GridFeatures } from './grid-table';
import type { OverlayEntry } from './model/overlay';
import type { GridColumn } from './types';

type Overlay = ReadonlyMap<string, OverlayEntry>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one cache for grids of any row type
type AnyRow = any;
type Quick = ReturnType<typeof quickFilter<AnyRow>>;

interface SetUp {
  rows: readonly object[];
  columns: readonly GridColumn<AnyRow>[];
  options: TableOptions<GridFeatures, AnyRow>;
  quick: Quick;
}

interface Kept {
  table: Table<GridFeatures, AnyRow>;
  source: ReturnType<typeof createRenderPhaseSource<Table<GridFeatures, AnyRow>['store']['state']>>;
  /** The overlay of the mount showing the table now (sort and filter read staged values through it). */
  overlay: { ref: RefObject<Overlay> };
  setUp: SetUp | null;
}

/** Grids whose table outlives their screen: the last few opened (each holds its row model). */
const MAX_KEPT = 2;
const kept = new Map<string, Kept>();

function keep<Row extends object>(key: string, args: Args<Row>): Kept {
  let entry = kept.get(key);
  if (entry) {
    kept.delete(key);
  } else {
    const shell: Pick<Kept, 'overlay' | 'setUp'> = { overlay: { ref: args.overlayRef }, setUp: null };
    const { options } = setUpFor(shell, args);
    const table = constructTable({ ...options, features: { coreReactivityFeature: renderPhaseReactivity({ createAtom, batch }), ...options.features } } as typeof options);
    entry = { ...shell, table, source: createRenderPhaseSource(table.store, shallow) };
  }
  kept.set(key, entry);
  for (const old of kept.keys()) if (kept.size > MAX_KEPT) kept.delete(old);
  return entry;
}

/** The mount showing a kept table lends it its overlay (sort and filter read staged values through it). */
function showWith(entry: Kept, overlayRef: RefObject<Overlay>): void {
  entry.overlay.ref = overlayRef;
}

interface Args<Row extends object> {
  rows: readonly Row[];
  columns: readonly GridColumn<Row>[];
  getRowId(row: Row): string;
  getSubRows?(row: Row): readonly Row[] | undefined;
  overlayRef: RefObject<Overlay>;
}

/** Table options, column definitions and quick filter over these rows and columns: the same objects while they stay the same. */
function setUpFor<Row extends object>(entry: Pick<Kept, 'overlay' | 'setUp'>, args: Args<Row>): SetUp {
  const { rows, columns, getRowId, getSubRows } = args;
  const current = entry.setUp;
  if (current && current.rows === rows && current.columns === columns) return current;
  const overlay = () => entry.overlay.ref.current;
  const quick = quickFilter(rows, columns, overlay);
  const options = gridTableOptions({
    rows,
    columns: tableColumns(columns, overlay, quick.stagedPlaces, rows.length),
    getRowId,
    ...(getSubRows ? { getSubRows } : {}),
    quick,
    hidden: Object.fromEntries(columns.filter((c) => c.hidden).map((c) => [c.id, false])),
    pinned: columns.filter((c) => c.pinned).map((c) => c.id),
  });
  const setUp: SetUp = { rows, columns, options: options as TableOptions<GridFeatures, AnyRow>, quick: quick as Quick };
  entry.setUp = setUp;
  return setUp;
}

/**
 * The grid's TanStack table: `useTable`'s steps (TanStack's React adapter) with the table kept per
 * `key` (store and grid) across mounts, with its options and quick filter. A screen opened again
 * gets its table back — core, filtered and sorted row models, state, quick-filter texts — so it
 * does not rebuild 100,000 rows to show the same catalog; new rows or columns rebuild as usual.
 */
export function useKeptTable<Row extends object>(key: string, args: Args<Row>): { table: ReactTable<GridFeatures, Row, unknown>; quick: Quick } {
  const [entry] = useState(() => keep(key, args));
  const { options, quick } = setUpFor(entry, args);
  const { table, source } = entry;
  table_setOptions(table, (prev) => ({ ...prev, ...options }), { syncExternalState: false });
  const controlled = table.options.state;
  const snapshot = source.get();
  const state = useSelector(source, undefined, { compare: shallow });
  useLayoutEffect(() => {
    showWith(entry, args.overlayRef);
    source.markCommitted(snapshot);
    table_publishExternalState(table, controlled ?? null, shallow);
  });
  const reactTable = useMemo(() => ({ ...table, options, state }) as unknown as ReactTable<GridFeatures, Row, unknown>, [table, options, state]);
  return { table: reactTable, quick };
}
