import type { ExpandedState } from '@tanstack/react-table';
import type { Selection } from './model/range';
import type { GridView } from './views';

/**
 * Where the user left a grid of one store: its live (unsaved) view, expanded rows, selection and
 * scroll. Kept for this window's life, so switching stores and back returns to the same spot,
 * and one store's sort, filter or selection never shows on another's grid.
 */
export interface GridSession {
  view: GridView;
  expanded: ExpandedState;
  selection: Selection;
  scrollTop: number;
  scrollLeft: number;
}

const sessions = new Map<string, GridSession>();

export const sessionKey = (storeId: string, gridId: string): string => `${storeId}\u0000${gridId}`;

export function loadSession(key: string): GridSession | undefined {
  return sessions.get(key);
}

export function saveSession(key: string, session: GridSession): void {
  sessions.set(key, session);
}
