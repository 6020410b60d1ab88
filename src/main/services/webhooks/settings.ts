import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonFile, writeJsonAtomic } from '../fs/atomic-file';

/** Per-store receiver settings; nothing secret lives here. */
export interface WebhookSettings {
  publicUrl: string | null;
}

const pathOf = (dataDir: string, storeId: string) => join(dataDir, 'webhooks', storeId, 'settings.json');

export async function readSettings(dataDir: string, storeId: string): Promise<WebhookSettings> {
  const raw = (await readJsonFile(pathOf(dataDir, storeId)).catch(() => undefined)) as Partial<WebhookSettings> | undefined;
  return { publicUrl: typeof raw?.publicUrl === 'string' ? raw.publicUrl : null };
}

export async function writeSettings(dataDir: string, storeId: string, settings: WebhookSettings): Promise<void> {
  await writeJsonAtomic(pathOf(dataDir, storeId), settings);
}

/** The receiver's path appended to the forwarding URL the user entered. */
export function publicDestination(publicUrl: string, storeId: string): string {
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  return new URL(`webhooks/${storeId}`, base).toString();
}

export async function removeSettings(dataDir: string, storeId: string): Promise<void> {
  await rm(pathOf(dataDir, storeId), { force: true });
}
