import { STORE_ID_PATTERN } from '../../../shared/contract/stores';

/**
 * The file-name stem of everything kept per store (journal, staging, catalog cache): the profile
 * id, never the store hash — one hash on two API origins is two stores. Callers hold a validated
 * id already; this refuses anything else rather than writing outside the folder.
 */
export function storeFileName(storeId: string): string {
  if (!STORE_ID_PATTERN.test(storeId)) throw new Error(`Not a store profile id: ${JSON.stringify(storeId)}`);
  return storeId;
}
