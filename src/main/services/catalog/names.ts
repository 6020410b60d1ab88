import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { paginateV3, type BigCommerceService } from '../bigcommerce';
import { writeFileAtomic } from '../fs/atomic-file';
import { storeFileName } from '../fs/store-files';
import type { CatalogService } from './catalog-service';

export interface NamedId {
  id: number;
  name: string;
}

/** The names behind the ids a product row carries (categories, brand_id), as of a catalog sync. */
export interface CatalogNames {
  /** The catalog sync these names go with; null when the store has no catalog cache. */
  syncedAt: string | null;
  categories: NamedId[];
  brands: NamedId[];
}

export interface CatalogNamesService {
  /** From memory or the cache folder when they go with the catalog's last sync; else read from the store (2 small lists). */
  list(storeId: string): Promise<CatalogNames>;
}

export interface CatalogNamesDeps {
  dataDir: string;
  bigcommerce: Pick<BigCommerceService, 'clientFor'>;
  catalog: Pick<CatalogService, 'snapshot' | 'status'>;
  now?: () => number;
  /** How long names are trusted before a sync reads them again; default 15 minutes. */
  maxAgeMs?: number;
}

interface Kept extends CatalogNames {
  /** When the names were read from the store (ms since epoch). */
  readAt: number;
}

const FILE_NAME = 'names.json';

function parse(text: string): Kept | null {
  const value = JSON.parse(text) as Partial<Kept> | null;
  const ok = (list: unknown) => Array.isArray(list) && list.every((n) => typeof n?.id === 'number' && typeof n?.name === 'string');
  return value && typeof value.syncedAt === 'string' && typeof value.readAt === 'number' && ok(value.categories) && ok(value.brands) ? (value as Kept) : null;
}

/** Whether every category and brand id the catalog uses has a name. */
function namesAll(names: CatalogNames, products: ReadonlyArray<{ brand_id: number; categories: readonly number[] }>): boolean {
  const categories = new Set(names.categories.map((c) => c.id));
  const brands = new Set(names.brands.map((b) => b.id));
  return products.every((p) => (p.brand_id === 0 || brands.has(p.brand_id)) && p.categories.every((id) => categories.has(id)));
}

/**
 * Category and brand names, kept beside the catalog cache. A sync that brings an id without a
 * name, or that comes more than `maxAgeMs` after the names were read, reads them again (two small
 * lists); otherwise a Refresh costs no extra request.
 */
export function createCatalogNamesService(deps: CatalogNamesDeps): CatalogNamesService {
  const now = deps.now ?? Date.now;
  const maxAge = deps.maxAgeMs ?? 15 * 60_000;
  const memory = new Map<string, Kept>();
  const inFlight = new Map<string, Promise<CatalogNames>>();
  const pathOf = (storeId: string) => join(deps.dataDir, 'cache', storeFileName(storeId), FILE_NAME);

  async function fromDisk(storeId: string): Promise<Kept | null> {
    try {
      return parse(await readFile(pathOf(storeId), 'utf8'));
    } catch {
      // Missing or unreadable: read the names from the store again.
      return null;
    }
  }

  async function fetchAll(storeId: string, path: string, idKey: 'id' | 'category_id'): Promise<NamedId[]> {
    const client = deps.bigcommerce.clientFor(storeId);
    const found: NamedId[] = [];
    for await (const page of paginateV3<Record<string, unknown>>(client, { path, query: { include_fields: `${idKey},name` } })) {
      for (const item of page.items) if (typeof item[idKey] === 'number' && typeof item.name === 'string') found.push({ id: item[idKey], name: item.name });
    }
    return found;
  }

  async function load(storeId: string): Promise<Kept> {
    // The status, not the rows: right after a start it comes from the cache file's header, so a
    // first visit to Products does not make main read and decode the whole catalog meanwhile.
    const syncedAt = (await deps.catalog.status(storeId))?.syncedAt ?? null;
    if (syncedAt === null) {
      memory.delete(storeId);
      await rm(pathOf(storeId), { force: true });
      return { syncedAt, readAt: 0, categories: [], brands: [] };
    }
    const known = memory.get(storeId) ?? (await fromDisk(storeId));
    if (known?.syncedAt === syncedAt) return known;
    if (known && now() - known.readAt < maxAge && namesAll(known, (await deps.catalog.snapshot(storeId))?.products ?? [])) return { ...known, syncedAt };
    try {
      // Categories from the trees endpoint: /catalog/categories is deprecated (bigcommerce-facts).
      const [categories, brands] = await Promise.all([fetchAll(storeId, '/catalog/trees/categories', 'category_id'), fetchAll(storeId, '/catalog/brands', 'id')]);
      const names = { syncedAt, readAt: now(), categories, brands };
      await writeFileAtomic(pathOf(storeId), JSON.stringify(names));
      return names;
    } catch (error) {
      // Offline or the store refused: older names beat ids, and the next call tries again.
      if (known) return known;
      throw error;
    }
  }

  return {
    async list(storeId) {
      let running = inFlight.get(storeId);
      if (!running) {
        running = load(storeId)
          .then((names) => (memory.set(storeId, names), names))
          .finally(() => inFlight.delete(storeId));
        inFlight.set(storeId, running);
      }
      const { syncedAt, categories, brands } = await running;
      return { syncedAt, categories, brands };
    },
  };
}
