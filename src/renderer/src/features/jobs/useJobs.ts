import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { JobSummary, ParamsOf } from '../../../../shared/contract';
import { call } from '../../api/client';
import { upsertJob } from '../../api/live-events';
import { queryKey } from '../../api/queries';
import { useToasts } from '../../components/toast-store';

/** Jobs of a store, kept live by jobs.progressed events (see live-events; no polling). */
export function useJobs(storeId: string | undefined) {
  return useQuery({
    queryKey: queryKey('jobs.list', { storeId: storeId ?? '' }),
    queryFn: () => call('jobs.list', { storeId: storeId! }),
    enabled: !!storeId,
    staleTime: Infinity,
  });
}

export function useJobDetail(jobId: string | null) {
  return useQuery({
    queryKey: queryKey('jobs.get', { jobId: jobId ?? '' }),
    queryFn: () => call('jobs.get', { jobId: jobId! }),
    enabled: !!jobId,
  });
}

type JobAction = 'jobs.pause' | 'jobs.resume' | 'jobs.cancel' | 'jobs.undo';

export function useJobAction(action: JobAction) {
  const client = useQueryClient();
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: (jobId: string) => call(action, { jobId }),
    onSuccess: (job) => {
      if (action === 'jobs.undo') {
        addNewJob(client, job);
        push('info', `Undo started: ${job.title}`);
      } else client.setQueryData<JobSummary[]>(queryKey('jobs.list', { storeId: job.storeId }), (jobs) => upsertJob(jobs, job));
    },
    onError: (error) => push('error', error.message),
  });
}

/** jobs.retry: queues a new job of a job's failed rows (or its conflicts); `onSuccess` gets the new job. */
export function useRetryJob() {
  const client = useQueryClient();
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: (params: ParamsOf<'jobs.retry'>) => call('jobs.retry', params),
    onSuccess: (job) => {
      addNewJob(client, job);
      push('info', `Started “${job.title}” (${job.total} ${job.total === 1 ? 'row' : 'rows'})`);
    },
    onError: (error) => push('error', error.message),
  });
}

/**
 * A job that jobs.undo or jobs.retry just created. Its own jobs.progressed events travel apart from
 * this answer and can arrive first (a small job may even finish before it): what they put in the
 * list is newer than the `queued` summary of the answer, which must not overwrite it.
 */
export function addNewJob(client: QueryClient, job: JobSummary): void {
  client.setQueryData<JobSummary[]>(queryKey('jobs.list', { storeId: job.storeId }), (jobs) =>
    jobs?.some((j) => j.id === job.id) ? jobs : upsertJob(jobs, job),
  );
}
