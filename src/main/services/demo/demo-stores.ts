import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startDemoStore } from '../../../demo-store';
import type { DemoStoreRef } from '../stores/stores-service';

export interface RunningDemoStores {
  stores: (DemoStoreRef & { token: string })[];
  close(): Promise<void>;
}

/**
 * The demo stores run in-process on a loopback port, their data under the app's data dir. They
 * take the last run's port again when it is free: their image URLs carry it, and the catalog cache
 * keeps those URLs (as a real store's CDN URLs stay put).
 */
export async function startDemoStores(dataDir: string, products?: number): Promise<RunningDemoStores> {
  const dir = join(dataDir, 'demo-store');
  const portFile = join(dir, 'port');
  const last = Number((await readFile(portFile, 'utf8').catch(() => '')).trim()) || undefined;
  const demo = await startDemoStore({ port: 0, preferPort: last, dataDir: dir, ...(products !== undefined ? { products } : {}) });
  const port = new URL(demo.url).port;
  if (String(last) !== port) await mkdir(dir, { recursive: true }).then(() => writeFile(portFile, `${port}\n`));
  return { stores: demo.stores, close: () => demo.close() };
}
