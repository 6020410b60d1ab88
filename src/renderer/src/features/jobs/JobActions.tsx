import { offeredJobActions, type JobSummary } from '../../../../shared/contract';
import { useJobAction, useRetryJob } from './useJobs';

/** A job's row actions, as the one lifecycle table allows them; `onStarted` gets a job they create (a retry), to show it. */
export function JobActions({ job, onStarted }: { job: JobSummary; onStarted?(job: JobSummary): void }) {
  const pause = useJobAction('jobs.pause');
  const resume = useJobAction('jobs.resume');
  const cancel = useJobAction('jobs.cancel');
  const undo = useJobAction('jobs.undo');
  const retry = useRetryJob();
  const offered = new Set(offeredJobActions(job));
  return (
    <span className="job-actions">
      {offered.has('pause') && (
        <button type="button" className="button small" onClick={() => pause.mutate(job.id)}>
          Pause
        </button>
      )}
      {offered.has('resume') && (
        <button type="button" className="button small" onClick={() => resume.mutate(job.id)}>
          Resume
        </button>
      )}
      {offered.has('cancel') && (
        <button type="button" className="button small" onClick={() => cancel.mutate(job.id)}>
          Cancel
        </button>
      )}
      {offered.has('undo') && (
        <button type="button" className="button small" onClick={() => window.confirm(`Undo the ${job.done} applied changes of “${job.title}”?`) && undo.mutate(job.id)}>
          Undo
        </button>
      )}
      {offered.has('retry') && job.failed > 0 && (
        <button type="button" className="button small" disabled={retry.isPending} onClick={() => retry.mutate({ jobId: job.id }, { onSuccess: onStarted })}>
          Retry failed ({job.failed})
        </button>
      )}
    </span>
  );
}
