// Which Chromium the e2e tests, screenshots and benchmarks drive: STOCKROOM_CHROMIUM if set, else a
// system Chromium, else the one inside the @sparticuz/chromium npm package (works without any download).
import { existsSync } from 'node:fs';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export async function resolveChromium() {
  if (process.env.STOCKROOM_CHROMIUM) return process.env.STOCKROOM_CHROMIUM;
  const system = SYSTEM.find((p) => existsSync(p));
  if (system) return system;
  const { default: chromium } = await import('@sparticuz/chromium');
  return chromium.executablePath();
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
