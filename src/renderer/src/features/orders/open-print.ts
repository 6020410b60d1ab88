import { useToasts } from '../../components/toast-store';

export interface PrintRequest {
  kind: 'pickList' | 'packingSlips';
  storeId: string;
  orderIds: number[];
}

/**
 * Stands in for `openPrintPreview` of features/print/open-print.ts (helper "print" writes it on
 * another branch): same signature, so the merge swaps this import for that module's.
 */
export function openPrintPreview(request: PrintRequest): void {
  const what = request.kind === 'pickList' ? 'pick list' : 'packing slips';
  useToasts.getState().push('info', `The ${what} print preview for ${request.orderIds.length} orders opens once printing is part of this build.`);
}
