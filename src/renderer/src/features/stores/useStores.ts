import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
    onSuccess: (list) => {
      client.setQueryData(queryKey('stores.list'), list);
      // Everything cached belongs to the previous store.
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'stores.list' && q.queryKey[0] !== 'app.getInfo' });
    },
    onError: (error) => push('error', error.message),
  });
}
