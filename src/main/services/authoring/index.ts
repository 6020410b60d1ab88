export { createAuthoringService, type AuthoringService, type AuthoringServiceDeps } from './authoring-service';
