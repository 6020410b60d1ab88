// `npm run bench`: runs every benchmark against the demo store and prints one JSON document.
// Each benchmark is a TypeScript module run with tsx in its own process (fresh heap, no interference);
// its result is the last JSON document on its stdout (one line, or pretty-printed). `--only name,name` picks some.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuild } from './ensure-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const BENCHES = {
  demoStore: 'src/demo-store/bench.ts',
  bulkJobs: 'src/main/services/jobs/bench.ts',
  catalogSync: 'src/main/services/catalog/bench.ts',
  catalogFirstVisit: 'src/main/services/catalog/first-visit-bench.ts',
  rpcLimits: 'src/main/web/bench.ts',
  pickList: 'src/main/services/picklists/bench.ts',
  webhookLatency: { file: 'tests/bench/webhook-latency.ts', keychain: true },
};

// Benches that drive the app in Chromium run the production build in out/: build it when sources changed.
ensureBuild({ quiet: true });

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1].split(',')) : null;
const results = { machine: { node: process.version, platform: process.platform, cpus: (await import('node:os')).cpus().length }, at: new Date().toISOString() };
let failed = false;

for (const [name, entry] of Object.entries(BENCHES)) {
  if (only && !only.has(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  const { file, keychain } = typeof entry === 'string' ? { file: entry, keychain: false } : entry;
  const node = [process.execPath, '--expose-gc', join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, file)];
  // A bench that needs the OS keychain runs inside a private, throwaway one where the tools exist (as npm test does).
  const wrap = keychain && !process.env.STOCKROOM_PRIVATE_KEYRING && has('dbus-run-session') && has('gnome-keyring-daemon');
  const [command, ...args] = wrap ? ['dbus-run-session', '--', 'bash', join(root, 'scripts/with-keyring.sh'), ...node] : node;
  const run = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const parsed = lastJson(run.stdout);
  results[name] = parsed ?? { error: `exit ${run.status}: ${run.stdout.trim().slice(-300)}` };
  if (run.status !== 0) failed = true;
}

console.log(JSON.stringify(results, null, 2));
process.exit(failed ? 1 : 0);

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The last JSON value printed: a one-line document, or a pretty-printed one starting at column 0. */
function lastJson(stdout) {
  const lines = stdout.trimEnd().split('\n');
  for (let start = lines.length - 1; start >= 0; start--) {
    if (!/^[[{]/.test(lines[start])) continue;
    try {
      return JSON.parse(lines.slice(start).join('\n'));
    } catch {
      // not the start of the last document; keep looking upwards
    }
  }
  return null;
}
