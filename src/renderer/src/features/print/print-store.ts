import { create } from 'zustand';
import type { PaperSize } from '../../../../shared/contract/print';

export type PrintKind = 'pickList' | 'packingSlips';

/** What to print: chosen orders (from the Orders grid) or every order in some statuses. */
export interface PrintRequest {
  kind: PrintKind;
  storeId: string;
  orderIds?: number[];
  statusIds?: number[];
}

/** Awaiting Fulfillment: what a warehouse morning picks. */
export const DEFAULT_STATUS_IDS = [11];

interface PrintState {
  request: PrintRequest | null;
  paper: PaperSize;
  groupByZone: boolean;
  setRequest(request: PrintRequest): void;
  setPaper(paper: PaperSize): void;
  setGroupByZone(on: boolean): void;
}

/** UI state of the print preview; the documents themselves live in the query cache. */
export const usePrint = create<PrintState>((set) => ({
  request: null,
  paper: defaultPaper(),
  groupByZone: false,
  setRequest: (request) => set({ request }),
  setPaper: (paper) => set({ paper }),
  setGroupByZone: (groupByZone) => set({ groupByZone }),
}));

/** Letter where the locale is North American, A4 elsewhere (the operator can switch). */
function defaultPaper(): PaperSize {
  const region = globalThis.navigator?.language?.split('-')[1]?.toUpperCase();
  return region === 'US' || region === 'CA' ? 'Letter' : 'A4';
}
