import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKey } from '../../api/queries';
import { useToasts } from '../../components/toast-store';
import { addNewJob } from '../jobs/useJobs';

/** The edits staged for a store (kept in main, durable), refetched on every staging.changed (see live-events). */
export function useStaging(storeId: string | undefined) {
  return useQuery({
    queryKey: queryKey('staging.list', { storeId: storeId ?? '' }),
    queryFn: () => call('staging.list', { storeId: storeId! }),
    enabled: !!storeId,
  });
}

export function useDiscardStaged(storeId: string | undefined) {
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: (keys?: string[]) => call('staging.discard', { storeId: storeId!, ...(keys ? { keys } : {}) }),
    onError: (error) => push('error', error.message),
  });
}

export function useApplyStaged(storeId: string | undefined) {
  const client = useQueryClient();
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: (title: string) => call('staging.apply', { storeId: storeId!, title }),
    onSuccess: (job) => {
      addNewJob(client, job);
      push('info', `Applying “${job.title}” (${job.total} ${job.total === 1 ? 'change' : 'changes'}): follow it in Activity`);
    },
    onError: (error) => push('error', error.message),
  });
}
