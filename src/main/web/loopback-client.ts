import { request } from 'node:http';

/**
 * A client of the browser-mode host over real loopback HTTP, for the contract tests and the rpcLimits
 * bench: full control of Host, Origin and how a body is sent, which fetch() would not give.
 */
export interface LoopbackTarget {
  port: number;
  launchUrl: string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string[] | string | undefined> & { 'set-cookie'?: string[] };
  body: string;
}

export function rawRequest(
  host: Pick<LoopbackTarget, 'port'>,
  opts: { method: string; path: string; body?: string; headers?: Record<string, string> },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method: opts.method, path: opts.path, headers: { host: `127.0.0.1:${host.port}`, ...opts.headers } },
      (res) => collect(res, resolve),
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Swaps the launch token for the session cookie, as the browser does on first load. */
export async function sessionCookie(host: LoopbackTarget): Promise<string> {
  const launch = new URL(host.launchUrl);
  const res = await rawRequest(host, { method: 'GET', path: launch.pathname + launch.search });
  const setCookie = res.headers['set-cookie']?.[0];
  if (res.status !== 303 || !setCookie) throw new Error(`token exchange failed: ${res.status}`);
  return setCookie.split(';')[0] ?? '';
}

/** POSTs /rpc with a body made of chunks as they are generated (chunked unless `extra` declares a length), for bodies too big to build. */
export function streamRequest(host: Pick<LoopbackTarget, 'port'>, cookie: string, chunks: Iterable<Buffer>, extra: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', cookie, ...extra };
    let answered = false;
    const req = request({ host: '127.0.0.1', port: host.port, method: 'POST', path: '/rpc', headers }, (res) => {
      answered = true;
      collect(res, resolve);
    });
    // The host closes the socket after its answer, so writing the rest fails (EPIPE): the answer is what counts.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const it = chunks[Symbol.iterator]();
    const pump = (): void => {
      for (;;) {
        const next = it.next();
        if (next.done) return void req.end();
        if (!req.write(next.value)) return void req.once('drain', pump);
      }
    };
    pump();
  });
}

/** `bytes` of `text` repeated, in one reused chunk of about 64 KB (the client's memory stays flat). */
export function* repeatedChunks(text: string, bytes: number): Generator<Buffer> {
  const chunk = Buffer.from(text.repeat(Math.ceil(65_536 / text.length)));
  for (let sent = 0; sent < bytes; sent += chunk.length) yield chunk;
}

function collect(res: import('node:http').IncomingMessage, resolve: (response: RawResponse) => void): void {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c));
  res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
}
