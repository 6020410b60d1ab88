import type { z } from 'zod';
import { appEvents, appMethods } from './app';
import { authoringEvents, authoringMethods } from './authoring';
import { catalogEvents, catalogMethods } from './catalog';
import { customersEvents, customersMethods } from './customers';
import { compareMethods } from './compare';
import { dataEvents } from './data';
import { imagesMethods } from './images';
import { jobsEvents, jobsMethods } from './jobs';
import { packingSlipsMethods, picklistsMethods } from './picklists';
import { printMethods } from './print';
import { ordersEvents, ordersMethods } from './orders';
import { stagingEvents, stagingMethods } from './staging';
import { storesEvents, storesMethods } from './stores';
import { webhooksEvents, webhooksMethods } from './webhooks';

export * from './define';
export * from './issues';
export * from './app';
export * from './stores';
export * from './catalog';
export * from './customers';
export * from './jobs';
export * from './staging';
export * from './picklists';
export * from './print';
export * from './orders';
export * from './data';
export * from './webhooks';
export * from './field-checks';
export * from './compare';
export * from './authoring';
export * from './authoring-checks';
export * from './images';

/** Every renderer→main call. Adding a method here without a handler in main fails the type check. */
export const contract = {
  ...appMethods,
  ...storesMethods,
  ...catalogMethods,
  ...jobsMethods,
  ...stagingMethods,
  ...picklistsMethods,
  ...packingSlipsMethods,
  ...printMethods,
  ...ordersMethods,
  ...webhooksMethods,
  ...customersMethods,
  ...compareMethods,
  ...authoringMethods,
  ...imagesMethods,
};

/** Every main→renderer event. */
export const events = {
  ...appEvents,
  ...storesEvents,
  ...catalogEvents,
  ...jobsEvents,
  ...stagingEvents,
  ...dataEvents,
  ...ordersEvents,
  ...webhooksEvents,
  ...customersEvents,
  ...authoringEvents,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ParamsOf<M extends MethodName> = z.input<Contract[M]['params']>;
export type ResultOf<M extends MethodName> = z.output<Contract[M]['result']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type PayloadOf<E extends EventName> = z.output<Events[E]['payload']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The transport both the IPC (Electron) and HTTP (browser mode) clients implement. */
export interface Transport {
  invoke(method: string, params: unknown): Promise<import('../rpc').RpcResponse>;
  subscribe(listener: (message: import('../rpc').EventMessage) => void): () => void;
}
