export { createStoreChangesService, type AreaRefresher, type StoreChangesService } from './store-changes';
