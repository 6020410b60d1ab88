import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoStores } from './demo-stores';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('startDemoStores', () => {
  it('takes the last run’s port again, and another free one when that is taken', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-demo-port-'));
    dirs.push(dataDir);
    const first = await startDemoStores(dataDir, 20);
    const origin = first.stores[0]!.apiUrl;
    await first.close();

    const again = await startDemoStores(dataDir, 20);
    expect(again.stores[0]!.apiUrl).toBe(origin);
    await again.close();

    const squatter = createServer();
    await new Promise<void>((r) => squatter.listen(Number(new URL(origin).port), '127.0.0.1', r));
    try {
      const moved = await startDemoStores(dataDir, 20);
      expect(moved.stores[0]!.apiUrl).not.toBe(origin);
      await moved.close();
      const back = await startDemoStores(dataDir, 20);
      // The port file follows the store: the last run's (moved) port is tried first now.
      expect(back.stores[0]!.apiUrl).toBe(moved.stores[0]!.apiUrl);
      await back.close();
    } finally {
      await new Promise((r) => squatter.close(r));
    }
  }, 60_000);
});
