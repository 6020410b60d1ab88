import { mkdir } from 'node:fs/promises';
import type { AppInfo } from '../shared/contract';
import { createDispatcher, type Dispatch } from './rpc/dispatch';
import { createEventBus, type EventBus } from './rpc/event-bus';
import { createHandlers } from './rpc/handlers';
import { createStoresService, type DemoStoreRef, type StoresService } from './services/stores/stores-service';
import { APP_VERSION } from './version';

export interface ComposeOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  demoStores: DemoStoreRef[];
  /** Tests validate every result and event against the contract. */
  strict?: boolean;
  log?: (line: string) => void;
}

export interface Services {
  app: { info(): AppInfo };
  stores: StoresService;
}

export interface ComposedApp {
  services: Services;
  dispatch: Dispatch;
  events: EventBus;
  close(): Promise<void>;
}

/** Builds every service and the dispatcher. Used by BOTH hosts (Electron and browser mode) and by tests. */
export async function composeApp(options: ComposeOptions): Promise<ComposedApp> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const events = createEventBus({ validate: options.strict });
  const info: AppInfo = { name: 'Stockroom', version: APP_VERSION, mode: options.mode, platform: process.platform };
  const stores = await createStoresService({
    dataDir: options.dataDir,
    demoStores: options.demoStores,
    onChanged: (list) => events.emit('stores.changed', list),
  });
  const services: Services = { app: { info: () => info }, stores };
  const log = options.log ?? ((line: string) => console.error(line));
  const dispatch = createDispatcher(createHandlers(services), {
    validateResults: options.strict,
    onUnexpectedError: (method, error) => log(`[rpc] ${method} failed: ${error instanceof Error ? error.stack : String(error)}`),
  });
  return { services, dispatch, events, close: async () => {} };
}
