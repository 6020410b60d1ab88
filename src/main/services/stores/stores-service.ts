import { join } from 'node:path';
import { z } from 'zod';
import { StoreHash, StoreId, type StoreList, type StoreProfile } from '../../../shared/contract';
import { AppError } from '../../../shared/rpc';
import { readJsonFile, writeJsonAtomic } from '../fs/atomic-file';

const PROFILES_VERSION = 1;

const StoredProfile = z.object({
  id: StoreId,
  name: z.string(),
  storeHash: StoreHash,
  apiOrigin: z.string(),
  color: z.string(),
  demoIndex: z.number().int().min(0).nullable(),
});
type StoredProfile = z.infer<typeof StoredProfile>;

const ProfilesFile = z.object({
  version: z.literal(PROFILES_VERSION),
  activeStoreId: StoreId.nullable(),
  profiles: z.array(StoredProfile),
});
type ProfilesFile = z.infer<typeof ProfilesFile>;

export interface DemoStoreRef {
  name: string;
  storeHash: string;
  apiUrl: string;
}

export interface StoresServiceDeps {
  dataDir: string;
  /** The demo stores running in this process; their origin changes every launch. */
  demoStores: DemoStoreRef[];
  onChanged?: (list: StoreList) => void;
}

const DEMO_COLORS = ['#2563eb', '#d97706', '#059669', '#7c3aed'];

export interface StoresService {
  list(): Promise<StoreList>;
  select(id: string): Promise<StoreList>;
}

export async function createStoresService(deps: StoresServiceDeps): Promise<StoresService> {
  const path = join(deps.dataDir, 'profiles.json');
  let file = await load(path, deps.demoStores);

  const view = (): StoreList => ({
    stores: file.profiles.map((p) => toView(p, deps.demoStores)),
    activeStoreId: file.activeStoreId,
    keychain: { status: 'ok' },
  });

  return {
    async list() {
      return view();
    },
    async select(id) {
      if (!file.profiles.some((p) => p.id === id)) throw new AppError('NOT_FOUND', `No store profile with id "${id}".`);
      file = { ...file, activeStoreId: id };
      await writeJsonAtomic(path, file);
      const list = view();
      deps.onChanged?.(list);
      return list;
    },
  };
}

async function load(path: string, demoStores: DemoStoreRef[]): Promise<ProfilesFile> {
  const raw = await readJsonFile(path);
  if (raw === undefined) {
    const profiles = demoStores.map((s, i): StoredProfile => ({
      id: `demo-${i + 1}`,
      name: s.name,
      storeHash: s.storeHash,
      apiOrigin: s.apiUrl,
      color: DEMO_COLORS[i % DEMO_COLORS.length] ?? '#2563eb',
      demoIndex: i,
    }));
    const fresh: ProfilesFile = { version: PROFILES_VERSION, activeStoreId: profiles[0]?.id ?? null, profiles };
    await writeJsonAtomic(path, fresh);
    return fresh;
  }
  const parsed = ProfilesFile.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('INTERNAL', `The store profiles file ${path} is not valid: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  return parsed.data;
}

function toView(p: StoredProfile, demoStores: DemoStoreRef[]): StoreProfile {
  const demo = p.demoIndex === null ? undefined : demoStores[p.demoIndex];
  return {
    id: p.id,
    name: p.name,
    storeHash: demo?.storeHash ?? p.storeHash,
    apiOrigin: demo?.apiUrl ?? p.apiOrigin,
    color: p.color,
    isDemo: p.demoIndex !== null,
    hasToken: p.demoIndex !== null,
    connection: null,
  };
}
