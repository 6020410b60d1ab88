import { app, dialog, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Printer } from '../services/print/printer';
import { AppError } from '../../shared/rpc';

/**
 * The desktop window prints itself: its print stylesheet shows only the document of the print
 * preview, and `preferCSSPageSize` lets that document's `@page` (paper size, margins, page
 * numbers in the margin boxes) win over Electron's defaults.
 */
export function createElectronPrinter(window: () => BrowserWindow | null): Printer {
  const current = (): BrowserWindow => {
    const win = window();
    if (!win || win.isDestroyed()) throw new AppError('NOT_FOUND', 'There is no Stockroom window to print.');
    return win;
  };
  return {
    print: ({ paper }) =>
      new Promise((resolve, reject) => {
        current().webContents.print({ silent: false, printBackground: true, pageSize: paper }, (printed, reason) => {
          // Electron reports a cancelled dialog as a failure with reason "Print job canceled".
          if (printed || /cancel/i.test(reason)) resolve({ printed });
          else reject(new AppError('BAD_REQUEST', `The system did not print: ${reason}.`));
        });
      }),
    async savePdf({ paper, suggestedName }) {
      const win = current();
      const choice = await dialog.showSaveDialog(win, {
        title: 'Save as PDF',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (choice.canceled || !choice.filePath) return { path: null };
      const pdf = await win.webContents.printToPDF({ pageSize: paper, printBackground: true, preferCSSPageSize: true });
      await writeFile(choice.filePath, pdf);
      return { path: choice.filePath };
    },
  };
}
