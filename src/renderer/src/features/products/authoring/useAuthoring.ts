import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CatalogJob, ChangeInput } from '../../../../../shared/contract';
import { call } from '../../../api/client';
import { queryKey } from '../../../api/queries';
import { useToasts } from '../../../components/toast-store';

/** Staged creates and deletes of a store (kept in main), refetched on every authoring.changed (see live-events). */
export function useStagedCatalogChanges(storeId: string | undefined) {
  return useQuery({
    queryKey: queryKey('authoring.list', { storeId: storeId ?? '' }),
    queryFn: () => call('authoring.list', { storeId: storeId! }),
    enabled: !!storeId,
  });
}

/** Catalog jobs of a store, kept current by authoring.progressed. */
export function useCatalogJobs(storeId: string | undefined) {
  return useQuery({
    queryKey: queryKey('authoring.jobs', { storeId: storeId ?? '' }),
    queryFn: () => call('authoring.jobs', { storeId: storeId! }),
    enabled: !!storeId,
  });
}

/** Categories and brands, to pick by name; they change rarely, so kept for a while. */
export function useTaxonomy(storeId: string | undefined) {
  return useQuery({
    queryKey: queryKey('authoring.taxonomy', { storeId: storeId ?? '' }),
    queryFn: () => call('authoring.taxonomy', { storeId: storeId! }),
    enabled: !!storeId,
    staleTime: 5 * 60_000,
  });
}

/**
 * A job a call just started. Its progress events may have overtaken the call's answer (a small job
 * finishes first), so a copy already in the list is newer and stays.
 */
export function addStartedJob(client: QueryClient, job: CatalogJob): void {
  client.setQueryData<CatalogJob[]>(queryKey('authoring.jobs', { storeId: job.storeId }), (jobs) =>
    jobs && !jobs.some((j) => j.id === job.id) ? [job, ...jobs] : jobs,
  );
}

export function useStageCatalogChanges(storeId: string | undefined) {
  return useMutation({ mutationFn: (changes: ChangeInput[]) => call('authoring.stage', { storeId: storeId!, changes }) });
}

export function useDiscardCatalogChanges(storeId: string | undefined) {
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: (keys?: string[]) => call('authoring.discard', { storeId: storeId!, ...(keys ? { keys } : {}) }),
    onError: (error) => push('error', error.message),
  });
}

export function useApplyCatalogChanges(storeId: string | undefined) {
  const client = useQueryClient();
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: (title: string) => call('authoring.apply', { storeId: storeId!, title }),
    onSuccess: (job) => addStartedJob(client, job),
    onError: (error) => push('error', error.message),
  });
}

export function useUndoCatalogJob() {
  const client = useQueryClient();
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: (jobId: string) => call('authoring.undo', { jobId }),
    onSuccess: (job) => addStartedJob(client, job),
    onError: (error) => push('error', error.message),
  });
}
