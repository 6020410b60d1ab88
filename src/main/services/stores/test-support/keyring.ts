import { execFileSync } from 'node:child_process';

/**
 * Keychain tests need a real Secret Service, and must never touch the user's own keyring: they run
 * only inside the private keyring `npm test` (and .ci/run) set up with dbus-run-session.
 */
export const privateKeyring = process.env.STOCKROOM_PRIVATE_KEYRING === '1';
export const keyringSkipReason = 'keychain tests skipped: no private gnome-keyring (run `npm test`, which starts one when dbus-run-session and gnome-keyring-daemon exist)';

/** What `secret-tool search` shows for an entry: the way an operator would check. */
export function secretToolSecrets(service: string): string[] {
  let out: string;
  try {
    out = execFileSync('secret-tool', ['search', '--all', 'service', service], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return [];
  }
  return out
    .split('\n')
    .filter((line) => line.startsWith('secret = '))
    .map((line) => line.slice('secret = '.length));
}
