export { createOrdersService, type OrdersEvent, type OrdersService, type OrdersServiceDeps } from './orders-service';
export type { OrderFieldEdit } from './order-cache';
