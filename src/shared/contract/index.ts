import type { z } from 'zod';
import { appEvents, appMethods } from './app';
import { catalogEvents, catalogMethods } from './catalog';
import { dataEvents } from './data';
import { jobsEvents, jobsMethods } from './jobs';
import { ordersEvents, ordersMethods } from './orders';
import { picklistsMethods } from './picklists';
import { stagingEvents, stagingMethods } from './staging';
import { storesEvents, storesMethods } from './stores';
import { webhooksEvents, webhooksMethods } from './webhooks';

export * from './define';
export * from './issues';
export * from './app';
export * from './stores';
export * from './catalog';
export * from './jobs';
export * from './staging';
export * from './picklists';
export * from './orders';
export * from './data';
export * from './webhooks';
export * from './field-checks';

/** Every renderer→main call. Adding a method here without a handler in main fails the type check. */
export const contract = {
  ...appMethods,
  ...storesMethods,
  ...catalogMethods,
  ...jobsMethods,
  ...stagingMethods,
  ...picklistsMethods,
  ...ordersMethods,
  ...webhooksMethods,
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
