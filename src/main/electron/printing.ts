import { app, dialog, type BrowserWindow } from 'electron';
import type { Printer } from '../services/print/printer';
import { createWindowPrinter } from '../services/print/window-printer';
import { AppError } from '../../shared/rpc';

/**
 * The desktop window prints itself: its print stylesheet shows only the document of the print
 * preview. This file is only the Electron wiring (it cannot run in tests); the options, the file
 * name and the errors are decided and tested in services/print/window-printer.ts.
 */
export function createElectronPrinter(window: () => BrowserWindow | null): Printer {
  const current = (): BrowserWindow => {
    const win = window();
    if (!win || win.isDestroyed()) throw new AppError('NOT_FOUND', 'There is no Stockroom window to print.');
    return win;
  };
  return createWindowPrinter({
    print: (options) => new Promise((resolve) => current().webContents.print(options, (printed, reason) => resolve({ printed, reason }))),
    printToPdf: async (options) => current().webContents.printToPDF(options),
    chooseSavePath: async (defaultPath) => {
      const choice = await dialog.showSaveDialog(current(), { title: 'Save as PDF', defaultPath, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
    documentsDir: () => app.getPath('documents'),
  });
}
