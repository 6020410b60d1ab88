import type { Transport } from '../../../shared/contract';
import type { LiveTransport, StreamState } from './client';
import type { AppErrorData, EventMessage, RpcResponse } from '../../../shared/rpc';

let nextId = 1;
const RETRY_MS = 2000;

export const SESSION_EXPIRED_MESSAGE = 'This browser session has expired — reopen the link Stockroom printed.';

/**
 * Browser mode: POST /rpc with the session cookie, events over Server-Sent Events on /events.
 * The browser reopens a dropped stream by itself; one the server refused (401 after a restart)
 * stays closed, so it is reopened here unless the session has expired. `onStream` listeners hear
 * "reconnected" (events may have been missed) and "expired".
 */
export function createHttpTransport(base = '') {
  const listeners = new Set<(message: EventMessage) => void>();
  const streamListeners = new Set<(state: StreamState) => void>();
  const tell = (state: StreamState) => streamListeners.forEach((listener) => listener(state));
  let source: EventSource | null = null;
  let lost = false;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const connect = () => {
    const current = new EventSource(`${base}/events`);
    source = current;
    current.onmessage = (e: MessageEvent<string>) => {
      const message = JSON.parse(e.data) as EventMessage;
      for (const listener of listeners) listener(message);
    };
    current.onopen = () => {
      if (!lost) return;
      lost = false;
      tell('reconnected');
    };
    current.onerror = () => {
      lost = true;
      if (current.readyState !== EventSource.CLOSED || retry || source !== current) return;
      retry = setTimeout(() => {
        retry = null;
        void transport.invoke('app.getInfo', {}).then((answer) => {
          if (!answer.ok && answer.error.code === 'SESSION_EXPIRED') tell('expired');
          else if (source === current && listeners.size > 0) connect();
        });
      }, RETRY_MS);
    };
  };

  const transport = {
    async invoke(method: string, params: unknown): Promise<RpcResponse> {
      const id = nextId++;
      let response: Response;
      try {
        response = await fetch(`${base}/rpc`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ id, method, params }),
          credentials: 'same-origin',
        });
      } catch {
        return { id, ok: false, error: { code: 'NETWORK', message: 'Stockroom is not reachable. Is it still running?' } };
      }
      if (response.status === 401) return { id, ok: false, error: await sessionError(response) };
      if (response.status === 400 || response.status === 413) return { id, ok: false, error: { code: 'BAD_REQUEST', message: await refusal(response) } };
      if (!response.ok) return { id, ok: false, error: { code: 'INTERNAL', message: `HTTP ${response.status}` } };
      return (await response.json()) as RpcResponse;
    },
    subscribe(listener: (message: EventMessage) => void) {
      listeners.add(listener);
      if (!source) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
    onStream(listener: (state: StreamState) => void) {
      streamListeners.add(listener);
      return () => {
        streamListeners.delete(listener);
      };
    },
  } satisfies Transport & Required<Pick<LiveTransport, 'onStream'>>;
  return transport;
}

/** The host answers 401 with {error: {code, message}}; an older host answered plain text. */
async function sessionError(response: Response): Promise<AppErrorData> {
  try {
    const body = (await response.json()) as { error?: AppErrorData };
    if (body.error?.code === 'SESSION_EXPIRED') return body.error;
  } catch {
    // not JSON: fall through to the same meaning
  }
  return { code: 'SESSION_EXPIRED', message: SESSION_EXPIRED_MESSAGE };
}

/** The host refuses a call it will not parse (too large, too deep) with `{error: "<a sentence>"}`. */
async function refusal(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string') return body.error;
  } catch {
    // not JSON: fall through to the status
  }
  return `Stockroom refused the call (HTTP ${response.status}).`;
}
