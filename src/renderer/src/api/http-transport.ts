import type { Transport } from '../../../shared/contract';
import type { EventMessage, RpcResponse } from '../../../shared/rpc';

let nextId = 1;

/** Browser mode: POST /rpc with the session cookie, events over Server-Sent Events on /events. */
export function createHttpTransport(base = '') {
  const listeners = new Set<(message: EventMessage) => void>();
  let source: EventSource | null = null;

  const connect = () => {
    source = new EventSource(`${base}/events`);
    source.onmessage = (e: MessageEvent<string>) => {
      const message = JSON.parse(e.data) as EventMessage;
      for (const listener of listeners) listener(message);
    };
  };

  return {
    async invoke(method, params) {
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
      if (response.status === 401) {
        return { id, ok: false, error: { code: 'AUTH', message: 'Session expired: open the URL Stockroom printed at start.' } };
      }
      if (!response.ok) return { id, ok: false, error: { code: 'INTERNAL', message: `HTTP ${response.status}` } };
      return (await response.json()) as RpcResponse;
    },
    subscribe(listener) {
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
  } satisfies Transport;
}
