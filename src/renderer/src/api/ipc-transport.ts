import type { Transport } from '../../../shared/contract';
import { decodeIpcResponse, type EventMessage, type IpcResponse } from '../../../shared/rpc';

/** What the preload exposes: main's answers as its IPC host sends them (large results as JSON bytes). */
export interface IpcBridge {
  invoke(method: string, params: unknown): Promise<IpcResponse>;
  subscribe(listener: (message: EventMessage) => void): () => void;
}

declare global {
  interface Window {
    /** Exposed by the preload in the Electron window; absent in browser mode. */
    stockroom?: IpcBridge;
  }
}

export function createIpcTransport(bridge: IpcBridge) {
  return {
    invoke: async (method, params) => decodeIpcResponse(await bridge.invoke(method, params)),
    subscribe: (listener) => bridge.subscribe(listener),
  } satisfies Transport;
}
