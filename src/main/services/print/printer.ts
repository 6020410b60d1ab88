import type { PaperSize } from '../../../shared/contract/print';
import { AppError } from '../../../shared/rpc';

/**
 * Printing the window's print layout. Only the desktop host can (src/main/electron/printing.ts:
 * `webContents.print` and `printToPDF`); browser mode has no window of ours to print, and the
 * browser's own print uses the same print stylesheet, so there it refuses with a sentence.
 */
export interface Printer {
  print(input: { paper: PaperSize }): Promise<{ printed: boolean }>;
  savePdf(input: { paper: PaperSize; suggestedName: string }): Promise<{ path: string | null }>;
}

const IN_BROWSER = "In browser mode Stockroom prints through the browser: use the preview's Print button or the browser's Print (Ctrl+P / ⌘P), where Save as PDF is a destination.";

export const browserPrinter: Printer = {
  print: () => Promise.reject(new AppError('BAD_REQUEST', IN_BROWSER)),
  savePdf: () => Promise.reject(new AppError('BAD_REQUEST', IN_BROWSER)),
};
