import type { KeyboardEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { handleHeaderKey, isMenuKey, RESIZE_STEP, type HeaderActions } from './header-keys';

const key = (k: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}) =>
  ({ key: k, ctrlKey: !!mods.ctrl, metaKey: false, shiftKey: !!mods.shift, altKey: !!mods.alt }) as KeyboardEvent;

function actions(col = 2): HeaderActions & { at: () => number } {
  let at = col;
  return {
    col,
    cols: 6,
    focus: (c) => (at = c),
    leave: vi.fn(),
    sort: vi.fn(),
    openMenu: vi.fn(),
    selectColumn: vi.fn(),
    moveColumn: vi.fn(),
    resize: vi.fn(),
    at: () => at,
  };
}

describe('header keys', () => {
  it('moves between headers and stays within the columns', () => {
    const a = actions(2);
    handleHeaderKey(key('ArrowRight'), a);
    expect(a.at()).toBe(3);
    const first = actions(0);
    handleHeaderKey(key('ArrowLeft'), first);
    expect(first.at()).toBe(0);
    const last = actions(5);
    handleHeaderKey(key('Tab'), last);
    expect(last.at()).toBe(5);
    handleHeaderKey(key('Home'), a);
    expect(a.at()).toBe(0);
    handleHeaderKey(key('End'), a);
    expect(a.at()).toBe(5);
  });

  it('sorts with Enter, adds to the sort with Shift+Enter, selects the column with Space', () => {
    const a = actions();
    handleHeaderKey(key('Enter'), a);
    handleHeaderKey(key('Enter', { shift: true }), a);
    expect(a.sort).toHaveBeenNthCalledWith(1, false);
    expect(a.sort).toHaveBeenNthCalledWith(2, true);
    handleHeaderKey(key(' '), a);
    expect(a.selectColumn).toHaveBeenCalledOnce();
  });

  it('opens the menu with Alt+↓, the context-menu key or Shift+F10; ↓ and Escape go back to the cells', () => {
    const a = actions();
    for (const k of [key('ArrowDown', { alt: true }), key('ContextMenu'), key('F10', { shift: true })]) {
      expect(isMenuKey(k)).toBe(true);
      handleHeaderKey(k, a);
    }
    expect(a.openMenu).toHaveBeenCalledTimes(3);
    expect(a.leave).not.toHaveBeenCalled();
    handleHeaderKey(key('ArrowDown'), a);
    handleHeaderKey(key('Escape'), a);
    expect(a.leave).toHaveBeenCalledTimes(2);
  });

  it('moves the column with Ctrl+←/→ and resizes it with Alt+←/→', () => {
    const a = actions();
    handleHeaderKey(key('ArrowLeft', { ctrl: true }), a);
    handleHeaderKey(key('ArrowRight', { alt: true }), a);
    expect(a.moveColumn).toHaveBeenCalledWith(-1);
    expect(a.resize).toHaveBeenCalledWith(RESIZE_STEP);
    expect(a.at()).toBe(2);
  });

  it('leaves other keys to the page', () => {
    expect(handleHeaderKey(key('x'), actions())).toBe(false);
    expect(isMenuKey(key('ArrowDown'))).toBe(false);
  });
});
