import { join } from 'node:path';
import { startDemoStore } from '../../../demo-store';
import type { DemoStoreRef } from '../stores/stores-service';

export interface RunningDemoStores {
  stores: (DemoStoreRef & { token: string })[];
  close(): Promise<void>;
}

/** The demo stores run in-process on a free loopback port, their data under the app's data dir. */
export async function startDemoStores(dataDir: string, products?: number): Promise<RunningDemoStores> {
  const demo = await startDemoStore({ port: 0, dataDir: join(dataDir, 'demo-store'), ...(products !== undefined ? { products } : {}) });
  return { stores: demo.stores, close: () => demo.close() };
}
