import type { WebFrameMain } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toColumns } from '../../src/shared/columns';
import type { ProductColumnsPage } from '../../src/shared/contract';
import { decodeIpcResponse, EncodedJson, type RpcResponse } from '../../src/shared/rpc';
import { createDispatcher, type Handlers } from '../../src/main/rpc/dispatch';
import { createEventBus } from '../../src/main/rpc/event-bus';
import { createIpcInvokeHandler, isOwnRendererUrl } from '../../src/main/electron/ipc-host';
import { startHttpHost, type HttpHost } from '../../src/main/web/http-host';
import { rawRequest, RENDERER_URL, sessionCookie } from './harness';

/** A page with strings that take several UTF-8 bytes, so lengths in bytes and in characters differ. */
const rows = [
  { id: 1, name: 'Tee “ünï” 🍵', variants: [{ id: 10, sku: 'Ä-1' }] },
  { id: 2, name: 'Mug', variants: [] },
];
const page: ProductColumnsPage = { total: 2, offset: 0, count: 2, columns: toColumns(rows) };
const encoded = EncodedJson.of(page);
const dispatch = createDispatcher({ 'catalog.listProductColumns': () => encoded } as Partial<Handlers> as Handlers, { validateResults: true });
const call = { id: 7, method: 'catalog.listProductColumns', params: { storeId: 'demo-1' } };
const expected: RpcResponse = { id: 7, ok: true, value: JSON.parse(JSON.stringify(page)) };

let http: HttpHost;
beforeAll(async () => {
  http = await startHttpHost({ dispatch, events: createEventBus(), rendererDir: '/nonexistent' });
});
afterAll(() => http.close());

describe('a result main has already serialized (EncodedJson)', () => {
  it('reaches a caller in this process as the value', async () => {
    expect(await dispatch(call, { host: 'test' })).toEqual(expected);
  });

  it('crosses IPC as its bytes, which the renderer’s transport parses into the same answer', async () => {
    const frame = { url: RENDERER_URL, parent: null } as unknown as WebFrameMain;
    const response = await createIpcInvokeHandler(dispatch, isOwnRendererUrl(RENDERER_URL))({ senderFrame: frame }, call);
    expect(response).toEqual({ id: 7, ok: true, json: encoded.bytes });
    expect(decodeIpcResponse(response)).toEqual(expected);
  });

  it('is spliced into the HTTP response envelope as it is, with its length in bytes', async () => {
    const cookie = await sessionCookie(http);
    const res = await rawRequest(http, { method: 'POST', path: '/rpc', body: JSON.stringify(call), headers: { 'content-type': 'application/json', cookie } });
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
    expect(JSON.parse(res.body)).toEqual(expected);
  });

  it('leaves other answers as they were (errors and plain values)', async () => {
    expect(decodeIpcResponse({ id: 1, ok: false, error: { code: 'VALIDATION', message: 'x' } })).toEqual({ id: 1, ok: false, error: { code: 'VALIDATION', message: 'x' } });
    const bad = await dispatch({ id: 8, method: 'catalog.listProductColumns', params: { storeId: 'demo-1', limit: 0 } }, { host: 'ipc' });
    expect(bad).toMatchObject({ id: 8, ok: false, error: { code: 'VALIDATION' } });
  });
});
