import { mkdir } from 'node:fs/promises';
import type { AppInfo } from '../shared/contract';
import { createDispatcher, type Dispatch } from './rpc/dispatch';
import { createEventBus, type EventBus } from './rpc/event-bus';
import { createHandlers } from './rpc/handlers';
import { createBigCommerceClient, createBigCommerceService, createRateLimiter, type BigCommerceService } from './services/bigcommerce';
import { createCatalogService, type CatalogService } from './services/catalog';
import { createJobsService, type JobsService } from './services/jobs';
import { createEditChecks, createStagingService, type EditChecks, type StagingService } from './services/staging';
import { createKeychain, loadKeytar, DEFAULT_KEYCHAIN_SERVICE, type Keychain } from './services/secrets/keychain';
import { startBudgetFeed } from './services/stores/budget-feed';
import { createStoresService, type DemoStoreRef, type StoresService } from './services/stores/stores-service';
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
}

export interface Services {
  app: { info(): AppInfo };
  stores: StoresService;
  bigcommerce: BigCommerceService;
  catalog: CatalogService;
  jobs: JobsService;
  staging: StagingService;
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
  const late: { stores?: StoresService } = {};
  const bigcommerce = createBigCommerceService({
    apiOrigin: (storeHash) => late.stores?.resolveByHash(storeHash)?.apiOrigin ?? 'https://api.bigcommerce.com',
    getToken: (storeHash) => late.stores!.tokenForStoreHash(storeHash),
  });
  const stores = await createStoresService({
    dataDir: options.dataDir,
    keychain,
    demoStores: options.demoStores,
    clientForTarget: (target) =>
      createBigCommerceClient({ storeHash: target.storeHash, apiOrigin: target.apiOrigin, getToken: async () => target.token, limiter: createRateLimiter(), timeoutMs: 15_000, maxRetries: 1 }),
    onChanged: (list) => events.emit('stores.changed', list),
    onStoreReset: (storeHash) => bigcommerce.forget(storeHash),
  });
  late.stores = stores;
  const stopBudgetFeed = startBudgetFeed(bigcommerce, (hash) => stores.resolveByHash(hash)?.id, (budget) => events.emit('stores.budgetChanged', budget));

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

  const later: { staging?: StagingService } = {};
  const jobs = createJobsService({
    dataDir: options.dataDir,
    bigcommerce,
    onEvent: (e) => {
      events.emit('jobs.progressed', e.job);
      later.staging?.onJob(e.job);
      if (e.job.finishedAt || e.job.status === 'paused' || e.job.status === 'interrupted') void patchCatalog(e.job.id);
    },
  });
  // The grid should show what a job wrote without refetching the catalog.
  const patched = new Map<string, Set<number>>();
  async function patchCatalog(jobId: string): Promise<void> {
    const detail = jobs.get(jobId);
    const done = patched.get(jobId) ?? new Set<number>();
    patched.set(jobId, done);
    const applied = detail.rows.filter((r) => r.status === 'applied' && !done.has(r.index) && (r.edit.entity === 'product' || r.edit.entity === 'variant'));
    for (const r of applied) done.add(r.index);
    if (applied.length === 0 || !(await catalog.snapshot(detail.storeId))) return;
    await catalog.applyLocal(detail.storeId, applied.map((r) => r.edit)).catch((error: unknown) => log(`[catalog] could not patch after job ${jobId}: ${String(error)}`));
  }
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
  later.staging = staging;
  await staging.recover();

  const services: Services = { app: { info: () => info }, stores, bigcommerce, catalog, jobs, staging, checkEdits };
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
      await jobs.close();
      await staging.close();
      await catalog.close();
      bigcommerce.close();
    },
  };
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
