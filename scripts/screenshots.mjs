// Takes the README's screenshots: starts browser mode on a fresh data dir, drives headless Chromium.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium } from './chromium.mjs';
import { ensureBuild } from './ensure-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'docs/screenshots');

async function startBrowserMode(dataDir) {
  const child = spawn(process.execPath, [join(root, 'out/main/web.js'), '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /Stockroom is ready: (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`browser mode exited (${code})`)));
  });
  return { child, url };
}

ensureBuild();
const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-shots-'));
const { child, url } = await startBrowserMode(dataDir);
const browser = await chromium.launch({ executablePath: await resolveChromium(), args: CHROMIUM_ARGS });
try {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 820 }, colorScheme: scheme, deviceScaleFactor: 1 });
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Stores' }).getByRole('button').first().waitFor();
    const shots = (process.env.SHOTS ?? 'shell').split(',');
    for (const shot of shots) {
      if (shot !== 'shell') await page.getByRole('link', { name: shot, exact: true }).click();
      await page.waitForTimeout(300);
      const name = `${shot.toLowerCase().replace(/\s+/g, '-')}${scheme === 'dark' ? '-dark' : ''}.png`;
      await page.screenshot({ path: join(outDir, name) });
      console.log(`docs/screenshots/${name}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
}
