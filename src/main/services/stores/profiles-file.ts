import { join } from 'node:path';
import { z } from 'zod';
import { ConnectionInfo, StoreHash, StoreId } from '../../../shared/contract';
import { AppError } from '../../../shared/rpc';
import { readJsonFile, writeJsonAtomic } from '../fs/atomic-file';

/** profiles.json: every non-secret field of the store profiles. Tokens are in the keychain only. */
export const PROFILES_VERSION = 1;

export const StoredProfile = z.object({
  id: StoreId,
  name: z.string(),
  storeHash: StoreHash,
  apiOrigin: z.string(),
  color: z.string(),
  /** Index into the demo stores running in this process; null for a real store. */
  demoIndex: z.number().int().min(0).nullable(),
  connection: ConnectionInfo.nullable().default(null),
});
export type StoredProfile = z.infer<typeof StoredProfile>;

export const ProfilesFile = z.object({
  version: z.literal(PROFILES_VERSION),
  activeStoreId: StoreId.nullable(),
  profiles: z.array(StoredProfile),
});
export type ProfilesFile = z.infer<typeof ProfilesFile>;

export function profilesPath(dataDir: string): string {
  return join(dataDir, 'profiles.json');
}

export async function readProfiles(dataDir: string): Promise<ProfilesFile | undefined> {
  const path = profilesPath(dataDir);
  const raw = await readJsonFile(path);
  if (raw === undefined) return undefined;
  const parsed = ProfilesFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('INTERNAL', `The store profiles file ${path} is not valid (${issue?.path.join('.')}: ${issue?.message}). Fix or move it away.`);
  }
  return parsed.data;
}

export function writeProfiles(dataDir: string, file: ProfilesFile): Promise<void> {
  return writeJsonAtomic(profilesPath(dataDir), file);
}
