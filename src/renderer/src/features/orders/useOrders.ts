import { useMutation, useQuery } from '@tanstack/react-query';
import type { ShipmentRequest } from '../../../../shared/contract';
import { call } from '../../api/client';
import { orderRows, type OrderRows } from '../../api/order-rows';
import { queryKey } from '../../api/queries';
import { useToasts } from '../../components/toast-store';

/** What the local orders cache of a store holds, with the store's statuses; refetched when a load ends (live-events). */
export function useOrdersStatus(storeId: string | undefined) {
  return useQuery({
    queryKey: queryKey('orders.getStatus', { storeId: storeId ?? '' }),
    queryFn: () => call('orders.getStatus', { storeId: storeId! }),
    enabled: !!storeId,
  });
}

/**
 * Every cached order of the store, read once per load (the key holds syncedAt); rows a job or a
 * shipment changes are patched in by data.rowsChanged (live-events).
 */
export function useOrders(storeId: string | undefined, syncedAt: string | null | undefined) {
  return useQuery<OrderRows>({
    queryKey: [...queryKey('orders.list', { storeId: storeId ?? '' }), syncedAt ?? ''],
    queryFn: async () => orderRows((await call('orders.list', { storeId: storeId! })).rows),
    enabled: !!storeId && !!syncedAt,
    staleTime: Infinity,
  });
}

/** Load or refresh the cache; progress arrives as events (useOrdersProgress). */
export function useOrdersRefresh(storeId: string | undefined) {
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: (mode: 'refresh' | 'full') => call('orders.refresh', { storeId: storeId!, mode }),
    onError: (error) => push('error', error.message),
  });
}

/** One order from the store (lines, addresses, shipments); read again when the order's row changes. */
export function useOrderDetail(storeId: string | undefined, orderId: number | null) {
  return useQuery({
    queryKey: queryKey('orders.get', { storeId: storeId ?? '', orderId: orderId ?? 0 }),
    queryFn: () => call('orders.get', { storeId: storeId!, orderId: orderId! }),
    enabled: !!storeId && orderId !== null,
    staleTime: 0,
  });
}

export function useCreateShipments(storeId: string | undefined) {
  return useMutation({
    mutationFn: (shipments: ShipmentRequest[]) => call('orders.createShipments', { storeId: storeId!, shipments }),
  });
}
