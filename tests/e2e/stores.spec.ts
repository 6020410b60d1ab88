import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { StoreDialog } from './pages/store-dialog';
import { useStandaloneDemoStore } from './support/demo-store-cli';

const externalStore = useStandaloneDemoStore(test, 'e2e-external');

/** The store tokens in the keychain (not the webhook receiver's secrets, which demo stores get at start). */
function keychainSecrets(service: string): string[] | null {
  if (process.env.STOCKROOM_PRIVATE_KEYRING !== '1') return null;
  const out = execFileSync('secret-tool', ['search', '--all', 'service', service], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out
    .split(/\n(?=\[)/)
    // secret-tool prints attributes on stderr; the label (keyring:{account}@{service}) names the account.
    .filter((entry) => !/^label = keyring:webhook-secret:/m.test(entry))
    .flatMap((entry) => entry.split('\n').filter((l) => l.startsWith('secret = ')).map((l) => l.slice(9)));
}

test('adds a store after a connection test, switches to it, then removes it', async ({ shell, page, app }) => {
  const store = externalStore();
  await page.getByRole('button', { name: '+ Add store' }).click();
  const dialog = new StoreDialog(page);

  await dialog.fill({ name: 'Acme (e2e)', storeHash: store.storeHash, token: 'this-is-not-the-token', apiOrigin: store.apiUrl });
  await dialog.testConnection();
  await expect(dialog.error).toContainText('refused this access token');

  await dialog.fill({ token: store.token });
  const result = await dialog.testConnection();
  await expect(result).toContainText(store.name);
  await expect(result).toContainText('Products: read and write');
  await dialog.submit('Add store');
  await expect(dialog.root).toBeHidden();

  // The store just added is the one selected.
  await expect(shell.storeButton(/Acme \(e2e\)/)).toHaveAttribute('aria-current', 'true');
  await expect(shell.statusBar.getByTestId('status-store')).toContainText('Acme (e2e)');
  const secrets = keychainSecrets(app.keychainService);
  if (secrets) expect(secrets).toEqual([store.token]);
  // The token is in the keychain and nowhere else: no file under the data dir, no log line.
  for (const file of await filesUnder(app.dataDir)) expect(await readFile(file, 'latin1'), file).not.toContain(store.token);
  expect(app.output()).not.toContain(store.token);

  await page.getByRole('button', { name: 'Edit Acme (e2e)' }).click();
  page.once('dialog', (d) => void d.accept());
  await dialog.root.getByRole('button', { name: 'Remove' }).click();
  await expect(shell.storeButton(/Acme \(e2e\)/)).toHaveCount(0);
  const after = keychainSecrets(app.keychainService);
  if (after) expect(after).toEqual([]);
});

test('a wrong store hash gets a clear message and adds nothing', async ({ page, shell }) => {
  const store = externalStore();
  await page.getByRole('button', { name: '+ Add store' }).click();
  const dialog = new StoreDialog(page);
  await dialog.fill({ name: 'Typo', storeHash: 'nosuchstore', token: store.token, apiOrigin: store.apiUrl });
  await dialog.submit('Add store');
  await expect(dialog.error).toContainText('store hash');
  await dialog.root.getByRole('button', { name: 'Close' }).click();
  await expect(shell.storeButton(/Typo/)).toHaveCount(0);
});

test('an http:// origin on another computer is refused with a sentence, not the internal message', async ({ shell, page }) => {
  await expect(shell.storeItems.first()).toBeVisible();
  await page.getByRole('button', { name: '+ Add store' }).click();
  const dialog = new StoreDialog(page);
  await dialog.fill({ name: 'Plain HTTP', storeHash: 'abc123', token: 'some-token-12345', apiOrigin: 'http://shop.example.com' });
  await dialog.testConnection();
  await expect(dialog.error).toHaveText('The API origin must be an https:// origin such as https://api.bigcommerce.com (http:// only on this computer)');
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
