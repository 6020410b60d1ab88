import type { MethodName, ParamsOf, ResultOf, Transport } from '../../../shared/contract';
import { AppError } from '../../../shared/rpc';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import { useLive } from './live-store';

/** What a browser-mode event stream can say: it came back after a gap, or the session is gone. */
export type StreamState = 'reconnected' | 'expired';

/** A transport that reports on its event stream (browser mode); Electron's IPC has no gap to report. */
export type LiveTransport = Transport & { onStream?(listener: (state: StreamState) => void): () => void };

/** Picked at runtime: the Electron window has the preload bridge, a browser tab does not. */
// globalThis.window: unit tests import this module under Node, where there is no window.
const bridge = globalThis.window?.stockroom;
export const transport: LiveTransport = bridge ? createIpcTransport(bridge) : createHttpTransport();

export const hostMode: 'electron' | 'browser' = bridge ? 'electron' : 'browser';

/** A typed call; `{ok:false}` comes back as a thrown AppError so react-query sees a real error. */
export async function call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
  const response = await transport.invoke(method, params);
  if (!response.ok) {
    if (response.error.code === 'SESSION_EXPIRED') useLive.getState().expireSession(response.error.message);
    throw AppError.fromData(response.error);
  }
  return response.value as ResultOf<M>;
}
