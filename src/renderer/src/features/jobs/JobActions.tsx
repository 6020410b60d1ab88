import type { JobSummary } from '../../../../shared/contract';
import { useJobAction } from './useJobs';

export function JobActions({ job }: { job: JobSummary }) {
  const pause = useJobAction('jobs.pause');
  const resume = useJobAction('jobs.resume');
  const cancel = useJobAction('jobs.cancel');
  const undo = useJobAction('jobs.undo');
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
    </span>
  );
}
