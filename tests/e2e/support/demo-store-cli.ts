import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../..');

export interface StandaloneDemoStore {
  url: string;
  stores: { name: string; storeHash: string; token: string; apiUrl: string }[];
  process: ChildProcess;
  stop(): Promise<void>;
}

/** `npm run demo-store` as a user would run it: a separate BigCommerce-like server to add as a "real" store. */
export async function startDemoStoreCli(args: string[]): Promise<StandaloneDemoStore> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/demo-store/cli.ts'), '--port', '0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const expected = Number(args[args.indexOf('--stores') + 1] ?? 2);
  const result = await new Promise<StandaloneDemoStore>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo store did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /^Demo store ready: (\S+)$/m.exec(out);
      const stores = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
      if (ready?.[1] && stores.length >= expected) {
        clearTimeout(timer);
        resolve({ url: ready[1], stores, process: child, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`demo store exited with ${code}:\n${out}`)));
  });
  async function stop() {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  return result;
}

type DemoStoreEntry = StandaloneDemoStore['stores'][number];

/**
 * One standalone demo store (20 products, 5 orders, 5 customers) for the spec file that calls this
 * at its top level: started before its tests, stopped after them.
 */
export function useStandaloneDemoStore(test: { beforeAll(fn: () => Promise<void>): void; afterAll(fn: () => Promise<void>): void }, seed: string): () => DemoStoreEntry {
  let external: StandaloneDemoStore | undefined;
  test.beforeAll(async () => {
    external = await startDemoStoreCli(['--stores', '1', '--products', '20', '--orders', '5', '--customers', '5', '--seed', seed]);
  });
  test.afterAll(async () => external?.stop());
  return () => external!.stores[0]!;
}

/** A write on the store made by someone else: straight over HTTP, not through Stockroom. */
export async function changeOnStore(store: DemoStoreEntry, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${store.apiUrl}/stores/${store.storeHash}${path}`, {
    method: 'PUT',
    headers: { 'X-Auth-Token': store.token, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`PUT ${path} answered ${res.status}: ${await res.text()}`);
}
