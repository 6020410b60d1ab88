import { defineConfig } from '@playwright/test';

// scripts/e2e.mjs resolves the browser (STOCKROOM_CHROMIUM, system Chromium or @sparticuz/chromium).
const executablePath = process.env.STOCKROOM_CHROMIUM;
if (!executablePath) throw new Error('Run the e2e tests with `npm run test:e2e` (it picks the Chromium to use).');

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    headless: true,
    viewport: { width: 1400, height: 860 },
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'off',
  },
});
