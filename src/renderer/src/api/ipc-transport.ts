import type { Transport } from '../../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the preload in the Electron window; absent in browser mode. */
    stockroom?: Transport;
  }
}

export function createIpcTransport(bridge: Transport) {
  return {
    invoke: (method, params) => bridge.invoke(method, params),
    subscribe: (listener) => bridge.subscribe(listener),
  } satisfies Transport;
}
