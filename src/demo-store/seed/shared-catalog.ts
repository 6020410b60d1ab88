import { FastRng, hashSeed } from '../util/prng';
import type { ProductRow } from '../state/types';
import type { StoreProfile } from './profiles';

/**
 * The demo stores sell a common range, as a merchant with a store per market does: about 60 % of
 * the seed products are the same in every store (same SKU, name, options and variants, drawn from
 * a stream keyed by the seed and the product id only), while price and stock are each store's own.
 * The first store keeps the shared figures; the others price in their own currency, reprice a
 * share of the range and have drifted stock, so Compare has real differences to show.
 */
export const SHARED_SHARE = 0.6;
/** What the EUR store charges per US dollar before it rounds to a shelf price [demo choice]. */
const EUR_PER_USD = 0.92;

export interface CatalogSharing {
  isShared(productId: number): boolean;
  /** The product's shared stream (catalog fields). */
  identity(productId: number): FastRng;
  /** The shared stream of its options and variants. */
  children(productId: number): FastRng;
  /** This store's price for the shared one (cents), and the other money fields scaled alike. */
  reprice(product: ProductRow): void;
  /** This store's stock for a shared variant's stock; undefined = the shared stock as drawn. */
  stockOf(productId: number): ((qty: number) => number) | undefined;
}

/** A shelf price: whole units less a cent (49.99), or whole when the source was whole. */
function shelfCents(cents: number, whole: boolean): number {
  const units = Math.max(1, Math.round(cents / 100));
  return whole ? units * 100 : units * 100 - 1;
}

function scaled(value: number, ratio: number): number {
  return value > 0 ? Math.round(value * ratio * 100) / 100 : value;
}

export function catalogSharing(seed: number | string, profile: StoreProfile): CatalogSharing {
  const [pick] = hashSeed(`${String(seed)}/shared/pick`);
  const [identity] = hashSeed(`${String(seed)}/shared/catalog`);
  const [children] = hashSeed(`${String(seed)}/shared/children`);
  const [own] = hashSeed(`${String(seed)}/${profile.index}/shared/own`);
  const ownRng = (productId: number, salt: number) => FastRng.forKey(own ^ salt, productId);
  return {
    isShared: (id) => FastRng.forKey(pick, id).next() < SHARED_SHARE,
    identity: (id) => FastRng.forKey(identity, id),
    children: (id) => FastRng.forKey(children, id),
    reprice(product) {
      if (profile.index === 0) return;
      const rng = ownRng(product.id, 0x51);
      const cents = Math.round(product.price * 100);
      let target = profile.currency === 'EUR' ? cents * EUR_PER_USD : cents;
      if (rng.chance(0.3)) target *= rng.pick([0.85, 0.9, 0.95, 1.05, 1.1, 1.2]);
      const price = shelfCents(target, cents % 100 === 0);
      if (price === cents) return;
      const ratio = price / cents;
      product.price = price / 100;
      product.cost_price = scaled(product.cost_price, ratio);
      product.sale_price = scaled(product.sale_price, ratio);
      product.retail_price = product.retail_price > 0 ? Math.ceil(product.retail_price * ratio) : 0;
    },
    stockOf(id) {
      if (profile.index === 0) return undefined;
      const rng = ownRng(id, 0x57);
      return (qty) => {
        const roll = rng.next();
        if (roll < 0.5) return qty;
        if (roll < 0.8) return Math.max(0, qty + rng.pick([-5, -3, -2, -1, 1, 2, 4, 8]));
        return rng.chance(0.3) ? 0 : rng.int(1, 120);
      };
    },
  };
}
