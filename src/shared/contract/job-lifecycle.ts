import { JOB_STATUSES, type JobStatus, type JobSummary } from './jobs-schema';

/** What an operator may ask of a job. `retry` covers both retry kinds (failed rows, conflicts). */
export const JOB_ACTIONS = ['pause', 'resume', 'cancel', 'undo', 'retry'] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

/**
 * - `active`: queued or running; it changes its rows by itself.
 * - `resumable`: stopped with rows possibly still pending; it runs again only when resumed.
 * - `terminal`: done for good; only new jobs (undo, retry) start from it.
 */
export type JobPhase = 'active' | 'resumable' | 'terminal';

interface Lifecycle {
  phase: JobPhase;
  actions: readonly JobAction[];
}

/**
 * The one table of job statuses and what may be done in each. Main's jobs service refuses what
 * it does not list; Activity offers what it lists (and what the job has rows for, see
 * offeredJobActions). A paused job cannot be undone or retried: it would race its own resume.
 */
export const JOB_LIFECYCLE = {
  queued: { phase: 'active', actions: ['pause', 'cancel'] },
  running: { phase: 'active', actions: ['pause', 'cancel'] },
  paused: { phase: 'resumable', actions: ['resume', 'cancel'] },
  interrupted: { phase: 'resumable', actions: ['resume', 'cancel', 'undo', 'retry'] },
  failed: { phase: 'resumable', actions: ['resume', 'cancel', 'undo', 'retry'] },
  completed: { phase: 'terminal', actions: ['undo', 'retry'] },
  completed_with_errors: { phase: 'terminal', actions: ['undo', 'retry'] },
  cancelled: { phase: 'terminal', actions: ['undo', 'retry'] },
} as const satisfies Record<JobStatus, Lifecycle>;

export function statusAllows(status: JobStatus, action: JobAction): boolean {
  return (JOB_LIFECYCLE[status].actions as readonly JobAction[]).includes(action);
}

/** Neither queued nor running: the job will not change its rows by itself. */
export function isAtRest(status: JobStatus): boolean {
  return JOB_LIFECYCLE[status].phase !== 'active';
}

export function isTerminal(status: JobStatus): boolean {
  return JOB_LIFECYCLE[status].phase === 'terminal';
}

export function statusesInPhase(...phases: JobPhase[]): ReadonlySet<JobStatus> {
  return new Set(JOB_STATUSES.filter((status) => phases.includes(JOB_LIFECYCLE[status].phase)));
}

type Counts = Pick<JobSummary, 'status' | 'pending' | 'done' | 'failed' | 'conflicts'>;

/** The rows an action works on: an action with none would only be refused or do nothing. */
const HAS_ROWS: Record<JobAction, (job: Counts) => boolean> = {
  pause: () => true,
  resume: (job) => job.pending > 0,
  cancel: () => true,
  undo: (job) => job.done > 0,
  retry: (job) => job.failed > 0 || job.conflicts > 0,
};

/** What Activity offers for a job: allowed in its status, with rows to act on. */
export function offeredJobActions(job: Counts): JobAction[] {
  return JOB_ACTIONS.filter((action) => statusAllows(job.status, action) && HAS_ROWS[action](job));
}

/** Why main refuses an action in a status, or null when the table allows it. */
export function jobActionRefusal(status: JobStatus, action: JobAction): string | null {
  if (statusAllows(status, action)) return null;
  const allowed = JOB_STATUSES.filter((s) => statusAllows(s, action)).join(', ');
  return `it is ${status}, and ${action} needs a job that is ${allowed.replaceAll('_', ' ')}`;
}
