import { writeFile as fsWriteFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { PaperSize } from '../../../shared/contract/print';
import { AppError } from '../../../shared/rpc';
import type { Printer } from './printer';

/**
 * Printing from the desktop window, without Electron: everything that can be decided and tested
 * here (the options Electron is given, where the PDF goes, what a failure says) lives in this file;
 * src/main/electron/printing.ts only hands over the window's `webContents.print`,
 * `webContents.printToPDF` and `dialog.showSaveDialog` as a `PrintSurface`.
 */
export interface SystemPrintOptions {
  silent: false;
  printBackground: true;
  pageSize: PaperSize;
}

export interface PdfOptions {
  pageSize: PaperSize;
  printBackground: true;
  /** The document's own `@page` (size, margins, "n / N" margin boxes) wins over Electron's defaults. */
  preferCSSPageSize: true;
}

/** What the window offers; each may throw AppError (e.g. NOT_FOUND when the window is gone). */
export interface PrintSurface {
  /** `webContents.print`: resolves with Electron's callback values (`failureReason` when not printed). */
  print(options: SystemPrintOptions): Promise<{ printed: boolean; reason: string }>;
  printToPdf(options: PdfOptions): Promise<Uint8Array>;
  /** The save dialog, starting at `defaultPath`; null when cancelled. */
  chooseSavePath(defaultPath: string): Promise<string | null>;
  /** Where the save dialog starts (the user's Documents folder). */
  documentsDir(): string;
}

export const systemPrintOptions = (paper: PaperSize): SystemPrintOptions => ({ silent: false, printBackground: true, pageSize: paper });
export const pdfOptions = (paper: PaperSize): PdfOptions => ({ pageSize: paper, printBackground: true, preferCSSPageSize: true });

/** The dialog may hand back a name without the extension (Linux dialogs do): the file is a PDF. */
export function pdfPath(chosen: string): string {
  return extname(chosen).toLowerCase() === '.pdf' ? chosen : `${chosen}.pdf`;
}

/** Electron reports a cancelled dialog as a failure with reason "Print job canceled" (or "cancelled"). */
export function printOutcome(printed: boolean, reason: string): { printed: boolean } {
  if (printed || /cancel/i.test(reason)) return { printed };
  throw new AppError('BAD_REQUEST', `The system did not print: ${reason || 'no reason given'}.`);
}

const WRITE_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  ENOENT: 'the folder does not exist',
  EISDIR: 'that is a folder',
};

export function createWindowPrinter(surface: PrintSurface, writeFile: typeof fsWriteFile = fsWriteFile): Printer {
  return {
    async print({ paper }) {
      const { printed, reason } = await surface.print(systemPrintOptions(paper));
      return printOutcome(printed, reason);
    },
    async savePdf({ paper, suggestedName }) {
      // The contract already refuses folders in the name; the dialog starts in Documents with it.
      const chosen = await surface.chooseSavePath(join(surface.documentsDir(), suggestedName));
      if (!chosen) return { path: null };
      const path = pdfPath(chosen);
      const pdf = await surface.printToPdf(pdfOptions(paper));
      try {
        await writeFile(path, pdf);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        throw new AppError('BAD_REQUEST', `The PDF could not be saved to ${path}: ${WRITE_REASONS[code] ?? (error instanceof Error ? error.message : String(error))}.`);
      }
      return { path };
    },
  };
}
