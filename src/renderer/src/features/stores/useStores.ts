import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StoreList } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKey } from '../../api/queries';
import { useToasts } from '../../components/toast-store';

/** Kept live by stores.changed (see live-events). */
export function useStoreList() {
  return useQuery({ queryKey: queryKey('stores.list'), queryFn: () => call('stores.list', {}) });
}

export function useSelectStore() {
  const client = useQueryClient();
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: (id: string) => call('stores.select', { id }),
    // Instant: every query is keyed by its store and kept live by events, so the other store's
    // cached data, staged edits and jobs are shown at once and nothing is fetched again.
    onMutate: (id: string) => {
      const before = client.getQueryData<StoreList>(queryKey('stores.list'));
      if (before) client.setQueryData(queryKey('stores.list'), { ...before, activeStoreId: id });
      return { before };
    },
    onSuccess: (list) => client.setQueryData(queryKey('stores.list'), list),
    onError: (error, _id, context) => {
      if (context?.before) client.setQueryData(queryKey('stores.list'), context.before);
      push('error', error.message);
    },
  });
}
