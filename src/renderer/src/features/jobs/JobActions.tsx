import type { JobSummary } from '../../../../shared/contract';
import { isSettled, useJobAction, useRetryJob } from './useJobs';

/** A job's row actions; `onStarted` gets a job they create (a retry), to show it. */
export function JobActions({ job, onStarted }: { job: JobSummary; onStarted?(job: JobSummary): void }) {
  const pause = useJobAction('jobs.pause');
  const resume = useJobAction('jobs.resume');
  const cancel = useJobAction('jobs.cancel');
  const undo = useJobAction('jobs.undo');
  const retry = useRetryJob();
  const canUndo = job.done > 0 && ['completed', 'completed_with_errors', 'cancelled', 'interrupted'].includes(job.status);
  return (
    <span className="job-actions">
      {job.status === 'running' && (
        <button type="button" className="button small" onClick={() => pause.mutate(job.id)}>
          Pause
        </button>
      )}
      {(job.status === 'paused' || job.status === 'interrupted') && job.pending > 0 && (
        <button type="button" className="button small" onClick={() => resume.mutate(job.id)}>
          Resume
        </button>
      )}
      {['running', 'paused', 'queued', 'interrupted'].includes(job.status) && (
        <button type="button" className="button small" onClick={() => cancel.mutate(job.id)}>
          Cancel
        </button>
      )}
      {canUndo && (
        <button type="button" className="button small" onClick={() => window.confirm(`Undo the ${job.done} applied changes of “${job.title}”?`) && undo.mutate(job.id)}>
          Undo
        </button>
      )}
      {isSettled(job) && job.failed > 0 && (
        <button type="button" className="button small" disabled={retry.isPending} onClick={() => retry.mutate({ jobId: job.id }, { onSuccess: onStarted })}>
          Retry failed ({job.failed})
        </button>
      )}
    </span>
  );
}
