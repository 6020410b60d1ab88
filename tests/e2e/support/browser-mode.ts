import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../..');

export interface RunningApp {
  launchUrl: string;
  keychainService: string;
  /** Everything the app printed so far (stdout and stderr). */
  output(): string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
}

/** Starts browser mode exactly as `npm run web` does, with a data dir of its own, and waits for its ready line. */
export async function startBrowserMode(dataDir: string, extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  // Each test its own keychain service name, so entries never leak between tests (or into a real keyring).
  const keychainService = `StockroomE2E-${randomBytes(4).toString('hex')}`;
  const child = spawn(process.execPath, [join(ROOT, 'out/main/web.js'), '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, STOCKROOM_KEYCHAIN_SERVICE: keychainService, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Stockroom is ready: (\S+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
  return { launchUrl, keychainService, output: () => output, origin: new URL(launchUrl).origin, dataDir, process: child };
}

export async function stopBrowserMode(app: RunningApp): Promise<void> {
  if (app.process.exitCode !== null || app.process.signalCode !== null) return;
  const exited = new Promise((resolve) => app.process.once('exit', resolve));
  app.process.kill('SIGTERM');
  await exited;
}

