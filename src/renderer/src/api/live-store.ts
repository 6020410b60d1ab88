import { create } from 'zustand';
import type { PayloadOf } from '../../../shared/contract';
import { useToasts } from '../components/toast-store';

export type SyncProgress = PayloadOf<'catalog.syncProgressed'>;
export type OrdersProgress = PayloadOf<'orders.syncProgressed'>;

/**
 * Live state that only events carry (no query answers it): a running catalog sync's progress per
 * store, and whether this browser session has expired. Written by live-events only.
 */
interface LiveState {
  syncProgress: Record<string, SyncProgress | undefined>;
  ordersProgress: Record<string, OrdersProgress | undefined>;
  sessionExpired: boolean;
  setOrdersProgress(storeId: string, progress: OrdersProgress | null): void;
  setSyncProgress(storeId: string, progress: SyncProgress | null): void;
  /** Says so once (a sticky error toast); calls that fail the same way after it add nothing. */
  expireSession(message: string): void;
}

export const useLive = create<LiveState>((set, get) => ({
  syncProgress: {},
  ordersProgress: {},
  sessionExpired: false,
  setOrdersProgress: (storeId, progress) => set((s) => ({ ordersProgress: { ...s.ordersProgress, [storeId]: progress ?? undefined } })),
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

export function useOrdersProgress(storeId: string | undefined): OrdersProgress | null {
  return useLive((s) => (storeId ? (s.ordersProgress[storeId] ?? null) : null));
}
