import { create } from 'zustand';
import type { PayloadOf } from '../../../shared/contract';
import { useToasts } from '../components/toast-store';

export type SyncProgress = PayloadOf<'catalog.syncProgressed'>;

/**
 * Live state that only events carry (no query answers it): a running catalog sync's progress per
 * store, and whether this browser session has expired. Written by live-events only.
 */
interface LiveState {
  syncProgress: Record<string, SyncProgress | undefined>;
  sessionExpired: boolean;
  setSyncProgress(storeId: string, progress: SyncProgress | null): void;
  /** Says so once (a sticky error toast); calls that fail the same way after it add nothing. */
  expireSession(message: string): void;
}

export const useLive = create<LiveState>((set, get) => ({
  syncProgress: {},
  sessionExpired: false,
  setSyncProgress: (storeId, progress) => set((s) => ({ syncProgress: { ...s.syncProgress, [storeId]: progress ?? undefined } })),
  expireSession: (message) => {
    if (get().sessionExpired) return;
    set({ sessionExpired: true });
    useToasts.getState().push('error', message);
  },
}));

export function useSyncProgress(storeId: string | undefined): SyncProgress | null {
  return useLive((s) => (storeId ? (s.syncProgress[storeId] ?? null) : null));
}
