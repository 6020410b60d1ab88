import { resolve } from 'node:path';
import { defaultDataDir } from './services/app-paths';

export interface LaunchArgs {
  port: number;
  dataDir: string;
  /** Products per built-in demo store (benchmarks seed 100,000); the demo store's default when absent. */
  demoProducts?: number;
}

/** `--port N` (0 = a free port), `--data-dir DIR`, `--demo-products N`; anything else is a clear error, not a silent default. */
export function parseLaunchArgs(argv: string[]): LaunchArgs {
  const args: LaunchArgs = { port: 0, dataDir: process.env.STOCKROOM_DATA_DIR || defaultDataDir() };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port needs a number 0-65535, got "${value ?? ''}"`);
      args.port = port;
      i++;
    } else if (flag === '--data-dir') {
      if (!value) throw new Error('--data-dir needs a folder');
      args.dataDir = resolve(value);
      i++;
    } else if (flag === '--demo-products') {
      if (!/^\d+$/.test(value ?? '')) throw new Error(`--demo-products needs a whole number, got "${value ?? ''}"`);
      args.demoProducts = Number(value);
      i++;
    } else if (flag !== '--browser') {
      throw new Error(`Unknown option "${flag}". Options: --port N, --data-dir DIR, --demo-products N`);
    }
  }
  return args;
}

/** Electron's argv also carries Chromium switches, so it only picks out --data-dir. */
export function dataDirFromArgv(argv: string[]): string | undefined {
  const at = argv.indexOf('--data-dir');
  const value = at >= 0 ? argv[at + 1] : undefined;
  return value ? resolve(value) : undefined;
}
