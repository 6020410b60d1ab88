import { parseCliArgs } from './cli-args';
import { startDemoStore, type DemoStoreOptions } from './index';

/** Standalone demo store: `npm run demo-store -- --port 4000 --data-dir .stockroom-data/demo`. */
async function main(): Promise<void> {
  let opts: DemoStoreOptions;
  try {
    opts = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`demo-store: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const store = await startDemoStore(opts);
  process.stdout.write(`Demo store ready: ${store.url}\n`);
  for (const s of store.stores) {
    process.stdout.write(JSON.stringify({ name: s.name, storeHash: s.storeHash, token: s.token, apiUrl: s.apiUrl }) + '\n');
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    store.close().then(() => process.exit(0), (err: unknown) => {
      process.stderr.write(`demo-store: error while closing: ${String(err)}\n`);
      process.exit(1);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`demo-store: ${(err as Error).message ?? String(err)}\n`);
  process.exit(1);
});
