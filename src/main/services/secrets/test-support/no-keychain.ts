/**
 * Runs in a child process whose D-Bus address leads nowhere, i.e. a machine with no usable keychain.
 * Prints one JSON line: the keychain status and what adding a store did.
 */
import { createStoresService } from '../../stores/stores-service';
import { createKeychain, loadKeytar } from '../keychain';

const [dataDir, apiOrigin, storeHash, token] = process.argv.slice(2) as [string, string, string, string];
const keychain = createKeychain(await loadKeytar(), 'StockroomNoKeychain');
const { createBigCommerceClient, createRateLimiter } = await import('../../bigcommerce');
const stores = await createStoresService({
  dataDir,
  keychain,
  demoStores: [],
  clientForTarget: (t) => createBigCommerceClient({ storeHash: t.storeHash, apiOrigin: t.apiOrigin, getToken: async () => t.token, limiter: createRateLimiter(), maxRetries: 0 }),
});
let addError: { code: string; message: string } | null = null;
try {
  await stores.add({ name: 'No keychain', storeHash, token, apiOrigin });
} catch (error) {
  addError = { code: (error as { code: string }).code, message: (error as Error).message };
}
console.log(JSON.stringify({ status: await keychain.status(), addError, list: await stores.list() }));
