import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call, onEvent } from '../../api/client';
import { queryKey } from '../../api/queries';

/** The active store's API budget: fetched once, then kept live by stores.budgetChanged events. */
export function useBudget(storeId: string | undefined) {
  const client = useQueryClient();
  useEffect(
    () =>
      onEvent('stores.budgetChanged', (budget) => {
        client.setQueryData(queryKey('stores.getBudget', { id: budget.storeId }), budget);
      }),
    [client],
  );
  return useQuery({
    queryKey: queryKey('stores.getBudget', { id: storeId ?? '' }),
    queryFn: () => call('stores.getBudget', { id: storeId! }),
    enabled: !!storeId,
    staleTime: Infinity,
  });
}
