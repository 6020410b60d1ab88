import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function get(port: number, path: string, host = `127.0.0.1:${port}`): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

it('npm start without a display says why in one line, then serves browser mode', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-start-'));
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--port', '0', '--data-dir', dataDir], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  try {
    const lines = await new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line:\n${out}`)), 90_000);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (/Stockroom is ready: /.test(out)) {
          clearTimeout(timer);
          resolve(out.split('\n').filter((l) => l && !l.startsWith('Stockroom: building')));
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
    });
    expect(lines[0]).toMatch(/^Stockroom: (Electron's binary could not be downloaded \(.+\)|no display is available .+); serving the console in browser mode instead\.$/);
    expect(lines[1]).toMatch(/^Stockroom is ready: http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
    const url = new URL(lines[1]!.slice('Stockroom is ready: '.length));
    const port = Number(url.port);
    expect(await get(port, '/')).toBe(401);
    expect(await get(port, url.pathname + url.search, 'evil.example')).toBe(403);
    expect(await get(port, url.pathname + url.search)).toBe(303);
  } finally {
    child.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }
}, 120_000);
