import type { PackingSlips, PickList } from '../../../shared/contract/picklists';
import { AppError, type ErrorCode } from '../../../shared/rpc';
import { BigCommerceError, type BigCommerceService, type Clock } from '../bigcommerce';
import type { CatalogService } from '../catalog';
import { aggregatePickList } from './aggregate';
import { fetchPickOrders } from './fetch-orders';
import { fetchPackingSlips, type PackingSlipsOptions } from './packing-slips';

/**
 * Pick lists: the orders' lines fetched (fetch-orders.ts) and summed against the local catalog's
 * bins (aggregate.ts). The catalog is read from its cache, never synced here: a pick list must not
 * wait for a catalog load, and bins change rarely. Without a cached catalog the list has no bins.
 */
export interface PicklistsServiceDeps {
  bigcommerce: Pick<BigCommerceService, 'clientFor'>;
  catalog: Pick<CatalogService, 'snapshot'>;
  clock?: Pick<Clock, 'now'>;
}

export interface BuildPickListInput {
  /** The store profile: its client, limiter and catalog cache. */
  storeId: string;
  statusIds?: readonly number[];
  orderIds?: readonly number[];
  groupByZone?: boolean;
  signal?: AbortSignal;
}

export interface PicklistsService {
  build(input: BuildPickListInput): Promise<PickList>;
  packingSlips(input: PackingSlipsOptions & { storeId: string }): Promise<PackingSlips>;
}

export function createPicklistsService(deps: PicklistsServiceDeps): PicklistsService {
  const now = () => (deps.clock ? deps.clock.now() : Date.now());
  return {
    async build(input) {
      const [fetched, snapshot] = await Promise.all([
        fetchPickOrders(deps.bigcommerce.clientFor(input.storeId), input).catch((error: unknown) => {
          throw toAppError(error);
        }),
        deps.catalog.snapshot(input.storeId),
      ]);
      const aggregated = aggregatePickList(fetched.lines, { catalog: snapshot?.products ?? null, groupByZone: input.groupByZone });
      const picked = new Set(aggregated.orderIds);
      return {
        storeId: input.storeId, builtAt: new Date(now()).toISOString(), ...aggregated, missingOrderIds: fetched.missingOrderIds,
        catalogSyncedAt: snapshot?.syncedAt ?? null, requests: fetched.requests,
        orderStatuses: fetched.orderIds.map((orderId, i) => ({ orderId, statusId: fetched.statusIds[i]! })).filter((o) => picked.has(o.orderId)),
      };
    },
    async packingSlips(input) {
      const data = await fetchPackingSlips(deps.bigcommerce.clientFor(input.storeId), input).catch((error: unknown) => {
        throw toAppError(error, 'the packing slips');
      });
      return { storeId: input.storeId, builtAt: new Date(now()).toISOString(), ...data };
    },
  };
}

const CODES: Partial<Record<BigCommerceError['code'], ErrorCode>> = {
  AUTH: 'AUTH', FORBIDDEN: 'FORBIDDEN', NOT_FOUND: 'NOT_FOUND', RATE_LIMITED: 'RATE_LIMITED', NETWORK: 'NETWORK', TIMEOUT: 'TIMEOUT',
};

/** BigCommerce's failure as the renderer's error: its code where one matches, else BIGCOMMERCE. */
function toAppError(error: unknown, what = 'the orders for the pick list'): unknown {
  if (!(error instanceof BigCommerceError)) return error;
  return new AppError(CODES[error.code] ?? 'BIGCOMMERCE', `Could not load ${what}: ${error.message}`, { status: error.status, path: error.path });
}
