import { SECRET_HEADER, type ReceiverInfo, type Webhook, type WebhookEvent, type WebhookList } from '../../../shared/contract';
import { AppError } from '../../../shared/rpc';
import type { BigCommerceService } from '../bigcommerce';
import type { Keychain } from '../secrets/keychain';
import type { ResolvedStore } from '../stores/stores-service';
import { createChangeCoalescer } from './coalesce';
import { changeOf, createSeenSet, dedupeKey, toEvent, type Delivery, type StoreChange } from './delivery';
import { createEventLog } from './event-log';
import { carriesSecret, createHook, deleteHook, listHooks, secretOf, toWebhook, updateHook, type ApiHook } from './hooks-api';
import { startReceiver, type Receiver } from './receiver';
import { publicDestination, readSettings, removeSettings, writeSettings } from './settings';
import { createStoreSecrets } from './store-secrets';

/** What a demo store delivers to Stockroom out of the box: every area a screen shows. */
export const RECEIVER_SCOPES = ['store/product/*', 'store/sku/*', 'store/order/*', 'store/customer/*'] as const;
const SEEN_PER_STORE = 2000;

export interface WebhooksServiceDeps {
  dataDir: string;
  keychain: Keychain;
  bigcommerce: Pick<BigCommerceService, 'clientFor'>;
  stores: { resolve(id: string): ResolvedStore };
  receiver: { host: string; port: number };
  onEvent(event: WebhookEvent): void;
  /** Rows a delivery named, merged per store and entity over a 50 ms burst. */
  onStoreChanged(change: StoreChange): void;
  log(line: string): void;
  now?: () => Date;
}

export interface WebhooksService {
  list(storeId: string): Promise<WebhookList>;
  receiverInfo(storeId: string): Promise<ReceiverInfo>;
  create(input: { storeId: string; scope: string; destination?: string; headers?: Record<string, string> }): Promise<Webhook>;
  setActive(storeId: string, id: number, isActive: boolean): Promise<Webhook>;
  remove(storeId: string, id: number): Promise<{ id: number }>;
  setPublicUrl(storeId: string, publicUrl: string | null): Promise<ReceiverInfo>;
  listEvents(storeId: string): Promise<WebhookEvent[]>;
  /** Point this store's Stockroom hooks at the running receiver, creating the missing ones (demo stores). */
  ensureReceiverHooks(storeId: string): Promise<void>;
  /**
   * At start: a demo store gets its receiver hooks (ensureReceiverHooks); a store with a public URL
   * has its Stockroom hooks pointed at it. Failures are logged, never thrown (a store may be down).
   */
  followReceiver(stores: readonly { id: string; isDemo: boolean }[]): Promise<void>;
  readonly receiverUrl: (storeId: string) => string | null;
  /**
   * The store's profile was removed or now points at another store: its receiver secret leaves the
   * keychain (deliveries carrying it are refused from now on), its event log and settings go.
   */
  forget(storeId: string): Promise<void>;
  close(): Promise<void>;
}

