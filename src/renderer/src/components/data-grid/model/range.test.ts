import { describe, expect, it } from 'vitest';
import { boundsOf, fillDownCells, move, pasteCells, pasteTarget, selectAll, single } from './range';

const size = { rows: 100, cols: 6 };

describe('grid selection', () => {
  it('moves the active cell, extends from the anchor with Shift, jumps to the edge with Ctrl', () => {
    const s = single({ row: 5, col: 2 });
    expect(move(s, 'down', size)).toEqual(single({ row: 6, col: 2 }));
    expect(boundsOf(move(move(s, 'down', size, { extend: true }), 'right', size, { extend: true }))).toEqual({ top: 5, left: 2, bottom: 6, right: 3 });
    expect(move(s, 'down', size, { jump: true })).toEqual(single({ row: 99, col: 2 }));
    expect(move(s, 'left', size, { jump: true, extend: true })).toEqual({ anchor: { row: 5, col: 2 }, focus: { row: 5, col: 0 } });
    expect(move(single({ row: 0, col: 0 }), 'up', size)).toEqual(single({ row: 0, col: 0 }));
    expect(boundsOf(selectAll(size))).toEqual({ top: 0, left: 0, bottom: 99, right: 5 });
  });
});

describe('paste and fill down', () => {
  it('fills a whole selection with one copied value, and tiles a block that divides it', () => {
    const column = { top: 10, left: 3, bottom: 19, right: 3 };
    expect(pasteTarget(column, { rows: 1, cols: 1 }, size)).toEqual(column);
    const cells = [...pasteCells(pasteTarget(column, { rows: 2, cols: 1 }, size), [['a'], ['b']])];
    expect(cells.map((c) => c.text)).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
  });

  it('pastes a block once from the top-left when it does not divide the selection, clipped at the edge', () => {
    const target = pasteTarget({ top: 98, left: 4, bottom: 98, right: 4 }, { rows: 3, cols: 3 }, size);
    expect(target).toEqual({ top: 98, left: 4, bottom: 99, right: 5 });
    const block = [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9']];
    expect([...pasteCells(target, block)]).toEqual([
      { cell: { row: 98, col: 4 }, text: '1' },
      { cell: { row: 98, col: 5 }, text: '2' },
      { cell: { row: 99, col: 4 }, text: '4' },
      { cell: { row: 99, col: 5 }, text: '5' },
    ]);
  });

  it('fills down from the first selected row', () => {
    const cells = [...fillDownCells({ top: 2, left: 1, bottom: 4, right: 2 })];
    expect(cells).toHaveLength(4);
    expect(cells.every((c) => c.from.row === 2 && c.from.col === c.cell.col)).toBe(true);
    expect([...fillDownCells({ top: 2, left: 1, bottom: 2, right: 2 })]).toEqual([]);
  });
});
