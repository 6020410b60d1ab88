import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SECRET_HEADER } from '../../../shared/contract';
import { parseDelivery, type Delivery } from './delivery';

/** BigCommerce payloads are "light" (ids only); anything near this size is not one. */
export const MAX_BODY_BYTES = 64 * 1024;
const PATH_RE = /^\/webhooks\/([a-z0-9-]{1,64})$/;

export interface ReceiverOptions {
  /** 127.0.0.1 unless the user asks for more. */
  host: string;
  /** 0: any free port. */
  port: number;
  /** The store's secret, or null for a store that has none (or does not exist). */
  secretFor(storeId: string): Promise<string | null>;
  /** Called for an authenticated, well-formed delivery; the answer waits for it, so it must be quick. */
  onDelivery(storeId: string, delivery: Delivery): Promise<void> | void;
  log?: (line: string) => void;
}

export interface Receiver {
  readonly host: string;
  readonly port: number;
  /** The URL a store's hooks post to on this computer. */
  urlFor(storeId: string): string;
  close(): Promise<void>;
}

/** Equal-length digests, so the comparison takes the same time whatever the header holds. */
export function secretMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const server = createServer((req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      options.log?.(`[webhooks] receiver failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) reply(res, 500, 'error');
    });
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  const port = await listen(server, options.host, options.port);
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return {
    host: options.host,
    port,
    urlFor: (storeId) => `http://${hostForUrl}:${port}/webhooks/${storeId}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function handle(options: ReceiverOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const storeId = PATH_RE.exec(new URL(req.url ?? '/', 'http://receiver').pathname)?.[1];
  if (!storeId) return reply(res, 404, 'not found');
  if (req.method !== 'POST') return reply(res, 405, 'method not allowed');
  // Authenticate before reading the body: an unauthenticated sender gets nothing buffered.
  const secret = await options.secretFor(storeId);
  const given = req.headers[SECRET_HEADER.toLowerCase()];
  if (secret === null || !secretMatches(typeof given === 'string' ? given : undefined, secret)) return reply(res, 401, 'unauthorized');
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return reply(res, 413, 'too large');
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === null) {
    res.once('finish', () => req.destroy());
    return reply(res, 413, 'too large');
  }
  const delivery = parseDelivery(parseJson(body));
  if (!delivery) return reply(res, 400, 'not a webhook payload');
  await options.onDelivery(storeId, delivery);
  reply(res, 200, 'ok');
}

function reply(res: ServerResponse, status: number, text: string): void {
  // A refused request's body is not read: closing the connection stops the sender from streaming it.
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...(status === 200 ? {} : { Connection: 'close' }) });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
}
