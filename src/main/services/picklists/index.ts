export { aggregatePickList, toPick, type AggregateOptions, type OrderLine } from './aggregate';
export { compareBins, compareNatural, zoneOf } from './bins';
export { fetchPickOrders, type FetchedPickOrders, type FetchPickOrdersOptions } from './fetch-orders';
export { createPicklistsService, type BuildPickListInput, type PicklistsService, type PicklistsServiceDeps } from './picklists-service';
export { fetchPackingSlips, type PackingSlipsData, type PackingSlipsOptions } from './packing-slips';
