import { mkdir } from 'node:fs/promises';
import { PRODUCT_COLUMNS_MAX, type AppInfo } from '../shared/contract';
import { createDispatcher, type Dispatch } from './rpc/dispatch';
import { createEventBus, type EventBus } from './rpc/event-bus';
import { createHandlers } from './rpc/handlers';
import { createBigCommerceService, type BigCommerceService } from './services/bigcommerce';
import { createAuthoringService, migrateCatalogJobs, type AuthoringService } from './services/authoring';
import { createImagesService, type ImagesService } from './services/images';
import { createCatalogService, type CatalogService } from './services/catalog';
import { createCustomersService, type CustomersEvent, type CustomersService } from './services/customers';
import { createCompareService, type CompareService } from './services/compare';
import { createCatalogNamesService, type CatalogNamesService } from './services/catalog/names';
import { createJobsService, migrateHashJournals, type JobsService } from './services/jobs';
import { createOrdersService, type OrdersService } from './services/orders';
import { createPicklistsService, type PicklistsService } from './services/picklists';
import { createJobsSettledService, type JobsSettledService } from './services/jobs-settled';
import { createEditChecks, createStagingService, type EditChecks, type StagingService } from './services/staging';
import { createKeychain, loadKeytar, DEFAULT_KEYCHAIN_SERVICE, type Keychain } from './services/secrets/keychain';
import { startBudgetFeed } from './services/stores/budget-feed';
import { createStoreChangesService } from './services/store-changes';
import { createStoresService, type DemoStoreRef, type StoresService } from './services/stores/stores-service';
import { createWebhooksService, receiverOptionsFromEnv, type WebhooksService } from './services/webhooks';
import { browserPrinter, type Printer } from './services/print/printer';
import { APP_VERSION } from './version';

export interface ComposeOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  demoStores: DemoStoreRef[];
  /** Defaults to the OS keychain through @napi-rs/keyring, service "Stockroom" (STOCKROOM_KEYCHAIN_SERVICE overrides). */
  keychain?: Keychain;
  /** Tests validate every result and event against the contract. */
  strict?: boolean;
  log?: (line: string) => void;
  /** The webhook receiver's address; default 127.0.0.1 on a free port (STOCKROOM_WEBHOOK_HOST/PORT override). */
  webhookReceiver?: { host: string; port: number };
  /** The desktop host prints its window; without one (browser mode, tests) printing is refused with a sentence. */
  printer?: Printer;
}

export interface Services {
  app: { info(): AppInfo };
  stores: StoresService;
  bigcommerce: BigCommerceService;
  catalog: CatalogService;
  customers: CustomersService;
  catalogNames: CatalogNamesService;
  orders: OrdersService;
  jobs: JobsService;
  staging: StagingService;
  picklists: PicklistsService;
  webhooks: WebhooksService;
  compare: CompareService;
  printer: Printer;
  authoring: AuthoringService;
  images: ImagesService;
  /** Decimal places and SKU checks of edits from the renderer (staging.stage, jobs.start). */
  checkEdits: EditChecks;
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
  const log = options.log ?? ((line: string) => console.error(line));
  const events = createEventBus({ validate: options.strict });
  const info: AppInfo = { name: 'Stockroom', version: APP_VERSION, mode: options.mode, platform: process.platform };
  const keychain = options.keychain ?? (await defaultKeychain());

  // The clients need the profiles (origin, token) and the profiles need a client to test a connection.
  const late: { stores?: StoresService; webhooks?: WebhooksService; images?: ImagesService } = {};
  const bigcommerce = createBigCommerceService({
    target: (storeId) => late.stores!.resolve(storeId),
    getToken: (storeId) => late.stores!.tokenFor(storeId),
  });
  const stores = await createStoresService({
    dataDir: options.dataDir,
    keychain,
    demoStores: options.demoStores,
    clientForTarget: (target, storeId) => bigcommerce.probeClient(target, { timeoutMs: 15_000, maxRetries: 1 }, storeId),
    onChanged: (list) => events.emit('stores.changed', list),
    onStoreReset: (storeId) => {
      bigcommerce.forget(storeId);
      late.images?.forget(storeId);
      // Another store's data must never show under this profile, nor a removed store's linger.
      void Promise.all([catalog.clear(storeId), customers.clear(storeId), orders.clear(storeId), late.webhooks?.forget(storeId)]).catch((error: unknown) => log(`[stores] could not forget ${storeId}: ${String(error)}`));
    },
  });
  late.stores = stores;
  await migrateHashJournals(options.dataDir, (await stores.list()).stores, log);
  const stopBudgetFeed = startBudgetFeed(bigcommerce, (storeId) => stores.lookup(storeId)?.storeHash, (budget) => events.emit('stores.budgetChanged', budget));

