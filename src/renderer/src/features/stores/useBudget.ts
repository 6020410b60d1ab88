import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKey } from '../../api/queries';

/** The active store's API budget: fetched once, then kept live by stores.budgetChanged (see live-events). */
export function useBudget(storeId: string | undefined) {
  return useQuery({
    queryKey: queryKey('stores.getBudget', { id: storeId ?? '' }),
    queryFn: () => call('stores.getBudget', { id: storeId! }),
    enabled: !!storeId,
    staleTime: Infinity,
  });
}
