import { beforeEach, describe, expect, it } from 'vitest';
import type { StagedEdit } from '../../../../../shared/contract';
import { buildOverlay, settle } from './overlay';
import { compareValues, matchesFilter } from './filters';
import { boundsOf, columnSelection, fillRightCells, jump, rowSelection, rowsWithoutRow, single } from './range';
import { redoEdits, undoEdits, useUndoStore } from './undo-store';

const size = { rows: 50, cols: 8 };

describe('selection', () => {
  it('selects a whole column from its header and whole rows from the gutter, Shift extending from the anchor', () => {
    expect(boundsOf(columnSelection(3, 50))).toEqual({ top: 0, left: 3, bottom: 49, right: 3 });
    expect(boundsOf(columnSelection(5, 50, 2))).toEqual({ top: 0, left: 2, bottom: 49, right: 5 });
    expect(boundsOf(rowSelection(7, 8, 4))).toEqual({ top: 4, left: 0, bottom: 7, right: 7 });
  });
  it('jumps with Home/End, Ctrl+Home/End and pages, clamped at the edges', () => {
    const at = single({ row: 10, col: 4 });
    expect(jump(at, 'rowStart', size).focus).toEqual({ row: 10, col: 0 });
    expect(jump(at, 'rowEnd', size).focus).toEqual({ row: 10, col: 7 });
    expect(jump(at, 'gridEnd', size).focus).toEqual({ row: 49, col: 7 });
    expect(jump(at, 'pageUp', size, { page: 25 }).focus).toEqual({ row: 0, col: 4 });
    expect(boundsOf(jump(at, 'pageDown', size, { page: 5, extend: true }))).toEqual({ top: 10, left: 4, bottom: 15, right: 4 });
  });
  it('fills right from the first column of every selected row', () => {
    const cells = [...fillRightCells({ top: 1, left: 2, bottom: 2, right: 4 })];
    expect(cells.map(({ cell, from }) => `${cell.row},${cell.col}←${from.row},${from.col}`)).toEqual(['1,3←1,2', '1,4←1,2', '2,3←2,2', '2,4←2,2']);
  });
  it('counts the pasted rows that have no row to land on', () => {
    expect(rowsWithoutRow({ top: 45, left: 0, bottom: 45, right: 0 }, { rows: 10 }, size)).toBe(5);
    expect(rowsWithoutRow({ top: 0, left: 0, bottom: 0, right: 0 }, { rows: 10 }, size)).toBe(0);
  });
});

describe('filters and sort order', () => {
  it('filters text, numbers as decimals, emptiness and enums', () => {
    expect(matchesFilter({ op: 'contains', text: 'MUG' }, 'Blue mug', 'Blue mug')).toBe(true);
    expect(matchesFilter({ op: 'equals', text: 'mug' }, 'Blue mug', 'Blue mug')).toBe(false);
    expect(matchesFilter({ op: 'range', min: '10', max: '10.50' }, '10.5', '10.5')).toBe(true);
    expect(matchesFilter({ op: 'range', min: '10.51' }, '10.50', '10.50')).toBe(false);
    expect(matchesFilter({ op: 'range', max: '3' }, 4, '4')).toBe(false);
    expect(matchesFilter({ op: 'range', min: '1' }, null, '')).toBe(false);
    expect(matchesFilter({ op: 'empty' }, '', '')).toBe(true);
    expect(matchesFilter({ op: 'notEmpty' }, null, '')).toBe(false);
    expect(matchesFilter({ op: 'oneOf', values: ['variant', 'product'] }, 'variant', 'variant')).toBe(true);
    expect(matchesFilter({ op: 'oneOf', values: ['none'] }, 'variant', 'variant')).toBe(false);
  });
  it('sorts decimals exactly, numbers numerically, text naturally and empties last', () => {
    expect(['10.5', '9.99', '100.00', null].sort(compareValues)).toEqual(['9.99', '10.5', '100.00', null]);
    expect(['SKU-10', 'SKU-9', 'sku-1'].sort(compareValues)).toEqual(['sku-1', 'SKU-9', 'SKU-10']);
    expect([3, 20, 1].sort(compareValues)).toEqual([1, 3, 20]);
  });
});

describe('undo and redo of staged edits', () => {
  beforeEach(() => useUndoStore.setState({ stacks: {} }));
  const target = (id: number) => ({ entity: 'product' as const, id, field: 'price' });

  it('keeps one step per gesture per store, and redo replays what undo took back', () => {
    const { record, takeUndo, takeRedo } = useUndoStore.getState();
    const paste = Array.from({ length: 2000 }, (_, i) => ({ target: target(i + 1), before: '1.00', after: '2.00' }));
    record('s1', paste);
    record('s1', [{ target: target(1), before: '2.00', after: '3.00' }]);
    record('s2', [{ target: target(9), before: '5.00', after: '6.00' }]);
    expect(takeUndo('s1')).toHaveLength(1);
    const step = takeUndo('s1')!;
    expect(step).toHaveLength(2000);
    expect(undoEdits(step)[0]).toEqual({ entity: 'product', id: 1, field: 'price', from: '2.00', to: '1.00' });
    expect(takeUndo('s1')).toBeUndefined();
    expect(redoEdits(takeRedo('s1')!)[1]).toEqual({ entity: 'product', id: 2, field: 'price', from: '1.00', to: '2.00' });
    expect(useUndoStore.getState().stacks.s2!.past).toHaveLength(1);
  });
  it('forgets the redo side when a new edit is made', () => {
    const { record, takeUndo, takeRedo } = useUndoStore.getState();
    record('s1', [{ target: target(1), before: '1', after: '2' }]);
    takeUndo('s1');
    record('s1', [{ target: target(1), before: '1', after: '5' }]);
    expect(takeRedo('s1')).toBeUndefined();
  });
});

describe('the staged overlay', () => {
  const staged: StagedEdit[] = [{ entity: 'product', id: 1, field: 'price', from: '1.00', to: '2.00', stagedAt: '2026-01-01T00:00:00Z', note: { status: 'failed', message: 'no' } }];
  it('paints optimistic values over main’s until main’s list has them', () => {
    const pending = new Map([
      ['product:1:price', { to: '3.00', batch: 2 }],
      ['product:2:price', { to: '4.00', batch: 1 }],
    ]);
    const overlay = buildOverlay(staged, pending);
    expect(overlay.get('product:1:price')).toEqual({ to: '3.00', pending: true });
    expect([...settle(pending, 1).keys()]).toEqual(['product:1:price']);
    expect(buildOverlay(staged, new Map()).get('product:1:price')).toMatchObject({ to: '2.00', pending: false, note: { status: 'failed' } });
  });
});