  const catalog = createCatalogService({
    dataDir: options.dataDir,
    bigcommerce,
    onEvent: (e) => {
      if (e.type === 'syncProgressed') events.emit('catalog.syncProgressed', { storeId: e.storeId, loaded: e.loaded, total: e.total, phase: e.phase });
      else if (e.type === 'synced') events.emit('catalog.synced', { storeId: e.storeId, mode: e.mode, products: e.products, variants: e.variants, at: e.at, upserted: e.upserted, removed: e.removed });
      else if (e.type === 'syncFailed') events.emit('catalog.syncFailed', { storeId: e.storeId, message: e.message, code: e.code });
      else log(`[catalog] cache for ${e.storeId} rejected: ${e.reason}`);
    },
  });

  const customers = createCustomersService({
    dataDir: options.dataDir,
    bigcommerce,
    onEvent: (e) => emitCustomersEvent(events, e, log),
    onRowsChanged: (change) => events.emit('data.rowsChanged', change),
  });

  const orders = createOrdersService({
    dataDir: options.dataDir,
    bigcommerce,
    catalog,
    onEvent: (e) => {
      if (e.type === 'syncProgressed') events.emit('orders.syncProgressed', { storeId: e.storeId, loaded: e.loaded, total: e.total });
      else if (e.type === 'synced') events.emit('orders.synced', { storeId: e.storeId, mode: e.mode, orders: e.orders, upserted: e.upserted, removed: e.removed, at: e.at });
      else if (e.type === 'syncFailed') events.emit('orders.syncFailed', { storeId: e.storeId, message: e.message, code: e.code });
      else if (e.type === 'rowsChanged') events.emit('data.rowsChanged', { storeId: e.storeId, entity: 'order', rows: e.rows, cause: { kind: e.cause } });
      else log(`[orders] cache for ${e.storeId} rejected: ${e.reason}`);
    },
  });

  const later: { settled?: JobsSettledService; authoring?: AuthoringService } = {};
  const jobs = createJobsService({
    dataDir: options.dataDir,
    bigcommerce,
    onEvent: (e) => {
      events.emit('jobs.progressed', e.job);
      later.settled?.onJob(e.job);
      later.authoring?.onJob(e.job);
    },
  });
  const settled = createJobsSettledService({ jobs, catalog, customers, orders, onRowsChanged: (change) => events.emit('data.rowsChanged', change), log });
  later.settled = settled;
  // Catalog jobs of the authoring service's old engine (`catalog-jobs/c….json`) become jobs first.
  await migrateCatalogJobs(options.dataDir, log);
  await jobs.recover();
  // After jobs.recover(): jobs cut off by a crash are `interrupted` by now, so their edits settle.
  const checkEdits = createEditChecks({ snapshot: (storeId) => catalog.snapshot(storeId) });
  const staging = createStagingService({
    dataDir: options.dataDir,
    jobs,
    check: checkEdits,
    onChanged: (e) => events.emit('staging.changed', e),
    log,
  });
  settled.attachStaging(staging);
  await staging.recover();

  const authoring = createAuthoringService({
    dataDir: options.dataDir,
    bigcommerce,
    catalog,
    jobs,
    storeHash: (storeId) => stores.resolve(storeId).storeHash,
    onChanged: (e) => events.emit('authoring.changed', e),
    onProgress: (job) => events.emit('authoring.progressed', job),
    onRowsChanged: (change) => events.emit('data.rowsChanged', change),
    log,
  });
  later.authoring = authoring;
  await authoring.recover();

