import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest, repeatedChunks, sessionCookie, streamRequest } from './loopback-client';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(listener: RequestListener): Promise<{ port: number; launchUrl: string }> {
  server = createServer(listener);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, launchUrl: `http://127.0.0.1:${port}/?token=t1` };
}

describe('loopback client', () => {
  it('streams every chunk, chunked, with the loopback Host and the cookie', async () => {
    const host = await serve((req, res) => {
      let bytes = 0;
      req.on('data', (c: Buffer) => (bytes += c.length));
      req.on('end', () => res.end(JSON.stringify({ bytes, chunked: req.headers['transfer-encoding'], host: req.headers.host, cookie: req.headers.cookie })));
    });
    const res = await streamRequest(host, 'sid=1', repeatedChunks('x', 1024 * 1024));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ bytes: 1024 * 1024, chunked: 'chunked', host: `127.0.0.1:${host.port}`, cookie: 'sid=1' });
  });

  it('gives the answer of a server that refuses early and closes while the body is still being written', async () => {
    const host = await serve((req, res) => {
      req.once('data', () => {
        res.writeHead(413, { connection: 'close' }).end('{"error":"too large"}');
        req.socket.destroySoon();
      });
    });
    const res = await streamRequest(host, 'sid=1', repeatedChunks(' ', 64 * 1024 * 1024));
    expect(res).toMatchObject({ status: 413, body: '{"error":"too large"}' });
  });

  it('swaps the launch token for the cookie, and says so when the server does not', async () => {
    const host = await serve((req, res) => {
      if (req.url === '/?token=t1') res.writeHead(303, { location: '/', 'set-cookie': 'sid=abc; HttpOnly; SameSite=Strict' }).end();
      else res.writeHead(401).end();
    });
    expect(await sessionCookie(host)).toBe('sid=abc');
    expect((await rawRequest(host, { method: 'GET', path: '/' })).status).toBe(401);
    await expect(sessionCookie({ ...host, launchUrl: `http://127.0.0.1:${host.port}/?token=wrong` })).rejects.toThrow('token exchange failed: 401');
  });

  it('repeats text in one reused chunk until at least the bytes asked for', () => {
    const chunks = [...repeatedChunks('{},', 200_000)];
    expect(new Set(chunks).size).toBe(1);
    expect(chunks.length * chunks[0]!.length).toBeGreaterThanOrEqual(200_000);
    expect((chunks.length - 1) * chunks[0]!.length).toBeLessThan(200_000);
    expect(chunks[0]!.toString().startsWith('{},{},')).toBe(true);
  });
});
