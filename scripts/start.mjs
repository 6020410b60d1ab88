// `npm start`: build if needed, get Electron's binary with Electron's own installer and open the window;
// where that cannot be (no binary, no display) say why in one line and serve browser mode instead.
// `npm run web` (--browser) goes straight to browser mode. Other options pass through: --port N, --data-dir DIR.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuild } from './ensure-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const electronDir = join(root, 'node_modules', 'electron');

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function installElectron() {
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  if (result.status === 0 && electronBinary()) return null;
  const text = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const line = text.split('\n').map((l) => l.trim()).find((l) => /error|fail|ENOTFOUND|ECONN|timed out/i.test(l) && !l.startsWith('at '));
  return result.error?.message ?? line?.replace(/^\w*Error:\s*/, '') ?? `installer exited with ${result.status}`;
}

function whyNoWindow() {
  if (!existsSync(join(electronDir, 'install.js'))) return 'Electron is not installed';
  if (!electronBinary()) {
    const failure = installElectron();
    if (failure) return `Electron's binary could not be downloaded (${failure})`;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display is available (DISPLAY is not set)';
  return null;
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

try {
  ensureBuild();
} catch (error) {
  console.error(`Stockroom: ${error.message}`);
  process.exit(1);
}

const browserOnly = args.includes('--browser');
const passThrough = args.filter((a) => a !== '--browser');
const reason = browserOnly ? null : whyNoWindow();
if (!browserOnly && reason === null) {
  run(electronBinary(), [root, ...passThrough]);
} else {
  if (reason) console.log(`Stockroom: ${reason}; serving the console in browser mode instead.`);
  run(process.execPath, [join(root, 'out/main/web.js'), ...passThrough]);
}
