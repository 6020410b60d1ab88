import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A demo store served by a process of its own, and its first store. */
export interface DemoChild {
  url: string;
  storeHash: string;
  token: string;
  child: ChildProcess;
}

/**
 * `npm run demo-store -- --port 0 ...args` in a child process, as the benches run it (a remote server
 * gets a core of its own, not a share of the client's thread). Resolves once it prints its URL and
 * its first store; rejects if it exits before.
 */
export function startDemoChild(args: readonly string[]): Promise<DemoChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/demo-store/cli.ts', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let url = '';
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('Demo store ready: ')) url = line.slice('Demo store ready: '.length).trim();
      else if (url && line.startsWith('{')) resolve({ url, child, ...(JSON.parse(line) as { storeHash: string; token: string }) });
    });
    child.once('exit', (code) => reject(new Error(`demo store exited (${code})`)));
  });
}
