import type { KeyboardEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { handleGridKey, type KeyActions } from './grid-keys';
import { boundsOf, single } from './model/range';

const key = (k: string, mods: { ctrl?: boolean; shift?: boolean } = {}) => ({ key: k, ctrlKey: !!mods.ctrl, metaKey: false, shiftKey: !!mods.shift, altKey: false }) as KeyboardEvent;
function actions(): KeyActions & { selected: () => ReturnType<typeof boundsOf> } {
  let selection = single({ row: 5, col: 2 });
  const a = {
    get selection() {
      return selection;
    },
    size: { rows: 100, cols: 6 },
    page: 10,
    select: (s: typeof selection) => (selection = s),
    edit: vi.fn(),
    fillDown: vi.fn(),
    fillRight: vi.fn(),
    clear: vi.fn(),
    undo: vi.fn(),
    redo: vi.fn(),
    selected: () => boundsOf(selection),
  };
  return a;
}

describe('grid keys', () => {
  it('moves, extends and jumps like a spreadsheet', () => {
    const a = actions();
    handleGridKey(key('ArrowDown', { shift: true }), a);
    expect(a.selected()).toEqual({ top: 5, left: 2, bottom: 6, right: 2 });
    handleGridKey(key('End', { ctrl: true }), a);
    expect(a.selection.focus).toEqual({ row: 99, col: 5 });
    handleGridKey(key('PageUp'), a);
    expect(a.selection.focus).toEqual({ row: 89, col: 5 });
    handleGridKey(key('Home'), a);
    expect(a.selection.focus).toEqual({ row: 89, col: 0 });
    handleGridKey(key('Tab'), a);
    expect(a.selection.focus).toEqual({ row: 89, col: 1 });
  });
  it('maps editing, fills, clearing and undo/redo keys', () => {
    const a = actions();
    for (const [k, mods] of [['F2', {}], ['x', {}], ['d', { ctrl: true }], ['r', { ctrl: true }], ['Delete', {}], ['z', { ctrl: true }], ['z', { ctrl: true, shift: true }], ['y', { ctrl: true }]] as const) {
      expect(handleGridKey(key(k, mods), a)).toBe(true);
    }
    expect(a.edit).toHaveBeenNthCalledWith(1, null);
    expect(a.edit).toHaveBeenNthCalledWith(2, 'x');
    expect([a.fillDown, a.fillRight, a.clear, a.undo].map((f) => (f as ReturnType<typeof vi.fn>).mock.calls.length)).toEqual([1, 1, 1, 1]);
    expect(a.redo).toHaveBeenCalledTimes(2);
    expect(handleGridKey(key('c', { ctrl: true }), a)).toBe(false); // copy arrives as a copy event
  });
});
