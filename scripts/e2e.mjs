// Runs the Playwright suite against browser mode, with the Chromium picked by scripts/chromium.mjs.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveChromium } from './chromium.mjs';
import { ensureBuild } from './ensure-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
ensureBuild();
const executable = await resolveChromium();
const child = spawn(process.execPath, [join(root, 'node_modules/@playwright/test/cli.js'), 'test', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, STOCKROOM_CHROMIUM: executable },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
