/**
 * Browser mode: the whole console served to a browser on 127.0.0.1, with the same services and
 * dispatcher as the Electron window. Plain Node: this file must never import 'electron'.
 */
import { join } from 'node:path';
import { parseLaunchArgs } from './cli-args';
import { composeApp } from './compose';
import { startDemoStores } from './services/demo/demo-stores';
import { startHttpHost } from './web/http-host';

async function main(): Promise<void> {
  const args = parseLaunchArgs(process.argv.slice(2));
  const demo = await startDemoStores(args.dataDir, args.demoProducts);
  const app = await composeApp({ dataDir: args.dataDir, mode: 'browser', demoStores: demo.stores });
  const host = await startHttpHost({
    dispatch: app.dispatch,
    events: app.events,
    rendererDir: join(import.meta.dirname, '../renderer'),
    port: args.port,
    imageOrigins: async () => (await app.services.stores.list()).stores.map((s) => s.apiOrigin),
  });
  console.log(`Stockroom is ready: ${host.launchUrl}`);
  const stop = async () => {
    await host.close();
    await app.close();
    await demo.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`Stockroom could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
