// `npm test`: typecheck, lint, build, unit + contract tests (vitest), end-to-end tests (Playwright).
// Where gnome-keyring and D-Bus exist, the whole run happens inside a private, throwaway keyring
// (dbus-run-session + an unlocked gnome-keyring-daemon), never the user's real one.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

if (!process.env.STOCKROOM_PRIVATE_KEYRING && process.platform === 'linux' && has('dbus-run-session') && has('gnome-keyring-daemon')) {
  const wrapped = spawnSync('dbus-run-session', ['--', 'bash', join(root, 'scripts/with-keyring.sh'), process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(wrapped.status ?? 1);
}

if (!process.env.STOCKROOM_PRIVATE_KEYRING) {
  console.log('npm test: no dbus-run-session/gnome-keyring-daemon here, so the keychain tests will report themselves skipped.');
}

const steps = [
  ['typecheck', ['run', 'typecheck']],
  ['lint', ['run', 'lint']],
  ['unit and contract tests', ['run', 'test:unit']],
  ['end-to-end tests', ['run', 'test:e2e']],
];
for (const [name, args] of steps) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    process.exit(result.status ?? 1);
  }
}
console.log('\n✔ all tests passed');
