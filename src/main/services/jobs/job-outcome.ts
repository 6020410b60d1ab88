import type { JobEntry } from './job-entry';
import { JobStopError } from './run-context';

/**
 * The status a run ends in. A run that got through every row is complete whatever was asked of
 * it meanwhile; otherwise the stop reason decides, and rows not reached stay pending
 * (re-runnable) except on cancel, where they become `skipped`.
 */
export async function finishRun(job: JobEntry, error: unknown): Promise<void> {
  const { record } = job;
  if (error !== null && error !== undefined) {
    if (job.stop === 'close') return job.setStatus('interrupted', 'The app closed while this job was running; resume to finish it.');
    if (!(error instanceof JobStopError)) console.error(`[jobs] job ${job.id} stopped on an unexpected error:`, error);
    return job.setStatus('failed', error instanceof Error ? error.message : String(error));
  }
  if (record.counts.pending === 0) {
    return job.setStatus(record.counts.failed + record.counts.conflict > 0 ? 'completed_with_errors' : 'completed');
  }
  if (job.stop === 'pause') return job.setStatus('paused');
  if (job.stop === 'cancel') {
    for (const index of record.pendingIndexes()) record.set(index, { status: 'skipped', message: 'Job cancelled' });
    return job.setStatus('cancelled');
  }
  const why = job.stop === 'close' ? 'The app closed while this job was running' : `${record.counts.pending} rows were not reached`;
  return job.setStatus('interrupted', `${why}; resume to finish it.`);
}
