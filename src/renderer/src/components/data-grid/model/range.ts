/** A cell position in the grid's current (visible, sorted) order: row index, column index. */
export interface Cell {
  row: number;
  col: number;
}

/** A rectangular selection: the anchor (where it started) and the focus (where it ends, the active cell). */
export interface Selection {
  anchor: Cell;
  focus: Cell;
}

/** Inclusive bounds of a selection, top-left to bottom-right. */
export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function boundsOf({ anchor, focus }: Selection): Bounds {
  return {
    top: Math.min(anchor.row, focus.row),
    left: Math.min(anchor.col, focus.col),
    bottom: Math.max(anchor.row, focus.row),
    right: Math.max(anchor.col, focus.col),
  };
}

export function contains(bounds: Bounds, cell: Cell): boolean {
  return cell.row >= bounds.top && cell.row <= bounds.bottom && cell.col >= bounds.left && cell.col <= bounds.right;
}

export const height = (b: Bounds): number => b.bottom - b.top + 1;
export const width = (b: Bounds): number => b.right - b.left + 1;

function clamp(cell: Cell, rows: number, cols: number): Cell {
  return { row: Math.min(Math.max(cell.row, 0), Math.max(rows - 1, 0)), col: Math.min(Math.max(cell.col, 0), Math.max(cols - 1, 0)) };
}

export type Direction = 'up' | 'down' | 'left' | 'right';
const STEP: Record<Direction, Cell> = { up: { row: -1, col: 0 }, down: { row: 1, col: 0 }, left: { row: 0, col: -1 }, right: { row: 0, col: 1 } };

/**
 * Arrow keys: move the active cell (`extend` false) or grow the selection from its anchor
 * (Shift); `jump` (Ctrl/Cmd) goes to the edge of the grid, as spreadsheets do in a full column.
 */
export function move(selection: Selection, direction: Direction, size: { rows: number; cols: number }, options: { extend?: boolean; jump?: boolean } = {}): Selection {
  const step = STEP[direction];
  const far = options.jump ? Math.max(size.rows, size.cols) : 1;
  const focus = clamp({ row: selection.focus.row + step.row * far, col: selection.focus.col + step.col * far }, size.rows, size.cols);
  return options.extend ? { anchor: selection.anchor, focus } : { anchor: focus, focus };
}

export function single(cell: Cell): Selection {
  return { anchor: cell, focus: cell };
}

export function selectAll(size: { rows: number; cols: number }): Selection {
  return { anchor: { row: 0, col: 0 }, focus: { row: Math.max(size.rows - 1, 0), col: Math.max(size.cols - 1, 0) } };
}

/**
 * Where a copied block lands, spreadsheet style: into the selection when it is a whole multiple
 * of the block (a 1×1 value fills a whole selected column; a 2-row block tiles a 6-row selection),
 * otherwise once, from the selection's top-left, clipped at the grid's edge.
 */
export function pasteTarget(selection: Bounds, block: { rows: number; cols: number }, size: { rows: number; cols: number }): Bounds {
  const tiles = block.rows > 0 && block.cols > 0 && height(selection) % block.rows === 0 && width(selection) % block.cols === 0;
  const rows = tiles ? height(selection) : block.rows;
  const cols = tiles ? width(selection) : block.cols;
  return {
    top: selection.top,
    left: selection.left,
    bottom: Math.min(selection.top + rows - 1, size.rows - 1),
    right: Math.min(selection.left + cols - 1, size.cols - 1),
  };
}

/** The cells a paste writes: each target cell with the block value that lands on it. */
export function* pasteCells(target: Bounds, block: readonly (readonly string[])[]): Generator<{ cell: Cell; text: string }> {
  if (block.length === 0) return;
  for (let row = target.top; row <= target.bottom; row++) {
    const source = block[(row - target.top) % block.length]!;
    for (let col = target.left; col <= target.right; col++) {
      const text = source.length ? source[(col - target.left) % source.length] : '';
      yield { cell: { row, col }, text: text ?? '' };
    }
  }
}

/** Fill down (Ctrl+D): every cell below the selection's first row takes the first row's value. */
export function* fillDownCells(selection: Bounds): Generator<{ cell: Cell; from: Cell }> {
  for (let row = selection.top + 1; row <= selection.bottom; row++) {
    for (let col = selection.left; col <= selection.right; col++) yield { cell: { row, col }, from: { row: selection.top, col } };
  }
}

/** Fill right (Ctrl+R): every cell right of the selection's first column takes that column's value. */
export function* fillRightCells(selection: Bounds): Generator<{ cell: Cell; from: Cell }> {
  for (let row = selection.top; row <= selection.bottom; row++) {
    for (let col = selection.left + 1; col <= selection.right; col++) yield { cell: { row, col }, from: { row, col: selection.left } };
  }
}

/** A whole column (its header clicked), or from the anchor's column to this one with Shift. */
export function columnSelection(col: number, rows: number, anchorCol = col): Selection {
  return { anchor: { row: 0, col: anchorCol }, focus: { row: Math.max(rows - 1, 0), col } };
}

/** Whole rows (the row-number gutter clicked), from the anchor's row to this one with Shift. */
export function rowSelection(row: number, cols: number, anchorRow = row): Selection {
  return { anchor: { row: anchorRow, col: 0 }, focus: { row, col: Math.max(cols - 1, 0) } };
}

export type Jump = 'rowStart' | 'rowEnd' | 'gridStart' | 'gridEnd' | 'pageUp' | 'pageDown';

/** Home/End (row), Ctrl+Home/End (grid), PageUp/PageDown (`page` rows); Shift extends. */
export function jump(selection: Selection, to: Jump, size: { rows: number; cols: number }, options: { extend?: boolean; page?: number } = {}): Selection {
  const { row, col } = selection.focus;
  const page = options.page ?? 20;
  const targets: Record<Jump, Cell> = {
    rowStart: { row, col: 0 },
    rowEnd: { row, col: size.cols - 1 },
    gridStart: { row: 0, col: 0 },
    gridEnd: { row: size.rows - 1, col: size.cols - 1 },
    pageUp: { row: row - page, col },
    pageDown: { row: row + page, col },
  };
  const focus = clamp(targets[to], size.rows, size.cols);
  return options.extend ? { anchor: selection.anchor, focus } : { anchor: focus, focus };
}

/** How many rows of a pasted block fall past the last row (they are not pasted anywhere). */
export function rowsWithoutRow(selection: Bounds, block: { rows: number }, size: { rows: number }): number {
  return Math.max(0, selection.top + block.rows - size.rows);
}
