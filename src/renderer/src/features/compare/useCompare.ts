import { useMutation, useQuery } from '@tanstack/react-query';
import type { CopyField } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKey } from '../../api/queries';
import { useToasts } from '../../components/toast-store';

/** A comparison from main's catalog caches; asked again when one of the stores syncs (see live-events). */
export function useComparison(asked: { storeIds: string[]; skus?: string[] } | null) {
  return useQuery({
    queryKey: queryKey('compare.matchSkus', asked ?? { storeIds: [] }),
    queryFn: () => call('compare.matchSkus', asked!),
    enabled: asked !== null,
    staleTime: Infinity,
  });
}

export function useCopyValues() {
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: (input: { fromStoreId: string; toStoreId: string; skus: string[]; fields: CopyField[]; factor?: string }) => call('compare.copyValues', input),
    onError: (error) => push('error', error.message),
  });
}
