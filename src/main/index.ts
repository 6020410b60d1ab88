/** Electron entry: composes the app and wires the window. Everything else lives in services. */
import { app, ipcMain, type BrowserWindow } from 'electron';
import { dataDirFromArgv } from './cli-args';
import { composeApp } from './compose';
import { forwardEvents, isOwnRendererUrl, registerIpcHost } from './electron/ipc-host';
import { createElectronPrinter } from './electron/printing';
import { createMainWindow, rendererUrl } from './electron/window';
import { APP_NAME } from './services/app-paths';
import { startDemoStores } from './services/demo/demo-stores';

app.setName(APP_NAME);
if (!app.requestSingleInstanceLock()) app.quit();

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = dataDirFromArgv(process.argv) ?? process.env.STOCKROOM_DATA_DIR ?? app.getPath('userData');
  const demo = await startDemoStores(dataDir);
  const windows: { main: BrowserWindow | null } = { main: null };
  const printer = createElectronPrinter(() => windows.main);
  const composed = await composeApp({ dataDir, mode: 'electron', demoStores: demo.stores, printer });
  registerIpcHost(ipcMain, composed.dispatch, isOwnRendererUrl(rendererUrl()));
  const win = createMainWindow();
  windows.main = win;
  const unforward = forwardEvents(composed.events, win.webContents);
  win.on('closed', unforward);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    void composed.close();
    void demo.close();
  });
}

start().catch((error: unknown) => {
  console.error(`Stockroom could not start: ${error instanceof Error ? error.message : String(error)}`);
  app.exit(1);
});
