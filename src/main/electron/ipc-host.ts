import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { EncodedJson, EVENT_CHANNEL, RPC_CHANNEL, type IpcResponse } from '../../shared/rpc';
import type { Dispatch } from '../rpc/dispatch';
import type { EventBus } from '../rpc/event-bus';

/** Only our own renderer, loaded from our own files, may call main (VS Code's validatedIpcMain idea). */
export type SenderCheck = (senderUrl: string | undefined) => boolean;

export function isOwnRendererUrl(rendererUrl: string): SenderCheck {
  const own = new URL(rendererUrl);
  return (senderUrl) => {
    if (!senderUrl) return false;
    try {
      const url = new URL(senderUrl);
      return url.protocol === own.protocol && url.host === own.host && url.pathname === own.pathname;
    } catch {
      return false;
    }
  };
}

/** The invoke handler, separate from ipcMain so tests drive it with a fake invoke event. */
export function createIpcInvokeHandler(dispatch: Dispatch, isAllowedSender: SenderCheck) {
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, request: unknown): Promise<IpcResponse> => {
    const frame = event.senderFrame;
    // Sub-frames never get to call main, whatever their URL.
    const isTopFrame = !!frame && frame.parent === null;
    if (!isTopFrame || !isAllowedSender(frame?.url)) {
      const id = typeof (request as { id?: unknown })?.id === 'number' ? (request as { id: number }).id : 0;
      return { id, ok: false, error: { code: 'FORBIDDEN', message: 'Call refused: it did not come from the Stockroom window.' } };
    }
    const response = await dispatch(request, { host: 'ipc' });
    // Already-serialized results cross as bytes (a copy), not as values to structured-clone.
    return response.ok && response.value instanceof EncodedJson ? { id: response.id, ok: true, json: response.value.bytes } : response;
  };
}

export function registerIpcHost(ipcMain: IpcMain, dispatch: Dispatch, isAllowedSender: SenderCheck): () => void {
  ipcMain.handle(RPC_CHANNEL, createIpcInvokeHandler(dispatch, isAllowedSender));
  return () => ipcMain.removeHandler(RPC_CHANNEL);
}

export function forwardEvents(events: EventBus, contents: WebContents): () => void {
  return events.subscribe((message) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, message);
  });
}
