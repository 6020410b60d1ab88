import { createHash } from 'node:crypto';

export type Area = 'products' | 'orders' | 'customers' | 'information' | 'webhooks';
export type Access = 'none' | 'read' | 'modify';
export type Scopes = Record<Area, Access>;

export interface TokenInfo {
  token: string;
  storeHash: string;
  scopes: Scopes;
  /** Hooks are owned by an API account (client id); each token acts as its own account. */
  clientId: string;
}

export const FULL_ACCESS: Scopes = {
  products: 'modify', orders: 'modify', customers: 'modify', information: 'modify', webhooks: 'modify',
};

/** Token registry shared by all stores of one demo-store instance. */
export class AuthRegistry {
  private readonly tokens = new Map<string, TokenInfo>();

  add(storeHash: string, token: string, scopes: Partial<Scopes> = FULL_ACCESS): TokenInfo {
    // Unnamed areas default to 'none' (an API account without that scope), except webhooks, which
    // BigCommerce puts in the default scope every account has (facts §1).
    const full: Scopes = { products: 'none', orders: 'none', customers: 'none', information: 'none', webhooks: 'modify', ...scopes };
    const info: TokenInfo = { token, storeHash, scopes: full, clientId: clientIdFor(token) };
    // Keyed per store: `token` may be shared by every store of the instance (DemoStoreOptions.token).
    this.tokens.set(`${storeHash}\u0000${token}`, info);
    return info;
  }

  lookup(storeHash: string, token: string | undefined): TokenInfo | undefined {
    if (!token) return undefined;
    return this.tokens.get(`${storeHash}\u0000${token}`);
  }
}

/** Stable, token-derived client id so hooks keep their owner across restarts. */
export function clientIdFor(token: string): string {
  return createHash('sha1').update('client:' + token).digest('hex').slice(0, 31);
}

/**
 * A `_read_only` scope allows only GET/HEAD (facts §1). `none` denies everything.
 * Webhooks sit in the default scope in BigCommerce; here they get their own switch for 403 tests.
 */
export function allowed(scopes: Scopes, area: Area, method: string): boolean {
  const access = scopes[area];
  if (access === 'none') return false;
  if (access === 'read') return method === 'GET' || method === 'HEAD';
  return true;
}
