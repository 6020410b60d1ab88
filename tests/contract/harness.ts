import type { WebFrameMain } from 'electron';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoStore, type DemoStore } from '../../src/demo-store';
import { composeApp, type ComposedApp } from '../../src/main/compose';
import { createKeychain, loadKeytar } from '../../src/main/services/secrets/keychain';
import { createIpcInvokeHandler, isOwnRendererUrl } from '../../src/main/electron/ipc-host';
import { startHttpHost, type HttpHost } from '../../src/main/web/http-host';
import { rawRequest, sessionCookie } from '../../src/main/web/loopback-client';
import { decodeIpcResponse, type RpcResponse } from '../../src/shared/rpc';

export const RENDERER_URL = 'file:///app/out/renderer/index.html';

export interface Harness {
  app: ComposedApp;
  http: HttpHost;
  dataDir: string;
  close(): Promise<void>;
}

/** Without a demo store the demo profiles point at a closed port; with one, handlers really run. */
export async function startHarness(opts: { demoStore?: boolean } = {}): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-contract-'));
  const demo: DemoStore | null = opts.demoStore ? await startDemoStore({ products: 30, orders: 10, customers: 10, rateLimit: false }) : null;
  const app = await composeApp({
    dataDir,
    mode: 'browser',
    strict: true,
    keychain: createKeychain(await loadKeytar(), `StockroomContract-${process.pid}`),
    log: () => {},
    demoStores: demo?.stores ?? [
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
      await demo?.close();
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
  // As the renderer's IPC transport reads it (large results arrive as JSON bytes).
  return handler({ senderFrame: frame }, body).then(decodeIpcResponse);
};

export const viaHttp: Via = async (h, body) => {
  const cookie = await sessionCookie(h.http);
  const res = await rawRequest(h.http, { method: 'POST', path: '/rpc', body: JSON.stringify(body), headers: { 'content-type': 'application/json', cookie } });
  // A body the host refuses before parsing it has no id yet: {error} with a sentence, which the
  // browser transport turns into BAD_REQUEST (what the dispatcher answers to the same value).
  if (res.status === 400 || res.status === 413) return { id: 0, ok: false, error: { code: 'BAD_REQUEST', message: (JSON.parse(res.body) as { error: string }).error } };
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body}`);
  return JSON.parse(res.body) as RpcResponse;
};

export { rawRequest, sessionCookie, streamRequest, type RawResponse } from '../../src/main/web/loopback-client';
