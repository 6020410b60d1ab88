export { createJobsSettledService, type JobsSettledService } from './jobs-settled';
