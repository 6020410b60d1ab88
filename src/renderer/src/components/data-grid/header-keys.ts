import type { KeyboardEvent } from 'react';

/** What the header row's keys act on: the focused column header, by its visible column index. */
export interface HeaderActions {
  col: number;
  cols: number;
  /** Move the header focus to another column (clamped by the caller's bounds). */
  focus(col: number): void;
  /** Back to the data cells, in the focused column. */
  leave(): void;
  /** Sort by the column (`add` keeps the current sort and adds this column to it). */
  sort(add: boolean): void;
  openMenu(): void;
  selectColumn(): void;
  /** Swap the column with its neighbour (reorder). */
  moveColumn(by: -1 | 1): void;
  /** Make the column narrower or wider, in pixels. */
  resize(by: number): void;
}

export const RESIZE_STEP = 16;

/** Opens a column's menu from a data cell or its header, as Alt+↓ opens a spreadsheet's filter list. */
export const isMenuKey = (event: KeyboardEvent): boolean =>
  (event.altKey && event.key === 'ArrowDown') || event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10');

/**
 * Keys on the header row (reached by ↑ from the first row): ←/→ move between headers, ↓ or Escape
 * go back to the cells, Enter sorts (Shift+Enter adds to the sort), Space selects the column,
 * Alt+↓ opens the column's menu (filter, pin, hide), Ctrl+←/→ moves the column, Alt+←/→ resizes it.
 * Returns whether the key was the header's (the caller prevents its default).
 */
export function handleHeaderKey(event: KeyboardEvent, a: HeaderActions): boolean {
  const { key } = event;
  const mod = event.ctrlKey || event.metaKey;
  if (isMenuKey(event)) a.openMenu();
  else if ((key === 'ArrowLeft' || key === 'ArrowRight') && mod) a.moveColumn(key === 'ArrowLeft' ? -1 : 1);
  else if ((key === 'ArrowLeft' || key === 'ArrowRight') && event.altKey) a.resize(key === 'ArrowLeft' ? -RESIZE_STEP : RESIZE_STEP);
  else if (key === 'ArrowLeft' || (key === 'Tab' && event.shiftKey)) a.focus(Math.max(0, a.col - 1));
  else if (key === 'ArrowRight' || key === 'Tab') a.focus(Math.min(a.cols - 1, a.col + 1));
  else if (key === 'Home') a.focus(0);
  else if (key === 'End') a.focus(a.cols - 1);
  else if (key === 'ArrowDown' || key === 'Escape') a.leave();
  else if (key === 'Enter') a.sort(event.shiftKey);
  else if (key === ' ') a.selectColumn();
  else return false;
  return true;
}
