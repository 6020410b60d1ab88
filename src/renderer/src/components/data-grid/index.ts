/**
 * The shared spreadsheet grid (products, orders, customers). A screen supplies rows, column
 * definitions and callbacks; the grid owns selection, editing, clipboard, keyboard, sort, filter,
 * column state (saved views), virtualization and undo of staged edits.
 *
 * For screen actions (bulk rules):
 * - `onSelectionChange(getCells)` fires when the selection changes; call `getCells()` for the
 *   selected cells with their shown values ({rowId, columnId, value, text, target}).
 * - `ref` (a `DataGridHandle`): `getSelectedCells()` and `stageCells(cells)`, which stages a batch
 *   of cell texts as ONE undo step, with the same validation as typing (field spec + `validate`).
 * - `getView()` (on the same handle): the shown columns in order and the filtered, sorted rows with
 *   their sub-rows and shown values — what an export writes.
 * - `toolbar`: React nodes shown in the grid's toolbar.
 */
export type { CellText, ColumnFilterKind, DataGridHandle, DataGridProps, EditTarget, GridColumn, GridView, NewRowDef, RefusedCell, SelectedCell, StageResult } from './types';
export { DataGrid } from './DataGrid';
