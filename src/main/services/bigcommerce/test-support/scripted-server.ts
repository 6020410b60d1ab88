import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tiny real HTTP server whose answers the test scripts; records every request it receives. */
export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export type ScriptedReply =
  | { status: number; headers?: Record<string, string | number>; body?: unknown; raw?: string; delayMs?: number }
  | 'destroy'
  | 'hang';

export type ScriptHandler = (req: RecordedRequest, index: number) => ScriptedReply | Promise<ScriptedReply>;

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  /** Highest number of requests being handled at the same moment. */
  maxConcurrent: number;
  close(): Promise<void>;
}

export async function startScriptedServer(handler: ScriptHandler): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  let active = 0;
  const state = { maxConcurrent: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const index = requests.push(recorded) - 1;
      active++;
      state.maxConcurrent = Math.max(state.maxConcurrent, active);
      void Promise.resolve(handler(recorded, index)).then((reply) => send(res, reply, () => active--));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxConcurrent() {
      return state.maxConcurrent;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, reply: ScriptedReply, done: () => void): void {
  if (reply === 'hang') return void res.on('close', done);
  if (reply === 'destroy') {
    done();
    return void res.socket?.destroy();
  }
  const write = () => {
    done();
    const text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    const headers: Record<string, string | number> = { ...reply.headers };
    if (text && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = 'application/json';
    }
    res.writeHead(reply.status, headers);
    res.end(text);
  };
  if (reply.delayMs) setTimeout(write, reply.delayMs);
  else write();
}
