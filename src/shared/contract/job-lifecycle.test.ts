import { describe, expect, it } from 'vitest';
import { JOB_ACTIONS, JOB_LIFECYCLE, jobActionRefusal, offeredJobActions, statusAllows, type JobAction } from './job-lifecycle';
import { JOB_STATUSES, type JobStatus } from './jobs-schema';

// The table written out once more, by hand, as the README states it: a change to the rules must change both.
const EXPECTED: Record<JobStatus, JobAction[]> = {
  queued: ['pause', 'cancel'],
  running: ['pause', 'cancel'],
  paused: ['resume', 'cancel'],
  interrupted: ['resume', 'cancel', 'undo', 'retry'],
  failed: ['resume', 'cancel', 'undo', 'retry'],
  completed: ['undo', 'retry'],
  completed_with_errors: ['undo', 'retry'],
  cancelled: ['undo', 'retry'],
};

const rows = { pending: 1, done: 1, failed: 1, conflicts: 1 };

describe('job lifecycle table', () => {
  it('covers every status, and allows exactly the listed actions', () => {
    expect(Object.keys(JOB_LIFECYCLE).sort()).toEqual([...JOB_STATUSES].sort());
    for (const status of JOB_STATUSES) {
      expect(JOB_ACTIONS.filter((a) => statusAllows(status, a)), status).toEqual(EXPECTED[status]);
      for (const action of JOB_ACTIONS) expect(jobActionRefusal(status, action) === null, `${status} ${action}`).toBe(EXPECTED[status].includes(action));
    }
  });

  it('a failed job is resumable and can be undone or retried (the renderer used to count it as finished)', () => {
    expect(offeredJobActions({ status: 'failed', ...rows })).toEqual(['resume', 'cancel', 'undo', 'retry']);
  });

  it('offers an action only when the job has rows for it', () => {
    expect(offeredJobActions({ status: 'interrupted', pending: 0, done: 0, failed: 0, conflicts: 0 })).toEqual(['cancel']);
    expect(offeredJobActions({ status: 'completed', pending: 0, done: 3, failed: 0, conflicts: 2 })).toEqual(['undo', 'retry']);
    expect(offeredJobActions({ status: 'running', ...rows })).toEqual(['pause', 'cancel']);
  });

  it('says why a refused action is refused', () => {
    expect(jobActionRefusal('paused', 'undo')).toBe('it is paused, and undo needs a job that is completed, completed with errors, cancelled, interrupted, failed');
  });
});
