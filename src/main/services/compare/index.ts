export { createCompareService, type CompareService, type CompareServiceDeps } from './compare-service';
