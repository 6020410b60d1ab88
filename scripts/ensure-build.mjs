// Builds out/ when it is missing or older than any source file, so `npm start` and `npm test` work on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outputs = ['out/main/index.js', 'out/main/web.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => join(root, p));
const inputs = ['src', 'package.json', 'electron.vite.config.ts'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function needsBuild() {
  if (!outputs.every((p) => existsSync(p))) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return inputs.some((p) => newestMtime(join(root, p)) > built);
}

export function ensureBuild({ quiet = false } = {}) {
  if (!needsBuild()) return;
  if (!quiet) console.log('Stockroom: building…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: quiet ? 'pipe' : ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(result.stderr ?? '');
    throw new Error('the build failed (see above)');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureBuild();
  } catch (error) {
    console.error(`Stockroom: ${error.message}`);
    process.exit(1);
  }
}
