import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { PayloadOf } from '../../../../shared/contract';
import { call, onEvent } from '../../api/client';
import { queryKey } from '../../api/queries';
import { useToasts } from '../../components/toast-store';

type Progress = PayloadOf<'catalog.syncProgressed'>;

/** The local catalog cache of a store and the live progress of its sync. */
export function useCatalog(storeId: string | undefined) {
  const client = useQueryClient();
  const push = useToasts((s) => s.push);
  const [progress, setProgress] = useState<Progress | null>(null);
  const status = useQuery({
    queryKey: queryKey('catalog.getStatus', { storeId: storeId ?? '' }),
    queryFn: () => call('catalog.getStatus', { storeId: storeId! }),
    enabled: !!storeId,
  });
  useEffect(() => {
    const offProgress = onEvent('catalog.syncProgressed', (p) => p.storeId === storeId && setProgress(p));
    const offSynced = onEvent('catalog.synced', (r) => {
      if (r.storeId !== storeId) return;
      setProgress(null);
      void client.invalidateQueries({ queryKey: queryKey('catalog.getStatus', { storeId: r.storeId }) });
    });
    const offFailed = onEvent('catalog.syncFailed', (f) => {
      if (f.storeId !== storeId) return;
      setProgress(null);
      push('error', `Catalog sync failed: ${f.message}`);
    });
    return () => {
      offProgress();
      offSynced();
      offFailed();
    };
  }, [client, push, storeId]);
  const sync = useMutation({
    mutationFn: (mode: 'refresh' | 'full') => call('catalog.sync', { storeId: storeId!, mode }),
    onError: (error) => push('error', error.message),
  });
  return { status, progress, sync };
}
