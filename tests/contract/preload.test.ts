import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../../src/shared/rpc';

const BUILT_PRELOAD = join(import.meta.dirname, '../../out/preload/index.cjs');

/**
 * Runs the BUILT preload the way a sandboxed renderer does: one CommonJS file whose only require is
 * 'electron'. What it exposes must be exactly {invoke, subscribe} on the two fixed channels.
 */
async function loadPreload() {
  const source = await readFile(BUILT_PRELOAD, 'utf8');
  const exposed: Record<string, unknown> = {};
  const required: string[] = [];
  const sent: { channel: string; payload: unknown }[] = [];
  const listeners: { channel: string }[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
    ipcRenderer: {
      invoke: async (channel: string, payload: unknown) => (sent.push({ channel, payload }), { ok: true }),
      on: (channel: string) => listeners.push({ channel }),
      removeListener: () => {},
    },
  };
  const module = { exports: {} };
  runInNewContext(source, {
    require: (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require "${name}"`);
      return electron;
    },
    module,
    exports: module.exports,
  });
  return { exposed, required, sent, listeners, lines: source.split('\n').length };
}

describe('the preload', () => {
  it('is one bundled CommonJS file that requires nothing but electron', async () => {
    const { required } = await loadPreload();
    expect(required.every((r) => r === 'electron')).toBe(true);
  });

  it('exposes exactly invoke and subscribe, under one key', async () => {
    const { exposed } = await loadPreload();
    expect(Object.keys(exposed)).toEqual(['stockroom']);
    expect(Object.keys(exposed.stockroom as object).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('uses only the two prefixed channels', async () => {
    const { exposed, sent, listeners } = await loadPreload();
    const api = exposed.stockroom as { invoke: (m: string, p: unknown) => Promise<unknown>; subscribe: (l: () => void) => () => void };
    await api.invoke('stores.list', {});
    api.subscribe(() => {})();
    expect(sent.map((s) => s.channel)).toEqual([RPC_CHANNEL]);
    expect(sent[0]?.payload).toMatchObject({ method: 'stores.list', params: {} });
    expect(listeners.map((l) => l.channel)).toEqual([EVENT_CHANNEL]);
  });

  it('stays small (≤ 60 source lines)', async () => {
    const source = await readFile(join(import.meta.dirname, '../../src/preload/index.ts'), 'utf8');
    expect(source.split('\n').length).toBeLessThanOrEqual(60);
  });
});
