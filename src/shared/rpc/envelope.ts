import type { AppErrorData } from './errors';

/** The two Electron channels. Nothing else crosses the IPC boundary. */
export const RPC_CHANNEL = 'stockroom:rpc';
export const EVENT_CHANNEL = 'stockroom:event';

export interface RpcRequest {
  id: number;
  method: string;
  params: unknown;
}

export type RpcResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: AppErrorData };

export interface EventMessage {
  name: string;
  payload: unknown;
}
