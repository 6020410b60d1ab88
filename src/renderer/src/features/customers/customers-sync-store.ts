import { create } from 'zustand';
import type { PayloadOf } from '../../../../shared/contract';

export type CustomersSyncProgress = PayloadOf<'customers.syncProgressed'>;

/** A running customers load's progress per store: only events carry it (written by live-events). */
interface CustomersSyncState {
  progress: Record<string, CustomersSyncProgress | undefined>;
  set(storeId: string, progress: CustomersSyncProgress | null): void;
}

export const useCustomersSyncStore = create<CustomersSyncState>((set) => ({
  progress: {},
  set: (storeId, progress) => set((s) => ({ progress: { ...s.progress, [storeId]: progress ?? undefined } })),
}));

export function useCustomersSyncProgress(storeId: string | undefined): CustomersSyncProgress | null {
  return useCustomersSyncStore((s) => (storeId ? (s.progress[storeId] ?? null) : null));
}
