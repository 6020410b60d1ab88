export { createStagingService, type StagingService, type StagingServiceDeps } from './staging-service';
export { stagingPaths } from './staging-log';
export { createEditChecks, type EditChecks } from './edit-checks';
