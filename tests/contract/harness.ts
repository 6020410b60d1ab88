import type { WebFrameMain } from 'electron';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp, type ComposedApp } from '../../src/main/compose';
import { createKeychain, loadKeytar } from '../../src/main/services/secrets/keychain';
import { createIpcInvokeHandler, isOwnRendererUrl } from '../../src/main/electron/ipc-host';
import { startHttpHost, type HttpHost } from '../../src/main/web/http-host';
import type { RpcResponse } from '../../src/shared/rpc';

export const RENDERER_URL = 'file:///app/out/renderer/index.html';

export interface Harness {
  app: ComposedApp;
  http: HttpHost;
  dataDir: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-contract-'));
  const app = await composeApp({
    dataDir,
    mode: 'browser',
    strict: true,
    keychain: createKeychain(await loadKeytar(), `StockroomContract-${process.pid}`),
    log: () => {},
    demoStores: [
      { name: 'Demo One', storeHash: 'demo1', apiUrl: 'http://127.0.0.1:9' },
      { name: 'Demo Two', storeHash: 'demo2', apiUrl: 'http://127.0.0.1:9' },
    ],
  });
  const rendererDir = join(dataDir, 'renderer');
  const http = await startHttpHost({ dispatch: app.dispatch, events: app.events, rendererDir });
  return {
    app,
    http,
    dataDir,
    async close() {
      await http.close();
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The three ways into main; each must give the same answer for the same call. */
export type Via = (h: Harness, body: unknown) => Promise<RpcResponse>;

export const viaDispatch: Via = (h, body) => h.app.dispatch(body, { host: 'test' });

export const viaIpc: Via = (h, body) => {
  const handler = createIpcInvokeHandler(h.app.dispatch, isOwnRendererUrl(RENDERER_URL));
  const frame = { url: RENDERER_URL, parent: null } as unknown as WebFrameMain;
  return handler({ senderFrame: frame }, body);
};

export const viaHttp: Via = async (h, body) => {
  const cookie = await sessionCookie(h.http);
  const res = await rawRequest(h.http, { method: 'POST', path: '/rpc', body: JSON.stringify(body), headers: { 'content-type': 'application/json', cookie } });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body}`);
  return JSON.parse(res.body) as RpcResponse;
};

export async function sessionCookie(host: HttpHost): Promise<string> {
  const res = await rawRequest(host, { method: 'GET', path: new URL(host.launchUrl).pathname + new URL(host.launchUrl).search });
  const setCookie = res.headers['set-cookie']?.[0];
  if (res.status !== 303 || !setCookie) throw new Error(`token exchange failed: ${res.status}`);
  return setCookie.split(';')[0] ?? '';
}

export interface RawResponse {
  status: number;
  headers: Record<string, string[] | string | undefined> & { 'set-cookie'?: string[] };
  body: string;
}

/** Real HTTP with full control of Host and Origin, which fetch() would not let a test forge. */
export function rawRequest(
  host: HttpHost,
  opts: { method: string; path: string; body?: string; headers?: Record<string, string> },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method: opts.method, path: opts.path, headers: { host: `127.0.0.1:${host.port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
