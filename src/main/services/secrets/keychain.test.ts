import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore, type DemoStore } from '../../../demo-store/index';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../../..');

describe('with no usable keychain', () => {
  let demo: DemoStore;
  let dataDir: string;
  beforeAll(async () => {
    demo = await startDemoStore({ products: 10, orders: 5, customers: 5, rateLimit: false });
    dataDir = await mkdtemp(join(tmpdir(), 'stockroom-nokeychain-'));
  });
  afterAll(async () => {
    await demo.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('says so, refuses to add a store, and writes the token nowhere', async () => {
    const { storeHash, token, apiUrl } = demo.stores[0]!;
    const { stdout } = await run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(import.meta.dirname, 'test-support/no-keychain.ts'), dataDir, apiUrl, storeHash, token], {
      cwd: ROOT,
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/stockroom-bus' },
    });
    const result = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(result.status.status).toBe('unavailable');
    expect(result.status.message).toMatch(/keychain/i);
    expect(result.addError).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    expect(result.list.stores).toEqual([]);
    expect(result.list.keychain.status).toBe('unavailable');
    const files = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    for (const f of files) expect(await readFile(join(f.parentPath, f.name), 'utf8')).not.toContain(token);
  }, 60_000);
});
