import { create } from 'zustand';

/** What the Compare screen was asked last: kept while the window is open, across sections and stores. */
interface CompareState {
  storeIds: string[];
  skusText: string;
  /** The comparison on screen (null before the first Compare). */
  asked: { storeIds: string[]; skus?: string[] } | null;
  setStoreIds(ids: string[]): void;
  setSkusText(text: string): void;
  ask(asked: CompareState['asked']): void;
}

export const useCompareState = create<CompareState>((set) => ({
  storeIds: [],
  skusText: '',
  asked: null,
  setStoreIds: (storeIds) => set({ storeIds }),
  setSkusText: (skusText) => set({ skusText }),
  ask: (asked) => set({ asked }),
}));

/** SKUs as typed or pasted: one per line, or separated by commas, semicolons or tabs. */
export function parseSkus(text: string): string[] {
  return text
    .split(/[\n,;\t]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
