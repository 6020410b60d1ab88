import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKey } from '../../api/queries';
import type { PrintRequest } from './print-store';

/**
 * The document to print, built by main. Never refetched behind the operator's back: a printout
 * must match the preview, so a new build happens only on Rebuild (or a new request).
 */
export function usePickList(request: PrintRequest | null, groupByZone: boolean) {
  const params = request ? { storeId: request.storeId, orderIds: request.orderIds, statusIds: request.statusIds, groupByZone } : null;
  return useQuery({
    queryKey: queryKey('picklists.build', params ?? undefined),
    queryFn: () => call('picklists.build', params!),
    enabled: request?.kind === 'pickList',
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
}

export function usePackingSlips(request: PrintRequest | null) {
  const params = request ? { storeId: request.storeId, orderIds: request.orderIds, statusIds: request.statusIds } : null;
  return useQuery({
    queryKey: queryKey('picklists.packingSlips', params ?? undefined),
    queryFn: () => call('picklists.packingSlips', params!),
    enabled: request?.kind === 'packingSlips',
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
}
