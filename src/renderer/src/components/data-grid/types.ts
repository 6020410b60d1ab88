import type { Entity, JobEdit, JsonValue, StagedEdit } from '../../../../shared/contract';

/** The record and field one grid cell edits (a product row's Price edits product:7:price). */
export interface EditTarget {
  entity: Entity;
  id: number;
  /** The variant's product, when the entity is a variant. */
  productId?: number;
  field: string;
}

/** 'date': a from–to day range on ISO or RFC 2822 date values (and contains on the shown text). */
export type ColumnFilterKind = 'text' | 'number' | 'enum' | 'date';

/**
 * One column of a screen. Everything a screen says about a column is here; the grid does the rest
 * (selection, editing, clipboard, keyboard, sort, filter, column state, virtualization).
 */
export interface GridColumn<Row> {
  /** Stable id: saved views, the selection API and stageCells name columns by it. */
  id: string;
  /** The header text, which is also the column header's accessible name. */
  label: string;
  width?: number;
  /** The store's value (before staged edits); sorting, filtering and copy read the shown value. */
  value(row: Row): JsonValue;
  /** How a value reads in the cell and on the clipboard; defaults to plain text (TRUE/FALSE, empty for null). */
  format?(value: JsonValue, row: Row): string;
  /**
   * Typed or pasted text → the text the field's spec reads, for a column that shows something
   * other than the value it stores (a group's name for its id). Default: the text as typed.
   */
  parse?(text: string, row: Row): string;
  /** The field a cell of this row edits, typed by the shared field specs; null = read-only cell. */
  edit?(row: Row): EditTarget | null;
  /** Why this row's cell refuses edits although the column is editable (shown beside the cell). */
  refuse?(row: Row): string | null;
  /** Right-aligned, and sorted and range-filtered as numbers. */
  numeric?: boolean;
  /** Which per-column filter the column offers; default 'text' ('number' when numeric). */
  filter?: ColumnFilterKind;
  /** Enum values for the one-of filter: a cell matches by its value or by its shown text. */
  options?: readonly string[];
  /** Marks the cell (e.g. a value that differs between stores): shown highlighted and described to screen readers with this word. */
  highlight?(row: Row): string | null;
  /** The value is an image URL: the cell shows the image (or an empty placeholder), its text is the URL. */
  image?: boolean;
  /** The image's alt text (e.g. the product's name); empty when not given. */
  imageAlt?(row: Row): string;
  /** A colour for the cell's text as a badge (an order status): the tone's name, see `.tone-*` in styles.css. */
  tone?(row: Row): string | null;
  /** Hidden until the user shows it (Columns menu). */
  hidden?: boolean;
  /** Pinned left until the user unpins it: stays in view while scrolling sideways. */
  pinned?: boolean;
}

/** A selected cell as the selection API reports it. */
export interface SelectedCell {
  rowId: string;
  columnId: string;
  /** What the cell shows now: the staged value when there is one. */
  value: JsonValue;
  /** The same as clipboard text. */
  text: string;
  /** Null when the cell cannot be edited (read-only column or a refusing row). */
  target: EditTarget | null;
}

/** A text to put into one cell, as if typed. */
export interface CellText {
  rowId: string;
  columnId: string;
  text: string;
}

export interface RefusedCell extends CellText {
  message: string;
}

export interface StageResult {
  /** Edits sent to staging (unchanged cells are not counted). */
  staged: number;
  refused: RefusedCell[];
}

/** The grid as it stands: shown columns in their order, and filtered, sorted rows with their sub-rows. */
export interface GridView {
  columns: Array<{ id: string; label: string }>;
  /** Each row with the values its cells show (staged ones included), one per column; sub-rows follow their row, expanded or not. */
  rows: Array<{ rowId: string; depth: number; values: JsonValue[] }>;
}

/**
 * Quick entry at the grid's end (Products' new product row; Customers could take one too): the
 * columns typed into, and what to do with the texts. The screen checks and stages; the grid lays
 * the row out under its columns and shows the screen's messages beside their cells.
 */
export interface NewRowDef {
  /** The row's accessible name, and the prefix of each input's ("New product: SKU"). */
  label: string;
  /** Ids of the columns that take a value; the other cells of the row stay empty. */
  columns: readonly string[];
  /** Staged creates not applied yet, shown above the entry row, read-only, as pending rows. */
  pending?: ReadonlyArray<{ key: string; label: string; values: Readonly<Record<string, string>> }>;
  /** Checks and stages the typed texts (by column id): resolves to the messages by column id, none when it was staged. */
  submit(values: Readonly<Record<string, string>>): Promise<Readonly<Record<string, string>>>;
}

/** Imperative handle (React 19 `ref` prop) for screen actions such as bulk rules and export. */
export interface DataGridHandle {
  getSelectedCells(): SelectedCell[];
  getView(): GridView;
  /** Stage these cell texts as ONE undo step; refused cells keep their reason beside them. */
  stageCells(cells: readonly CellText[]): Promise<StageResult>;
}

export interface DataGridProps<Row> {
  /** The grid's accessible name ("Products"). */
  label: string;
  /** Keys the undo stack and saved views (per store). */
  storeId: string;
  /** Keys saved views among the grids of a store ("products"). */
  gridId: string;
  /** Stable array of stable row objects: edits never replace them. */
  rows: readonly Row[];
  columns: readonly GridColumn<Row>[];
  getRowId(row: Row): string;
  /** Child rows shown when a row is expanded (a product's variants). */
  getSubRows?(row: Row): readonly Row[] | undefined;
  /** What main has staged for this store. */
  staged: readonly StagedEdit[];
  /** The staging revision `staged` is at (staging.list), to know when main's list has an edit. */
  stagedRevision?: number;
  /** Stage edits in main (staging.stage), resolving to the revision it answered; reject to refuse the whole batch. */
  onStage(edits: JobEdit[]): Promise<number | void>;
  /** Screen-level checks beyond the field spec (decimal places, unique SKU); a message refuses the cell. */
  validate?(target: EditTarget, value: JsonValue, row: Row): string | null;
  /** Called after the selection changes (bulk rules count and preview from it). */
  onSelectionChange?(cells: () => SelectedCell[]): void;
  /** Screen actions rendered in the grid's toolbar. */
  toolbar?: React.ReactNode;
  /** A row at the grid's end for quick entry of new records (see NewRowDef). */
  newRow?: NewRowDef;
  ref?: React.Ref<DataGridHandle>;
}
