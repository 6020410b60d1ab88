import { z } from 'zod';
import { event, method } from './define';
import { JobDetailSchema, JobEditsSchema, JobSummarySchema, RETRY_ROWS } from './jobs-schema';
import { StoreId } from './stores';

export * from './jobs-schema';
export * from './job-lifecycle';

export const JobId = z.string().regex(/^[a-z0-9]{1,16}-[0-9a-f]{8}$/, 'not a job id');

const byId = z.object({ jobId: JobId }).strict();

export const jobsMethods = {
  'jobs.start': method(
    z.object({ storeId: StoreId, title: z.string().trim().min(1).max(200), edits: JobEditsSchema }).strict(),
    JobSummarySchema,
    'Queue a bulk job of edits for a store; each edit carries the value it expects the store to have.',
  ),
  'jobs.list': method(z.object({ storeId: StoreId }).strict(), z.array(JobSummarySchema), 'The jobs of a store, newest first.'),
  'jobs.get': method(byId, JobDetailSchema, 'A job with the result of every row.'),
  'jobs.pause': method(byId, JobSummarySchema, 'Finish the requests in flight, then stop.'),
  'jobs.resume': method(byId, JobSummarySchema, 'Run the rows still pending (paused or interrupted job).'),
  'jobs.cancel': method(byId, JobSummarySchema, 'Stop; rows not written become skipped.'),
  'jobs.undo': method(byId, JobSummarySchema, 'Run the inverse of every applied row, with the same conflict check.'),
  'jobs.retry': method(
    z.object({ jobId: JobId, rows: z.enum(RETRY_ROWS).optional() }).strict(),
    JobSummarySchema,
    'Queue a new job of the rows this job failed, with their original from/to (or of its conflicts, expecting the value the store reported).',
  ),
};

export const jobsEvents = {
  'jobs.progressed': event(JobSummarySchema, 'A job moved on (throttled to 10 a second, plus every status change).'),
};
