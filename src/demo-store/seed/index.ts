import { createRng } from '../util/prng';
import { StoreDb } from '../state/store-db';
import type { StoreProfile } from './profiles';
import { seedCatalog } from './catalog-seed';
import { seedCustomers, seedGroups } from './customer-seed';
import { seedOrders, type OrderGenerator } from './order-seed';
import { catalogSharing } from './shared-catalog';

/**
 * Bump when the generator changes: persisted journals are replayed on top of the seed, so a
 * different generator would corrupt them. Version 2 changed the orders (demand, refunds), version 3
 * the catalog (products shared between the stores); a data dir of an older version is still loaded
 * with that version's generator until `--reset` (see persistence).
 */
export const SEED_VERSION = 3;
/** Older generator versions whose data dirs are still loaded as they are. */
export const LOADABLE_SEED_VERSIONS: readonly number[] = [1, 2, 3];

/** Fixed "now" of the seed data, so the same seed gives the same dates on any day. */
export const SEED_NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

export interface SeedCounts {
  products: number;
  orders: number;
  customers: number;
}

export function seedStore(profile: StoreProfile, seed: number | string, counts: SeedCounts, version = SEED_VERSION): StoreDb {
  const db = new StoreDb();
  const base = `${String(seed)}/${profile.index}`;
  const sharing = version >= 3 ? catalogSharing(seed, profile) : undefined;
  seedCatalog(db, profile, createRng(`${base}/catalog`), counts.products, SEED_NOW, base, sharing);
  seedGroups(db, SEED_NOW);
  seedCustomers(db, profile, createRng(`${base}/customers`), counts.customers, SEED_NOW);
  seedOrders(db, profile, createRng(`${base}/orders`), counts.orders, SEED_NOW, (version === 1 ? 1 : 2) satisfies OrderGenerator);
  return db;
}
