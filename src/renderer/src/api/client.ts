import type { EventName, MethodName, ParamsOf, PayloadOf, ResultOf, Transport } from '../../../shared/contract';
import { AppError } from '../../../shared/rpc';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';

/** Picked at runtime: the Electron window has the preload bridge, a browser tab does not. */
export const transport: Transport = window.stockroom ? createIpcTransport(window.stockroom) : createHttpTransport();

export const hostMode: 'electron' | 'browser' = window.stockroom ? 'electron' : 'browser';

/** A typed call; `{ok:false}` comes back as a thrown AppError so react-query sees a real error. */
export async function call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
  const response = await transport.invoke(method, params);
  if (!response.ok) throw AppError.fromData(response.error);
  return response.value as ResultOf<M>;
}

export function onEvent<E extends EventName>(name: E, listener: (payload: PayloadOf<E>) => void): () => void {
  return transport.subscribe((message) => {
    if (message.name === name) listener(message.payload as PayloadOf<E>);
  });
}