export async function createWebhooksService(deps: WebhooksServiceDeps): Promise<WebhooksService> {
  const now = deps.now ?? (() => new Date());
  const secrets = createStoreSecrets(deps.keychain);
  const events = createEventLog({ dataDir: deps.dataDir });
  const seen = new Map<string, Promise<ReturnType<typeof createSeenSet>>>();
  let closed = false;
  const changed = createChangeCoalescer(deps.onStoreChanged);
  const clientOf = (storeId: string) => (deps.stores.resolve(storeId), deps.bigcommerce.clientFor(storeId));

  function seenFor(storeId: string) {
    let found = seen.get(storeId);
    if (!found) {
      found = events.keys(storeId).then((keys) => {
        const set = createSeenSet(SEEN_PER_STORE);
        for (const key of keys.reverse()) set.add(key);
        return set;
      });
      seen.set(storeId, found);
    }
    return found;
  }

  async function onDelivery(storeId: string, delivery: Delivery): Promise<void> {
    // The rows are refreshed even for a "duplicate": two real updates of one product within a
    // second share scope, hash and created_at with a retry, and the second must not be lost.
    // Refreshing is idempotent and bursts are coalesced; only the event log and feed de-duplicate.
    const change = changeOf(storeId, delivery);
    if (change) changed.add(change);
    if (!(await seenFor(storeId)).add(dedupeKey(delivery))) return;
    const event = toEvent(storeId, delivery, now());
    events.append(event, dedupeKey(delivery)).catch((error: unknown) => deps.log(`[webhooks] could not log an event: ${String(error)}`));
    deps.onEvent(event);
  }

  const receiver = await startReceiverOrNull();
  async function startReceiverOrNull(): Promise<Receiver | null> {
    try {
      return await startReceiver({
        ...deps.receiver,
        secretFor: (storeId) => (knownStore(storeId) ? secrets.peek(storeId) : Promise.resolve(null)),
        onDelivery,
        log: deps.log,
      });
    } catch (error) {
      deps.log(`[webhooks] the receiver could not listen on ${deps.receiver.host}:${deps.receiver.port}: ${String(error)}`);
      return null;
    }
  }

  function knownStore(storeId: string): boolean {
    try {
      deps.stores.resolve(storeId);
      return true;
    } catch {
      return false;
    }
  }

  async function receiverInfo(storeId: string): Promise<ReceiverInfo> {
    const store = deps.stores.resolve(storeId);
    const { publicUrl } = await readSettings(deps.dataDir, storeId);
    const localUrl = receiver?.urlFor(storeId) ?? null;
    const local = store.isDemo || isLoopback(store.apiOrigin);
    const destination = local ? localUrl : publicUrl && publicDestination(publicUrl, storeId);
    return { localUrl, publicUrl, destination, bindAddress: deps.receiver.host, isDemo: store.isDemo, secretHeader: SECRET_HEADER };
  }

  async function receiverTarget(storeId: string): Promise<{ destination: string; secret: string }> {
    const info = await receiverInfo(storeId);
    if (!info.localUrl) throw new AppError('CONFLICT', 'Stockroom\'s webhook receiver is not running (see the log); only other destinations can be used.');
    if (!info.destination) {
      throw new AppError('CONFLICT', 'This store is on the internet and cannot reach 127.0.0.1: enter the public https URL that forwards to the receiver first.');
    }
    return { destination: info.destination, secret: await secrets.ensure(storeId) };
  }

  /** Every Stockroom hook follows the receiver (its port changes per launch unless configured, a public URL may change). */
  async function repointHooks(storeId: string): Promise<{ client: ReturnType<typeof clientOf>; mine: ApiHook[]; destination: string; secret: string }> {
    const client = clientOf(storeId);
    const { destination, secret } = await receiverTarget(storeId);
    const mine = (await listHooks(client)).filter(carriesSecret);
    for (const hook of mine) {
      if (hook.destination === destination && secretOf(hook) === secret) continue;
      await updateHook(client, hook.id, { destination, headers: { ...withoutSecret(hook), [SECRET_HEADER]: secret } });
    }
    return { client, mine, destination, secret };
  }

  async function ensureReceiverHooks(storeId: string): Promise<void> {
    const { client, mine, destination, secret } = await repointHooks(storeId);
    for (const scope of RECEIVER_SCOPES) {
      if (!mine.some((h) => h.scope === scope)) await createHook(client, { scope, destination, headers: { [SECRET_HEADER]: secret }, is_active: true });
    }
  }

  return {
    async list(storeId) {
      const hooks = await listHooks(clientOf(storeId));
      return { storeId, hooks: hooks.sort((a, b) => a.id - b.id).map(toWebhook) };
    },
    receiverInfo,
    async create({ storeId, scope, destination, headers }) {
      const client = clientOf(storeId);
      if (destination !== undefined) return toWebhook(await createHook(client, { scope, destination, headers: headers ?? {}, is_active: true }));
      const target = await receiverTarget(storeId);
      const body = { scope, destination: target.destination, headers: { ...headers, [SECRET_HEADER]: target.secret }, is_active: true };
      return toWebhook(await createHook(client, body));
    },
    setActive: async (storeId, id, isActive) => toWebhook(await updateHook(clientOf(storeId), id, { is_active: isActive })),
    remove: async (storeId, id) => ({ id: (await deleteHook(clientOf(storeId), id)).id }),
    async setPublicUrl(storeId, publicUrl) {
      deps.stores.resolve(storeId);
      await writeSettings(deps.dataDir, storeId, { publicUrl });
      const info = await receiverInfo(storeId);
      // Hooks that went to the old URL follow the new one, or deliveries would stop without a word.
      // In the background: the store may be unreachable now (followReceiver tries again at the next start).
      if (info.localUrl && publicUrl && info.destination === publicDestination(publicUrl, storeId)) {
        void repointHooks(storeId).catch((error: unknown) => deps.log(`[webhooks] hooks of ${storeId} still point at the old URL: ${error instanceof Error ? error.message : String(error)}`));
      }
      return info;
    },
    listEvents: (storeId) => (deps.stores.resolve(storeId), events.recent(storeId)),
    ensureReceiverHooks,
    async followReceiver(stores) {
      for (const { id, isDemo } of stores) {
        if (closed) return;
        const follow = isDemo ? ensureReceiverHooks(id) : readSettings(deps.dataDir, id).then((s) => (s.publicUrl ? repointHooks(id) : undefined));
        await follow.catch((error: unknown) => deps.log(`[webhooks] the receiver hooks of ${id} are not set up: ${error instanceof Error ? error.message : String(error)}`));
      }
    },
    receiverUrl: (storeId) => receiver?.urlFor(storeId) ?? null,
    async forget(storeId) {
      seen.delete(storeId);
      await Promise.all([secrets.forget(storeId), events.forget(storeId), removeSettings(deps.dataDir, storeId)]);
    },
    async close() {
      closed = true;
      await receiver?.close();
      changed.flush();
      await events.close();
    },
  };
}

function withoutSecret(hook: ApiHook): Record<string, string> {
  return Object.fromEntries(Object.entries(hook.headers ?? {}).filter(([name]) => name.toLowerCase() !== SECRET_HEADER.toLowerCase()));
}

function isLoopback(origin: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(origin).hostname);
  } catch {
    return false;
  }
}
