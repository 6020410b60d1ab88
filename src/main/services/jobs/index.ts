export * from './edit-schema';
export { createJobsService, type JobsService, type JobsServiceDeps } from './jobs-service';
export { AT_REST, TERMINAL } from './job-record';
export { journalPath, readJournal, type JournalRecord } from './journal';
export { journalHistory, readJournalHistory } from './journal-history';
export { legacyJournalsDir, migrateHashJournals } from './journal-migrate';
