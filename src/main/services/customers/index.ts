export { createCustomersService, type CustomersService, type CustomersServiceDeps } from './customers-service';
export type { CustomersEvent } from './sync';
export type { CustomerRow } from './normalize';
export { CustomerEdit } from './customers-state';
