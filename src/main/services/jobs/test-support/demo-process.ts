import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { DemoStore, DemoStoreInfo, DemoStoreOptions } from '../../../../demo-store/index';

type Stats = ReturnType<DemoStore['stats']> & { cpuMs: number };

export interface DemoProcess {
  url: string;
  stores: DemoStoreInfo[];
  stats(): Promise<Stats>;
  close(): Promise<void>;
}

/**
 * Starts the demo store in a child process (see demo-child.ts) and waits for it to listen.
 * For profiling the store under a benchmark: DEMO_CPU_PROF=<dir> writes a .cpuprofile there,
 * DEMO_NODE_ARGS passes extra Node flags (space-separated).
 */
export async function startDemoProcess(options: DemoStoreOptions): Promise<DemoProcess> {
  const extraArgs = process.env.DEMO_NODE_ARGS ? process.env.DEMO_NODE_ARGS.split(' ') : [];
  const profArgs = process.env.DEMO_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.DEMO_CPU_PROF] : [];
  const child = fork(join(import.meta.dirname, 'demo-child.ts'), [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx', ...extraArgs, ...profArgs],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ url: string; stores: DemoStoreInfo[] }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { url: string; stores: DemoStoreInfo[] }));
    child.once('exit', (code) => reject(new Error(`demo store process exited (${code})`)));
  });
  let nextId = 1;
  return {
    url: ready.url,
    stores: ready.stores,
    stats: () =>
      new Promise<Stats>((resolve) => {
        const id = nextId++;
        const onMessage = (m: { type: string; id: number; stats: Stats }) => {
          if (m.type !== 'stats' || m.id !== id) return;
          child.off('message', onMessage);
          resolve(m.stats);
        };
        child.on('message', onMessage);
        child.send({ type: 'stats', id });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'close' });
      }),
  };
}
