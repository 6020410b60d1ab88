import type { DemoStoreOptions } from './index';

/** Parse `npm run demo-store -- ...` flags. Throws an Error with a one-line message on bad input. */
const INT_FLAGS: Record<string, keyof DemoStoreOptions> = {
  '--port': 'port', '--stores': 'stores', '--products': 'products', '--orders': 'orders', '--customers': 'customers',
  '--rate-quota': 'rateQuota', '--rate-window-ms': 'rateWindowMs', '--latency-ms': 'latencyMs',
};

export function parseCliArgs(argv: string[]): DemoStoreOptions {
  const opts: DemoStoreOptions = {};
  const rec = opts as Record<string, unknown>;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const [flag, inline] = raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    if (flag === '--reset' || flag === '--no-rate-limit') {
      if (inline !== undefined) throw new Error(`${flag} takes no value`);
      if (flag === '--reset') opts.reset = true;
      else opts.rateLimit = false; // extra flag (benchmarks): headers are still sent
      continue;
    }
    const known = flag in INT_FLAGS || ['--data-dir', '--seed', '--fault-rate', '--token'].includes(flag);
    if (!known) throw new Error(`unknown flag: ${raw}`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new Error(`${flag} needs a value`);
    if (flag in INT_FLAGS) {
      const n = Number(value);
      const min = flag === '--port' || flag === '--latency-ms' ? 0 : flag === '--stores' || flag === '--rate-quota' || flag === '--rate-window-ms' ? 1 : 0;
      if (!/^\d+$/.test(value) || n < min || (flag === '--port' && n > 65535)) throw new Error(`${flag} must be an integer >= ${min}${flag === '--port' ? ' and <= 65535' : ''}, got "${value}"`);
      rec[INT_FLAGS[flag]] = n;
    } else if (flag === '--fault-rate') {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new Error(`--fault-rate must be a number between 0 and 1, got "${value}"`);
      opts.faultRate = n;
    } else if (flag === '--data-dir') opts.dataDir = value;
    else if (flag === '--seed') opts.seed = /^-?\d+$/.test(value) ? Number(value) : value;
    else if (flag === '--token') {
      if (value.trim() === '') throw new Error('--token must not be empty');
      opts.token = value;
    }
  }
  return opts;
}
