/**
 * The sandboxed preload: one bundled CommonJS file. It exposes exactly two functions on fixed
 * channels; never ipcRenderer itself, the IPC event object or process.env.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcResponse } from '../shared/rpc/encoded-json';
import { EVENT_CHANNEL, RPC_CHANNEL, type EventMessage } from '../shared/rpc/envelope';

let nextId = 1;

const api = {
  invoke(method: string, params: unknown): Promise<IpcResponse> {
    return ipcRenderer.invoke(RPC_CHANNEL, { id: nextId++, method, params }) as Promise<IpcResponse>;
  },
  subscribe(listener: (message: EventMessage) => void): () => void {
    const handler = (_event: unknown, message: EventMessage) => listener(message);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

export type PreloadApi = typeof api;

contextBridge.exposeInMainWorld('stockroom', api);
