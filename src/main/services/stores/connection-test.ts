import { AREAS, type ConnectionInfo } from '../../../shared/contract';
import { AppError } from '../../../shared/rpc';
import { BigCommerceError, type BigCommerceClient, type RequestOptions } from '../bigcommerce';

type Area = (typeof AREAS)[number];
type Probe = Pick<RequestOptions, 'method' | 'version' | 'path' | 'query' | 'body'>;

/** A read per area; 403 means the token has no scope for it. */
const READ_PROBES: Record<Area, Probe> = {
  information: { method: 'GET', version: 'v2', path: '/store' },
  products: { method: 'GET', version: 'v3', path: '/catalog/products', query: { limit: 1, include_fields: 'id' } },
  orders: { method: 'GET', version: 'v2', path: '/orders', query: { limit: 1 } },
  customers: { method: 'GET', version: 'v3', path: '/customers', query: { limit: 1 } },
  webhooks: { method: 'GET', version: 'v3', path: '/hooks', query: { limit: 1 } },
};

/**
 * A write that changes nothing (an empty batch, an order or analytics provider that cannot exist):
 * a read-only scope is refused with 403 before the body is looked at; any other answer means the
 * token may write. Store information's scope also covers Settings V3 (bigcommerce-facts §1).
 */
const WRITE_PROBES: Partial<Record<Area, Probe>> = {
  products: { method: 'PUT', version: 'v3', path: '/catalog/products', body: [] },
  orders: { method: 'PUT', version: 'v2', path: '/orders/0', body: {} },
  customers: { method: 'PUT', version: 'v3', path: '/customers', body: [] },
  information: { method: 'PUT', version: 'v3', path: '/settings/analytics/0', body: {} },
};

interface StoreInfoBody {
  name?: string;
  plan_name?: string;
  currency?: string;
  decimal_places?: number;
}

export async function testConnection(client: BigCommerceClient, now = () => new Date()): Promise<ConnectionInfo> {
  const info = await readStoreInfo(client);
  // Reading the store information worked, so that area needs only its write probe.
  const access = {} as ConnectionInfo['access'];
  for (const area of AREAS) access[area] = area === 'information' ? await writeLevel(client, area) : await probeArea(client, area);
  return {
    storeName: info.name ?? client.storeHash,
    planName: info.plan_name ?? '',
    currency: info.currency ?? 'USD',
    decimalPlaces: Math.min(4, Math.max(0, info.decimal_places ?? 2)),
    access,
    checkedAt: now().toISOString(),
  };
}

async function readStoreInfo(client: BigCommerceClient): Promise<StoreInfoBody> {
  try {
    const res = await client.request<StoreInfoBody>({ ...READ_PROBES.information, priority: 'interactive' });
    return res.data ?? {};
  } catch (error) {
    throw explain(error, client.storeHash);
  }
}

async function probeArea(client: BigCommerceClient, area: Area): Promise<'none' | 'read' | 'modify'> {
  return (await allowed(client, READ_PROBES[area])) ? writeLevel(client, area) : 'none';
}

async function writeLevel(client: BigCommerceClient, area: Area): Promise<'read' | 'modify'> {
  const write = WRITE_PROBES[area];
  // Webhooks live in the default scope every API account has (bigcommerce-facts §1).
  if (!write) return 'modify';
  return (await allowed(client, write)) ? 'modify' : 'read';
}

async function allowed(client: BigCommerceClient, probe: Probe): Promise<boolean> {
  try {
    await client.request({ ...probe, priority: 'interactive', idempotent: true });
    return true;
  } catch (error) {
    if (error instanceof BigCommerceError && error.code === 'FORBIDDEN') return false;
    if (error instanceof BigCommerceError && ['NOT_FOUND', 'VALIDATION', 'CONFLICT', 'PAYLOAD_TOO_LARGE'].includes(error.code)) return true;
    throw explain(error, client.storeHash);
  }
}

/** Turn the API's answer into a message an operator can act on. */
export function explain(error: unknown, storeHash: string): AppError {
  if (!(error instanceof BigCommerceError)) return new AppError('INTERNAL', error instanceof Error ? error.message : String(error));
  switch (error.code) {
    case 'AUTH':
      return new AppError('AUTH', 'The store refused this access token (401). Copy the whole token of a store-level API account again.');
    case 'FORBIDDEN':
      return new AppError(
        'FORBIDDEN',
        `The token may not read Store Information (403): give its API account the "Information & settings" read scope — or check the store hash "${storeHash}".`,
      );
    case 'NOT_FOUND':
      return new AppError('NOT_FOUND', `No store with the hash "${storeHash}" answers at this API origin (404). Check the store hash.`);
    case 'NETWORK':
    case 'TIMEOUT':
      return new AppError(error.code, `The API origin did not answer (${error.message}). Check the API origin and your connection.`);
    case 'RATE_LIMITED':
      return new AppError('RATE_LIMITED', 'The store is over its API quota right now; try the connection test again in a few seconds.');
    default:
      return new AppError('BIGCOMMERCE', `The store answered with an error: ${error.message}`);
  }
}
