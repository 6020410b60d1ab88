/**
 * A demo store in a process of its own, for the bulk benchmark: a real store is on another machine,
 * so the engine and the store should not share one core's time. Talks to its parent over IPC:
 * it sends {ready, url, stores} once, then answers 'stats' with the store's request counters.
 */
import { startDemoStore, type DemoStoreOptions } from '../../../../demo-store/index';

const options = JSON.parse(process.argv[2] ?? '{}') as DemoStoreOptions;
const demo = await startDemoStore({ port: 0, ...options });
process.send?.({ type: 'ready', url: demo.url, stores: demo.stores });
process.on('message', (message: { type: string; id: number }) => {
  if (message.type === 'stats') process.send?.({ type: 'stats', id: message.id, stats: { ...demo.stats(), cpuMs: cpuMs() } });
  if (message.type === 'close') void demo.close().then(() => process.exit(0));
});

/** CPU time this store process has used (user + system), so the bench can tell whose CPU a job costs. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
