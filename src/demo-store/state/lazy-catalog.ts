import { FastRng, hashSeed } from '../util/prng';
import type { StoreDb } from './store-db';
import { LEAVES } from '../seed/words';
import { generateChildren, productOfSlot, SLOTS } from '../seed/catalog-children';
import type { CatalogSharing } from '../seed/shared-catalog';

/**
 * Tracks seeded products whose options/variants/images have not been generated yet.
 * Generation happens on first access (variantsOf, get by id, SKU lookups, full scans) and always
 * before the product itself is first written, so it only ever sees the product's seed row.
 */
export class LazyCatalog {
  private readonly pending: Uint8Array;
  private readonly leafOf: Uint8Array;
  private remaining = 0;
  private readonly base: number;

  constructor(readonly seedProducts: number, seedKey: string, private readonly sharing?: CatalogSharing) {
    this.pending = new Uint8Array(seedProducts + 1);
    this.leafOf = new Uint8Array(seedProducts + 1);
    this.base = hashSeed(seedKey)[0];
  }

  /** Per-product stream shared by the plan pass and the later build. */
  rngFor(productId: number): FastRng {
    return this.sharing?.isShared(productId) ? this.sharing.children(productId) : FastRng.forKey(this.base, productId);
  }

  /** This store's stock for a product shared between the demo stores (see shared-catalog). */
  stockFor(productId: number): ((qty: number) => number) | undefined {
    return this.sharing?.isShared(productId) ? this.sharing.stockOf(productId) : undefined;
  }

  markPending(productId: number, leafIndex: number): void {
    this.pending[productId] = 1;
    this.leafOf[productId] = leafIndex;
    this.remaining++;
  }

  isPending(productId: number): boolean {
    return productId > 0 && productId <= this.seedProducts && this.pending[productId] === 1;
  }

  materialize(db: StoreDb, productId: number): void {
    if (!this.isPending(productId)) return;
    this.pending[productId] = 0; // first, so the inserts below do not recurse
    this.remaining--;
    const p = db.products.get(productId);
    if (!p) return;
    generateChildren(LEAVES[this.leafOf[productId]], p, this.rngFor(productId), db, this.stockFor(productId));
  }

  materializeSlot(db: StoreDb, kind: keyof typeof SLOTS, id: number): void {
    if (id > 0 && id <= this.seedProducts * SLOTS[kind]) this.materialize(db, productOfSlot(kind, id));
  }

  materializeAll(db: StoreDb): void {
    if (this.remaining === 0) return;
    for (let id = 1; id <= this.seedProducts; id++) this.materialize(db, id);
  }
}
