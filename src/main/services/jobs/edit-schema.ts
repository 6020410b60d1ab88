// The job schemas are part of the contract (the renderer builds edits, main validates them);
// the engine keeps importing them from here.
export * from '../../../shared/contract/jobs-schema';
