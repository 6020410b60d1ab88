import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** `npx tsx src/demo-store/cli.ts ...`, or node with the tsx loader when exit codes/signals matter (npx re-raises signals). */
function run(args: string[], direct = false) {
  const [cmd, pre] = direct ? [process.execPath, ['--import', 'tsx']] : ['npx', ['tsx']];
  // Own process group, so killing npx also ends the tsx/node processes it started.
  const child = spawn(cmd, [...pre, 'src/demo-store/cli.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  return { child, exit, killGroup, out: () => out, err: () => err };
}

async function ready(p: ReturnType<typeof run>, stores: number): Promise<string[]> {
  const end = Date.now() + 20_000;
  while (p.out().split('\n').filter((l) => l.startsWith('{')).length < stores && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return p.out().trim().split('\n');
}

describe('demo-store CLI', () => {
  it('prints the ready line and one JSON line per store and serves requests', async () => {
    const p = run(['--port', '0', '--products', '40', '--orders', '20', '--customers', '10', '--stores', '3', '--token', 'cli-token']);
    const lines = await ready(p, 3);
    expect(lines[0]).toMatch(/^Demo store ready: http:\/\/127\.0\.0\.1:\d+$/);
    const url = lines[0].slice('Demo store ready: '.length);
    const stores = lines.slice(1).map((l) => JSON.parse(l));
    expect(stores).toHaveLength(3);
    for (const s of stores) {
      expect(Object.keys(s)).toEqual(['name', 'storeHash', 'token', 'apiUrl']);
      expect(s.apiUrl).toBe(url);
      expect(s.token).toBe('cli-token');
    }
    expect(stores[0].name).toBe('Northwind Apparel & Home');
    const res = await fetch(`${url}/stores/${stores[1].storeHash}/v2/store`, { headers: { 'X-Auth-Token': 'cli-token' } });
    expect(((await res.json()) as { currency: string }).currency).toBe('EUR');
    p.killGroup('SIGTERM');
    await p.exit;
  });

  it('flushes and exits 0 on SIGINT and SIGTERM; data written before survives', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'demo-cli-'));
    try {
      const args = ['--port', '0', '--products', '30', '--orders', '10', '--customers', '5', '--stores', '1', '--data-dir', dataDir];
      for (const [signal, price] of [['SIGINT', 31.5], ['SIGTERM', 32.5]] as const) {
        const p = run(args, true);
        const lines = await ready(p, 1);
        const url = lines[0].slice('Demo store ready: '.length);
        const s = JSON.parse(lines[1]) as { storeHash: string; token: string };
        const put = await fetch(`${url}/stores/${s.storeHash}/v3/catalog/products/3`, {
          method: 'PUT', headers: { 'X-Auth-Token': s.token, 'Content-Type': 'application/json' }, body: JSON.stringify({ price }),
        });
        expect(put.status).toBe(200);
        p.child.kill(signal);
        expect(await p.exit, signal).toBe(0);
      }
      const p = run(args, true);
      const lines = await ready(p, 1);
      const s = JSON.parse(lines[1]) as { storeHash: string; token: string };
      const res = await fetch(`${lines[0].slice('Demo store ready: '.length)}/stores/${s.storeHash}/v3/catalog/products/3`, { headers: { 'X-Auth-Token': s.token } });
      expect(((await res.json()) as { data: { price: number } }).data.price).toBe(32.5);
      p.child.kill('SIGTERM');
      await p.exit;
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('rejects a bad flag with one clear error line and exit code 2', async () => {
    const cases = [['--bogus'], ['--port', 'abc'], ['--fault-rate', '2'], ['--products']];
    await Promise.all(cases.map(async (args) => {
      const p = run(args, true);
      expect(await p.exit, args.join(' ')).toBe(2);
      const errLines = p.err().trim().split('\n');
      expect(errLines).toHaveLength(1);
      expect(errLines[0]).toMatch(/^demo-store: /);
      expect(p.out()).toBe('');
    }));
  });
});
