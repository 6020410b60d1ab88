export { createAuthoringService, type AuthoringService, type AuthoringServiceDeps } from './authoring-service';
export { migrateCatalogJobs } from './migrate-jobs';
