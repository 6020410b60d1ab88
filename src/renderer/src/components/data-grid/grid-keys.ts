import type { KeyboardEvent } from 'react';
import { jump, move, selectAll, type Direction, type Jump, type Selection } from './model/range';

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export interface KeyActions {
  selection: Selection;
  size: { rows: number; cols: number };
  /** Rows a page moves (what the viewport shows). */
  page: number;
  select(next: Selection): void;
  edit(initial: string | null): void;
  fillDown(): void;
  fillRight(): void;
  clear(): void;
  undo(): void;
  redo(): void;
}

/**
 * The grid's keys when it is not editing, spreadsheet style. Returns whether the key was the
 * grid's (the caller prevents its default). Ctrl+C/Ctrl+V arrive as copy/paste events instead.
 */
export function handleGridKey(event: KeyboardEvent, a: KeyActions): boolean {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key;
  const lower = key.toLowerCase();
  const arrow = ARROWS[key];
  if (arrow) {
    a.select(move(a.selection, arrow, a.size, { extend: event.shiftKey, jump: mod }));
    return true;
  }
  const jumps: Record<string, Jump> = { Home: mod ? 'gridStart' : 'rowStart', End: mod ? 'gridEnd' : 'rowEnd', PageUp: 'pageUp', PageDown: 'pageDown' };
  if (jumps[key]) {
    a.select(jump(a.selection, jumps[key]!, a.size, { extend: event.shiftKey, page: a.page }));
    return true;
  }
  if (key === 'Tab') {
    a.select(move(a.selection, event.shiftKey ? 'left' : 'right', a.size));
    return true;
  }
  if (mod) {
    if (lower === 'a') a.select(selectAll(a.size));
    else if (lower === 'd') a.fillDown();
    else if (lower === 'r') a.fillRight();
    else if (lower === 'z' && event.shiftKey) a.redo();
    else if (lower === 'z') a.undo();
    else if (lower === 'y') a.redo();
    else return false;
    return true;
  }
  if (key === 'Enter' || key === 'F2') a.edit(null);
  else if (key === 'Delete' || key === 'Backspace') a.clear();
  else if (key === 'Escape') a.select({ anchor: a.selection.focus, focus: a.selection.focus });
  else if (!event.altKey && key.length === 1) a.edit(key);
  else return false;
  return true;
}
