import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../rpc/dispatch';
import type { EventBus } from '../rpc/event-bus';
import { createGuard, type Guard, type GuardVerdict } from './guard';
import { RPC_LIMITS } from '../rpc/limits';
import { bodyTooLarge, createJsonScanner, type JsonRefusal } from './json-limits';
import { createStaticFiles } from './static-files';
import { EncodedJson, type RpcResponse } from '../../shared/rpc';

const HEARTBEAT_MS = 15_000;
/** How long a refused body's sender has to read the answer before its socket is closed unread. */
const LINGER_MS = 1_000;

/**
 * Images: 'self', data: and any https: host (BigCommerce's CDN), plus — only on the page itself —
 * the exact http://127.0.0.1:PORT origins of the loopback stores this launch knows (the demo
 * stores), which serve their images over plain http. index.html's meta policy allows any loopback
 * port (the Electron window has no header); both apply here, so browser mode gets the narrower one.
 */
export function contentSecurityPolicy(imageOrigins: readonly string[] = []): string {
  const loopback = imageOrigins.filter((o) => /^http:\/\/127\.0\.0\.1:\d{1,5}$/.test(o));
  const img = ["'self'", 'data:', 'https:', ...new Set(loopback)].join(' ');
  return `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src ${img}; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'`;
}

const BASE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': contentSecurityPolicy(),
};

export interface HttpHostOptions {
  dispatch: Dispatch;
  events: EventBus;
  rendererDir: string;
  port?: number;
  guard?: Guard;
  /** Origins of the stores whose images the page shows (only http://127.0.0.1:PORT ones are added to img-src). */
  imageOrigins?: () => Promise<readonly string[]>;
}

export interface HttpHost {
  url: string;
  /** The URL to open once: it carries the launch token, which the server swaps for a cookie. */
  launchUrl: string;
  port: number;
  /** The socket's real bound address (what the OS says, not what was asked for). */
  address(): AddressInfo;
  close(): Promise<void>;
}

/** Browser mode: the same dispatcher as the Electron host, behind the loopback guard, on 127.0.0.1 only. */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const guard = options.guard ?? createGuard();
  const files = createStaticFiles(options.rendererDir);
  const sockets = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    route(req, res).catch(() => send(res, 500, 'text/plain', 'Internal error'));
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (refuse(res, guard.checkHost(req))) return;
    if (req.method === 'GET' && url.searchParams.has('token')) return exchangeToken(res, url);
    const session = guard.checkSession(req);
    // The renderer's calls get a code to show ("reopen the link"), not a bare 401.
    if (!session.ok && (url.pathname === '/rpc' || url.pathname === '/events')) return sessionExpired(res);
    if (refuse(res, session)) return;
    if (url.pathname === '/rpc') return rpc(req, res);
    if (url.pathname === '/events') return eventStream(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    const file = await files(url.pathname);
    if (!file) return send(res, 404, 'text/plain', 'Not found');
    const headers: Record<string, string> = { 'Cache-Control': 'no-cache' };
    if (file.type.startsWith('text/html') && options.imageOrigins) {
      headers['Content-Security-Policy'] = contentSecurityPolicy(await options.imageOrigins().catch(() => []));
    }
    send(res, 200, file.type, file.body, headers);
  }

  function exchangeToken(res: ServerResponse, url: URL): void {
    if (!guard.tokenMatches(url.searchParams.get('token'))) return send(res, 401, 'text/plain', 'Wrong launch token');
    url.searchParams.delete('token');
    // 303 drops the token from the address bar and history; the cookie carries the session from here on.
    send(res, 303, 'text/plain', '', { Location: url.pathname + url.search, 'Set-Cookie': guard.sessionCookie() });
  }

  async function rpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Use POST');
    if (refuse(res, guard.checkOrigin(req))) return;
    if (!isJson(req)) return send(res, 415, 'application/json', JSON.stringify({ error: 'Content-Type must be application/json' }));
    const body = await readBody(req);
    if (typeof body !== 'string') return refuseBody(req, res, body);
    let request: unknown;
    try {
      request = JSON.parse(body);
    } catch {
      return send(res, 400, 'application/json', JSON.stringify({ error: 'Body is not valid JSON' }));
    }
    sendResponse(res, await options.dispatch(request, { host: 'http' }));
  }

  function eventStream(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Use GET');
    if (refuse(res, guard.checkOrigin(req))) return;
    res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    sockets.add(res);
    const unsubscribe = options.events.subscribe((message) => res.write(`data: ${JSON.stringify(message)}\n\n`));
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      sockets.delete(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard.setPort(port);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    launchUrl: `${url}/?token=${guard.launchToken}`,
    address: () => server.address() as AddressInfo,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of sockets) res.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A response whose value is already JSON (EncodedJson) is spliced into the envelope, not serialized again. */
function sendResponse(res: ServerResponse, response: RpcResponse): void {
  const headers = { 'Cache-Control': 'no-store' };
  if (!response.ok || !(response.value instanceof EncodedJson)) return send(res, 200, 'application/json', JSON.stringify(response), headers);
  const head = Buffer.from(`{"id":${response.id},"ok":true,"value":`);
  const { bytes } = response.value;
  const tail = Buffer.from('}');
  res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'application/json', 'Content-Length': String(head.length + bytes.length + tail.length), ...headers });
  res.write(head);
  res.write(bytes);
  res.end(tail);
}

function refuse(res: ServerResponse, verdict: GuardVerdict): boolean {
  if (verdict.ok) return false;
  send(res, verdict.status, 'text/plain', verdict.reason);
  return true;
}

const SESSION_EXPIRED = { code: 'SESSION_EXPIRED', message: 'This browser session has expired — reopen the link Stockroom printed.' } as const;

function sessionExpired(res: ServerResponse): void {
  send(res, 401, 'application/json', JSON.stringify({ error: SESSION_EXPIRED }), { 'Cache-Control': 'no-store' });
}

function isJson(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/** The body as text, or the first limit it breaks: reading stops there, so at most maxBytes is ever held. */
function readBody(req: IncomingMessage): Promise<string | JsonRefusal> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > RPC_LIMITS.maxBytes) return resolve(bodyTooLarge());
    const scanner = createJsonScanner();
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer): void => {
      const refusal = scanner.push(chunk);
      if (!refusal) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      chunks.length = 0;
      resolve(refusal);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Answers a refused body at once, then closes the connection; the rest of the body is never read. */
function refuseBody(req: IncomingMessage, res: ServerResponse, refusal: JsonRefusal): void {
  send(res, refusal.status, 'application/json', JSON.stringify({ error: refusal.reason }), { Connection: 'close' });
  res.once('finish', () => setTimeout(() => req.socket.destroy(), LINGER_MS).unref());
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': type, ...extra });
  res.end(body);
}
