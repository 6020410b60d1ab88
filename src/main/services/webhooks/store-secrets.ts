import { randomBytes } from 'node:crypto';
import type { Keychain } from '../secrets/keychain';

/** Not a valid store id (it has a colon), so it never collides with a store's token entry. */
const accountOf = (storeId: string) => `webhook-secret:${storeId}`;

export interface StoreSecrets {
  /** The store's secret, created (and put in the keychain) on first use. */
  ensure(storeId: string): Promise<string>;
  /** The store's secret if it has one; null otherwise or when the keychain does not answer. */
  peek(storeId: string): Promise<string | null>;
}

/** One random secret per store, kept only in the OS keychain (and in memory once read). */
export function createStoreSecrets(keychain: Keychain): StoreSecrets {
  const cache = new Map<string, string>();
  const creating = new Map<string, Promise<string>>();

  async function ensure(storeId: string): Promise<string> {
    const known = cache.get(storeId) ?? (await keychain.get(accountOf(storeId)));
    if (known) {
      cache.set(storeId, known);
      return known;
    }
    let pending = creating.get(storeId);
    if (!pending) {
      const secret = randomBytes(32).toString('base64url');
      pending = keychain.set(accountOf(storeId), secret).then(() => secret);
      creating.set(storeId, pending);
      void pending.finally(() => creating.delete(storeId)).catch(() => undefined);
    }
    const secret = await pending;
    cache.set(storeId, secret);
    return secret;
  }

  return {
    ensure,
    async peek(storeId) {
      const known = cache.get(storeId);
      if (known) return known;
      const stored = await keychain.get(accountOf(storeId)).catch(() => null);
      if (stored) cache.set(storeId, stored);
      return stored;
    },
  };
}
