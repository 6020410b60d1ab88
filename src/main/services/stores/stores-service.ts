import { randomBytes } from 'node:crypto';
import type { ConnectionInfo, StoreList, StoreProfile } from '../../../shared/contract';
import { AppError } from '../../../shared/rpc';
import type { BigCommerceClient } from '../bigcommerce';
import type { Keychain } from '../secrets/keychain';
import { testConnection } from './connection-test';
import { PROFILES_VERSION, readProfiles, writeProfiles, type ProfilesFile, type StoredProfile } from './profiles-file';

export const DEFAULT_API_ORIGIN = 'https://api.bigcommerce.com';
const COLORS = ['#2563eb', '#d97706', '#059669', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#dc2626'];

export interface DemoStoreRef {
  name: string;
  storeHash: string;
  apiUrl: string;
  token?: string;
}

export interface ConnectionTarget {
  apiOrigin: string;
  storeHash: string;
  token: string;
}

export interface StoresServiceDeps {
  dataDir: string;
  keychain: Keychain;
  /** The demo stores running in this process; their origin changes every launch, their tokens are no secret. */
  demoStores: DemoStoreRef[];
  /**
   * A client for a connection test. With `storeId` it must use that profile's limiter (the test
   * shares the store's quota); without, the target is not a profile yet.
   */
  clientForTarget: (target: ConnectionTarget, storeId?: string) => BigCommerceClient;
  onChanged?: (list: StoreList) => void;
  /** A profile's store changed or it was removed: drop its cached client and limiter. */
  onStoreReset?: (storeId: string) => void;
}

export interface AddStoreInput {
  name: string;
  storeHash: string;
  token: string;
  apiOrigin?: string;
  color?: string;
}

export interface UpdateStoreInput {
  id: string;
  name?: string;
  storeHash?: string;
  token?: string;
  apiOrigin?: string;
  color?: string;
}

export interface ResolvedStore {
  id: string;
  storeHash: string;
  apiOrigin: string;
  isDemo: boolean;
}

export interface StoresService {
  list(): Promise<StoreList>;
  select(id: string): Promise<StoreList>;
  add(input: AddStoreInput): Promise<StoreList>;
  update(input: UpdateStoreInput): Promise<StoreList>;
  remove(id: string): Promise<StoreList>;
  testConnection(id: string): Promise<ConnectionInfo>;
  /** Tests every profile with a token that was never tested (the demo stores on first run), so the switcher can show plan and currency. */
  learnMissing(log: (line: string) => void): Promise<void>;
  testDraft(target: ConnectionTarget): Promise<ConnectionInfo>;
  /** For main's BigCommerce clients only; never crosses to the renderer. */
  tokenFor(id: string): Promise<string>;
  /** The one place a profile id becomes hash and origin (a demo store's come from this launch). */
  resolve(id: string): ResolvedStore;
  /** A profile's name and colour, as the user sees them; NOT_FOUND for an unknown id. */
  describe(id: string): { name: string; color: string };
  /** As resolve, undefined for an unknown id. */
  lookup(id: string): ResolvedStore | undefined;
  active(): ResolvedStore | null;
}

export async function createStoresService(deps: StoresServiceDeps): Promise<StoresService> {
  let file = (await readProfiles(deps.dataDir)) ?? (await firstRun(deps));
  const tokenKnown = new Map<string, boolean>();

  const demoOf = (p: StoredProfile) => (p.demoIndex === null ? undefined : deps.demoStores[p.demoIndex]);
  const origin = (p: StoredProfile) => demoOf(p)?.apiUrl ?? p.apiOrigin;
  const hash = (p: StoredProfile) => demoOf(p)?.storeHash ?? p.storeHash;
  const find = (id: string): StoredProfile => {
    const p = file.profiles.find((x) => x.id === id);
    if (!p) throw new AppError('NOT_FOUND', `No store profile with id "${id}".`);
    return p;
  };

  async function hasToken(p: StoredProfile): Promise<boolean> {
    if (p.demoIndex !== null) return !!demoOf(p)?.token;
    if (!tokenKnown.has(p.id)) tokenKnown.set(p.id, (await deps.keychain.get(p.id).catch(() => null)) !== null);
    return tokenKnown.get(p.id) ?? false;
  }

  async function view(): Promise<StoreList> {
    const keychain = await deps.keychain.status();
    const stores: StoreProfile[] = [];
    for (const p of file.profiles) {
      stores.push({ id: p.id, name: p.name, storeHash: hash(p), apiOrigin: origin(p), color: p.color, isDemo: p.demoIndex !== null, hasToken: await hasToken(p), connection: p.connection });
    }
    return { stores, activeStoreId: file.activeStoreId, keychain };
  }

  async function save(next: ProfilesFile): Promise<StoreList> {
    await writeProfiles(deps.dataDir, next);
    file = next;
    const list = await view();
    deps.onChanged?.(list);
    return list;
  }

  async function tokenOf(p: StoredProfile): Promise<string> {
    const demo = demoOf(p);
    if (demo?.token) return demo.token;
    const token = await deps.keychain.get(p.id);
    if (!token) throw new AppError('AUTH', `No access token is stored for "${p.name}". Edit the store and enter its token.`);
    return token;
  }

  const testDraft = (target: ConnectionTarget, storeId?: string) => {
    // A draft that names an existing profile's store is that store: it shares its quota.
    const owner = storeId ?? file.profiles.find((p) => hash(p) === target.storeHash && origin(p) === target.apiOrigin)?.id;
    return testConnection(deps.clientForTarget(target, owner));
  };
  const resolved = (p: StoredProfile): ResolvedStore => ({ id: p.id, storeHash: hash(p), apiOrigin: origin(p), isDemo: p.demoIndex !== null });

  return {
    list: view,
    async select(id) {
      find(id);
      return save({ ...file, activeStoreId: id });
    },
    async add(input) {
      const apiOrigin = input.apiOrigin ?? DEFAULT_API_ORIGIN;
      if (file.profiles.some((p) => hash(p) === input.storeHash && origin(p) === apiOrigin)) {
        throw new AppError('CONFLICT', `A profile for store "${input.storeHash}" already exists.`);
      }
      const connection = await testDraft({ apiOrigin, storeHash: input.storeHash, token: input.token });
      const id = `st-${randomBytes(5).toString('hex')}`;
      // The token goes to the keychain first: no keychain, no profile, nothing written anywhere.
      await deps.keychain.set(id, input.token);
      tokenKnown.set(id, true);
      const profile: StoredProfile = { id, name: input.name, storeHash: input.storeHash, apiOrigin, color: input.color ?? nextColor(file), demoIndex: null, connection };
      return save({ ...file, profiles: [...file.profiles, profile], activeStoreId: file.activeStoreId ?? id });
    },
    async update(input) {
      const current = find(input.id);
      const isDemo = current.demoIndex !== null;
      if (isDemo && (input.token || input.storeHash || input.apiOrigin)) {
        throw new AppError('BAD_REQUEST', 'A demo store keeps its hash, origin and token; only its name and colour can change.');
      }
      const next: StoredProfile = { ...current, name: input.name ?? current.name, color: input.color ?? current.color, storeHash: input.storeHash ?? current.storeHash, apiOrigin: input.apiOrigin ?? current.apiOrigin };
      const reconnect = !!input.token || next.storeHash !== current.storeHash || next.apiOrigin !== current.apiOrigin;
      if (reconnect) {
        const token = input.token ?? (await tokenOf(current));
        const sameStore = next.storeHash === current.storeHash && next.apiOrigin === current.apiOrigin;
        next.connection = await testDraft({ apiOrigin: next.apiOrigin, storeHash: next.storeHash, token }, sameStore ? current.id : undefined);
        if (input.token) {
          await deps.keychain.set(current.id, input.token);
          tokenKnown.set(current.id, true);
        }
        if (!sameStore) deps.onStoreReset?.(current.id);
      }
      return save({ ...file, profiles: file.profiles.map((p) => (p.id === current.id ? next : p)) });
    },
    async remove(id) {
      const current = find(id);
      if (current.demoIndex === null) {
        await deps.keychain.delete(id);
        tokenKnown.delete(id);
      }
      deps.onStoreReset?.(current.id);
      const profiles = file.profiles.filter((p) => p.id !== id);
      const activeStoreId = file.activeStoreId === id ? (profiles[0]?.id ?? null) : file.activeStoreId;
      return save({ ...file, profiles, activeStoreId });
    },
    async testConnection(id) {
      const p = find(id);
      const connection = await testDraft({ apiOrigin: origin(p), storeHash: hash(p), token: await tokenOf(p) }, id);
      await save({ ...file, profiles: file.profiles.map((x) => (x.id === id ? { ...x, connection } : x)) });
      return connection;
    },
    async learnMissing(this: StoresService, log) {
      for (const p of file.profiles.filter((x) => x.connection === null)) {
        if (!(await hasToken(p))) continue;
        // One store at a time, each on its own limiter: a store that is down costs only its own answer.
        await this.testConnection(p.id).catch((error: unknown) => log(`[stores] could not learn ${p.id}'s store info: ${String(error)}`));
      }
    },
    testDraft: (target) => testDraft(target),
    tokenFor: async (id) => tokenOf(find(id)),
    resolve: (id) => resolved(find(id)),
    describe(id) {
      const p = find(id);
      return { name: p.name, color: p.color };
    },
    lookup(id) {
      const p = file.profiles.find((x) => x.id === id);
      return p && resolved(p);
    },
    active() {
      const p = file.profiles.find((x) => x.id === file.activeStoreId);
      return p ? resolved(p) : null;
    },
  };
}

async function firstRun(deps: StoresServiceDeps): Promise<ProfilesFile> {
  const profiles = deps.demoStores.map(
    (s, i): StoredProfile => ({ id: `demo-${i + 1}`, name: s.name, storeHash: s.storeHash, apiOrigin: s.apiUrl, color: COLORS[i % COLORS.length]!, demoIndex: i, connection: null }),
  );
  const file: ProfilesFile = { version: PROFILES_VERSION, activeStoreId: profiles[0]?.id ?? null, profiles };
  await writeProfiles(deps.dataDir, file);
  return file;
}

function nextColor(file: ProfilesFile): string {
  const used = new Set(file.profiles.map((p) => p.color));
  return COLORS.find((c) => !used.has(c)) ?? COLORS[file.profiles.length % COLORS.length]!;
}
