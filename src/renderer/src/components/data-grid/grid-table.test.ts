import { constructTable } from '@tanstack/table-core';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import { describe, expect, it } from 'vitest';
import { gridFeatures, gridTableOptions, quickFilter, resort, shownRows, tableColumns, type ShownRow } from './grid-table';
import type { OverlayEntry } from './model/overlay';
import type { GridColumn } from './types';

interface Item {
  id: number;
  sku: string;
  price: string;
  kids?: Item[];
}
const rows: Item[] = [
  { id: 1, sku: 'A', price: '5.00', kids: [{ id: 11, sku: 'A-1', price: '1.00' }] },
  { id: 2, sku: 'B', price: '3.00' },
  { id: 3, sku: 'C', price: '9.00' },
];
const columns: GridColumn<Item>[] = [
  { id: 'sku', label: 'SKU', value: (r) => r.sku },
  { id: 'image', label: 'Image', value: (r) => `http://127.0.0.1/zz/${r.id}.png`, image: true },
  { id: 'price', label: 'Price', value: (r) => r.price, numeric: true, edit: (r) => ({ entity: 'product', id: r.id, field: 'price' }) },
];

function makeTable() {
  // Like useGridStaging: a staged change makes a new overlay map (sort keys are kept per map).
  let overlay: ReadonlyMap<string, OverlayEntry> = new Map();
  const source = () => overlay;
  const stage = (key: string, entry: OverlayEntry) => (overlay = new Map([...overlay, [key, entry]]));
  const unstage = (key: string) => (overlay = new Map([...overlay].filter(([k]) => k !== key)));
  const quick = quickFilter(rows, columns, source);
  const options = gridTableOptions({ rows, columns: tableColumns(columns, source, quick.stagedPlaces), getRowId: (r) => String(r.id), getSubRows: (r) => r.kids, quick, hidden: {}, pinned: [] });
  const table = constructTable({ ...options, features: { ...gridFeatures, coreReactivityFeature: storeReactivityBindings() } } as typeof options);
  const made = new WeakMap<Item, ShownRow<Item>>();
  const order = () => shownRows(table.getRowModel().rows, table.atoms.expanded.get(), (r) => r.kids, (r) => String(r.id), made).map((r) => r.original.sku);
  return { table, stage, unstage, order };
}

describe('the grid’s row model over TanStack Table', () => {
  it('sorts by the shown (staged) value, and holds still while edits are staged until sorted again', () => {
    const { table, stage, order } = makeTable();
    table.setSorting([{ id: 'price', desc: false }]);
    expect(order()).toEqual(['B', 'A', 'C']);
    const model = table.getRowModel();
    stage('product:2:price', { to: '99.00', pending: true });
    expect(table.getRowModel()).toBe(model); // an edit rebuilds nothing
    expect(order()).toEqual(['B', 'A', 'C']);
    resort(table); // "sort again"
    expect(order()).toEqual(['A', 'C', 'B']);
  });
  it('filters on products, keeps their variants with them, and quick-filters across columns', () => {
    const { table, stage, order } = makeTable();
    table.toggleAllRowsExpanded(true);
    expect(order()).toEqual(['A', 'A-1', 'B', 'C']);
    table.setColumnFilters([{ id: 'price', value: { op: 'range', min: '4' } }]);
    expect(order()).toEqual(['A', 'A-1', 'C']);
    table.setColumnFilters([]);
    table.setGlobalFilter('9.00');
    expect(order()).toEqual(['C']);
    table.setGlobalFilter('zz'); // an image's URL is not shown text
    expect(order()).toEqual([]);
    table.setGlobalFilter('a 5.00'); // every word, anywhere in the row, any case
    expect(order()).toEqual(['A', 'A-1']);
    stage('product:3:price', { to: '5.00', pending: true }); // a staged value is searched as shown
    table.setGlobalFilter('5.0');
    expect(order()).toEqual(['A', 'A-1', 'C']);
  });
  it('remakes the sort keys of rows staged then or before, and sorts by the store’s values once unstaged', () => {
    const { table, stage, unstage, order } = makeTable();
    table.setSorting([{ id: 'price', desc: true }]);
    expect(order()).toEqual(['C', 'A', 'B']);
    stage('product:3:price', { to: '1.00', pending: true });
    resort(table);
    expect(order()).toEqual(['A', 'B', 'C']);
    unstage('product:3:price');
    resort(table);
    expect(order()).toEqual(['C', 'A', 'B']);
  });
  it('gives back the table’s own rows when nothing filters, and the same rows when filtered', () => {
    const { table } = makeTable();
    const all = table.getCoreRowModel();
    expect(table.getFilteredRowModel()).toBe(all);
    table.setGlobalFilter('   ');
    expect(table.getFilteredRowModel().rows).toEqual(all.rows);
    table.setGlobalFilter('b');
    table.setColumnFilters([{ id: 'price', value: { op: 'range', max: '4' } }]);
    expect(table.getFilteredRowModel().rows).toEqual([all.rows[1]]);
    expect(table.getFilteredRowModel().rows[0]).toBe(all.rows[1]);
  });
});
