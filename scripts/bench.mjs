// `npm run bench`: runs every benchmark against the demo store and prints one JSON document.
// Each benchmark is a TypeScript module run with tsx in its own process (fresh heap, no interference);
// its last stdout line is its JSON result. `--only name,name` picks some.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BENCHES = {
  demoStore: 'src/demo-store/bench.ts',
  bulkJobs: 'src/main/services/jobs/bench.ts',
  catalogSync: 'src/main/services/catalog/bench.ts',
};

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1].split(',')) : null;
const results = { machine: { node: process.version, platform: process.platform, cpus: (await import('node:os')).cpus().length }, at: new Date().toISOString() };
let failed = false;

for (const [name, file] of Object.entries(BENCHES)) {
  if (only && !only.has(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, file)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  try {
    results[name] = JSON.parse(last);
  } catch {
    results[name] = { error: `exit ${run.status}: ${last.slice(0, 300)}` };
  }
  if (run.status !== 0) failed = true;
}

console.log(JSON.stringify(results, null, 2));
process.exit(failed ? 1 : 0);
