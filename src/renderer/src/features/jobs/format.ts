import type { JobSummary } from '../../../../shared/contract';
import { formatMoney, isMoney } from '../../../../shared/money';

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  // A small job takes well under a second: "0.4s", not "0s".
  if (ms < 9950) return `${(Math.max(ms, 0) / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m ${s % 60}s` : `${Math.floor(m / 60)}h ${m % 60}m`;
}

export const STATUS_LABELS: Record<JobSummary['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  paused: 'Paused',
  completed: 'Completed',
  completed_with_errors: 'Completed with errors',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
  failed: 'Failed',
};

export function progressShare(job: JobSummary): number {
  return job.total ? (job.total - job.pending) / job.total : 0;
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A server value shown like the edit's own values: "70" next to "70.00" reads as "70.00". */
export function formatLike(value: unknown, sample: unknown): string {
  if (typeof value === 'string' && typeof sample === 'string' && isMoney(value) && isMoney(sample)) {
    return formatMoney(value, sample.split('.')[1]?.length ?? 0);
  }
  return formatValue(value);
}
