import { useUi } from '../../app/ui-store';
import { usePrint, type PrintKind } from './print-store';

export interface OpenPrintPreviewInput {
  kind: PrintKind;
  storeId: string;
  /** The orders to print (e.g. the Orders grid's selection); without them, every order in `statusIds`. */
  orderIds?: number[];
  /** Default Awaiting Fulfillment (11). Ignored when `orderIds` are given. */
  statusIds?: number[];
}

/**
 * Opens the print preview of a pick list or packing slips: the Orders grid's toolbar calls it
 * for its selection. The preview builds the document, shows exactly what prints, and prints it.
 */
export function openPrintPreview({ kind, storeId, orderIds, statusIds }: OpenPrintPreviewInput): void {
  const ids = orderIds && orderIds.length > 0 ? [...new Set(orderIds)].sort((a, b) => a - b) : undefined;
  usePrint.getState().setRequest(ids ? { kind, storeId, orderIds: ids } : { kind, storeId, statusIds: statusIds && statusIds.length > 0 ? statusIds : undefined });
  useUi.getState().go('picklists');
}
