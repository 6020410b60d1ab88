import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKey } from '../../api/queries';
import { useToasts } from '../../components/toast-store';

/** What the local catalog cache of a store holds; refetched when a sync ends (see live-events). */
export function useCatalogStatus(storeId: string | undefined) {
  return useQuery({
    queryKey: queryKey('catalog.getStatus', { storeId: storeId ?? '' }),
    queryFn: () => call('catalog.getStatus', { storeId: storeId! }),
    enabled: !!storeId,
  });
}

/** Start a sync; its progress arrives as events (useSyncProgress). */
export function useCatalogSync(storeId: string | undefined) {
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: (mode: 'refresh' | 'full') => call('catalog.sync', { storeId: storeId!, mode }),
    onError: (error) => push('error', error.message),
  });
}
