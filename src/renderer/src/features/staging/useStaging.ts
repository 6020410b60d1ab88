import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { stagedKey, type StagedEdit } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKey } from '../../api/queries';
import { useToasts } from '../../components/toast-store';
import { addNewJob } from '../jobs/useJobs';
import { shareStagedList, type StagedList } from './share-staged';

/** The edits staged for a store (kept in main, durable), refetched on every staging.changed (see live-events). */
export function useStaging(storeId: string | undefined) {
  return useQuery({
    queryKey: queryKey('staging.list', { storeId: storeId ?? '' }),
    queryFn: () => call('staging.list', { storeId: storeId! }),
    enabled: !!storeId,
    structuralSharing: (old, next) => shareStagedList(old as StagedList | undefined, next as StagedList),
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

/**
 * The merchant's answer to a conflict. Keep mine restages the edit against the value the store
 * has now (so the next apply writes it); Take theirs drops the edit and refreshes the catalog, so
 * the grid shows what the store has.
 */
export function useResolveConflict(storeId: string | undefined) {
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: async ({ edit, choice }: { edit: StagedEdit; choice: 'mine' | 'theirs' }) => {
      if (choice === 'theirs') {
        await call('staging.discard', { storeId: storeId!, keys: [stagedKey(edit)] });
        await call('catalog.sync', { storeId: storeId!, mode: 'refresh' });
        return;
      }
      const { entity, id, productId, field, to } = edit;
      const from = edit.note?.serverValue ?? null;
      await call('staging.stage', { storeId: storeId!, rebase: true, edits: [{ entity, id, ...(productId !== undefined && { productId }), field, from, to }] });
    },
    onError: (error) => push('error', error.message),
  });
}