  const picklists = createPicklistsService({ bigcommerce, catalog });
  const storeChanges = createStoreChangesService({ catalog, onRowsChanged: (change) => events.emit('data.rowsChanged', change), log });
  // store/customer/* deliveries: exactly the named customers are read again and painted.
  storeChanges.register('customer', async ({ storeId, ids }) => {
    const { rows, removedIds } = await customers.refetch(storeId, ids);
    if (rows.length || removedIds.length) events.emit('data.rowsChanged', { storeId, entity: 'customer', rows, ...(removedIds.length ? { removedIds } : {}), cause: { kind: 'webhook' } });
  });
  // store/order/* deliveries: exactly the named orders are read again (archived ones leave) and painted.
  storeChanges.register('order', async ({ storeId, ids }) => {
    const { rows, removedIds } = await orders.refetch(storeId, ids);
    if (rows.length || removedIds.length) events.emit('data.rowsChanged', { storeId, entity: 'order', rows, ...(removedIds.length ? { removedIds } : {}), cause: { kind: 'webhook' } });
  });
  const webhooks = await createWebhooksService({
    dataDir: options.dataDir,
    keychain,
    bigcommerce,
    stores,
    receiver: options.webhookReceiver ?? receiverOptionsFromEnv(process.env),
    onEvent: (e) => events.emit('webhooks.received', e),
    onStoreChanged: (change) => storeChanges.onStoreChanged(change),
    log,
  });
  late.webhooks = webhooks;
  void stores.learnMissing(log);
  // Out of the box, a demo store delivers to the receiver (and hooks follow a public URL) (in the background: a store that is down must not delay the start).
  void stores
    .list()
    .then((list) => webhooks.followReceiver(list.stores.filter((st) => st.hasToken)))
    .catch((error: unknown) => log(`[webhooks] ${String(error)}`));

  const images = createImagesService({ bigcommerce, catalog, onRowsChanged: (change) => events.emit('data.rowsChanged', change), log });
  late.images = images;
  const compare = createCompareService({ catalog, profile: (storeId) => stores.describe(storeId), stage: (input) => staging.stage(input) });
  const catalogNames = createCatalogNamesService({ dataDir: options.dataDir, bigcommerce, catalog });
  const services: Services = { app: { info: () => info }, stores, bigcommerce, catalog, catalogNames, customers, orders, jobs, staging, picklists, webhooks, compare, printer: options.printer ?? browserPrinter, authoring, images, checkEdits };
  // The active store's catalog in memory and encoded before anyone opens Products (issue 10: first visit ≤ 1 s).
  void stores.list().then(({ activeStoreId }) => (activeStoreId ? catalog.warm(activeStoreId, PRODUCT_COLUMNS_MAX) : undefined))
    .catch((error: unknown) => log(`[catalog] warm-up failed: ${String(error)}`));
  const dispatch = createDispatcher(createHandlers(services), {
    validateResults: options.strict,
    onUnexpectedError: (method, error) => log(`[rpc] ${method} failed: ${error instanceof Error ? error.stack : String(error)}`),
  });
  return {
    services,
    dispatch,
    events,
    async close() {
      stopBudgetFeed();
      await webhooks.close();
      await storeChanges.idle();
      await jobs.close();
      await authoring.close();
      await settled.idle();
      await staging.close();
      await catalog.close();
      await customers.close();
      await orders.close();
      bigcommerce.close();
    },
  };
}

function emitCustomersEvent(events: EventBus, e: CustomersEvent, log: (line: string) => void): void {
  if (e.type === 'syncProgressed') events.emit('customers.syncProgressed', { storeId: e.storeId, loaded: e.loaded, total: e.total });
  else if (e.type === 'synced') events.emit('customers.synced', { storeId: e.storeId, mode: e.mode, customers: e.customers, at: e.at, upserted: e.upserted, removed: e.removed });
  else if (e.type === 'syncFailed') events.emit('customers.syncFailed', { storeId: e.storeId, message: e.message, code: e.code });
  else log(`[customers] cache rejected: ${e.reason}`);
}

async function defaultKeychain(): Promise<Keychain> {
  const service = process.env.STOCKROOM_KEYCHAIN_SERVICE || DEFAULT_KEYCHAIN_SERVICE;
  try {
    return createKeychain(await loadKeytar(), service);
  } catch (error) {
    // The native module itself failed to load: report the keychain as unavailable, never fall back to a file.
    const failing = { findCredentials: () => Promise.reject(error) } as unknown as Parameters<typeof createKeychain>[0];
    return createKeychain(failing, service);
  }
}
