import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback proxy in front of the demo store that runs `onKill` right after the store has
 * answered the Nth PUT and before that answer is passed on: the write has landed, its sender
 * never hears of it. That is the ambiguous case crash recovery must settle.
 */
export interface KillProxy {
  url: string;
  puts: number;
  /** Resolves when no forwarded request is still waiting on the store. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startKillProxy(upstream: string, killAtPut: number, onKill: () => void): Promise<KillProxy> {
  let inFlight = 0;
  const idleWaiters: Array<() => void> = [];
  const state = { puts: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      inFlight++;
      void forward(req, Buffer.concat(chunks), res).finally(() => {
        if (--inFlight === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
      });
    });
  });

  async function forward(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)) headers[k] = v;
    const isPut = req.method === 'PUT' && ++state.puts === killAtPut;
    try {
      const answer = await fetch(`${upstream}${req.url}`, { method: req.method, headers, body: body.length ? body : undefined });
      const text = await answer.text();
      if (isPut) {
        onKill();
        res.socket?.destroy();
        return;
      }
      const out: Record<string, string> = {};
      answer.headers.forEach((value, key) => {
        if (!['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(key)) out[key] = value;
      });
      res.writeHead(answer.status, out);
      res.end(text);
    } catch {
      res.socket?.destroy();
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get puts() {
      return state.puts;
    },
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
