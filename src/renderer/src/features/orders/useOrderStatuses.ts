import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { statusNaming, type StatusNaming } from '../../../../shared/orders/statuses';
import { call } from '../../api/client';
import { queryKey } from '../../api/queries';
import { useOrdersStatus } from './useOrders';

/**
 * The store's order statuses by its own names (custom labels honoured), for every screen that
 * names a status: the Orders grid, its filters and status dialog, the staged review, the print
 * screen's status choices, its "then move to" picker and the pick list's header. Read again after
 * every orders load (the key holds syncedAt), which is when main renews them; until they arrive,
 * BigCommerce's default names stand in.
 */
export function useOrderStatuses(storeId: string | undefined): StatusNaming {
  const syncedAt = useOrdersStatus(storeId).data?.syncedAt;
  const query = useQuery({
    queryKey: [...queryKey('orders.listStatuses', { storeId: storeId ?? '' }), syncedAt ?? ''],
    queryFn: () => call('orders.listStatuses', { storeId: storeId! }),
    enabled: !!storeId,
    staleTime: Infinity,
  });
  return useMemo(() => statusNaming(query.data?.statuses), [query.data]);
}
