import { randomBytes } from 'node:crypto';
import type { Keychain } from '../secrets/keychain';

/** Not a valid store id (it has a colon), so it never collides with a store's token entry. */
const accountOf = (storeId: string) => `webhook-secret:${storeId}`;

export interface StoreSecrets {
  /** The store's secret, created (and put in the keychain) on first use. */
  ensure(storeId: string): Promise<string>;
  /** The store's secret if it has one; null otherwise or when the keychain does not answer. */
  peek(storeId: string): Promise<string | null>;
  /** Delete the store's secret from the keychain (the store was removed). */
  forget(storeId: string): Promise<void>;
}

/** One random secret per store, kept only in the OS keychain (and in memory once read). */
export function createStoreSecrets(keychain: Keychain): StoreSecrets {
  const cache = new Map<string, string>();
  const creating = new Map<string, Promise<string>>();
  // Bumped by forget: a read that began before it must not put the old secret back in the cache.
  const generation = new Map<string, number>();
  const genOf = (storeId: string) => generation.get(storeId) ?? 0;
  const remember = (storeId: string, gen: number, secret: string) => {
    if (genOf(storeId) === gen) cache.set(storeId, secret);
  };

  async function ensure(storeId: string): Promise<string> {
    const gen = genOf(storeId);
    const known = cache.get(storeId) ?? (await keychain.get(accountOf(storeId)));
    if (known) {
      remember(storeId, gen, known);
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
    remember(storeId, gen, secret);
    return secret;
  }

  return {
    ensure,
    async peek(storeId) {
      const known = cache.get(storeId);
      if (known) return known;
      const gen = genOf(storeId);
      const stored = await keychain.get(accountOf(storeId)).catch(() => null);
      if (stored) remember(storeId, gen, stored);
      return stored;
    },
    async forget(storeId) {
      generation.set(storeId, genOf(storeId) + 1);
      cache.delete(storeId);
      await creating.get(storeId)?.catch(() => undefined);
      await keychain.delete(accountOf(storeId));
    },
  };
}
