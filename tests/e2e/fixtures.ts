import { test as base, expect } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ShellPage } from './pages/shell-page';
import { startBrowserMode, stopBrowserMode, type RunningApp } from './support/browser-mode';

export { startBrowserMode, stopBrowserMode, type RunningApp } from './support/browser-mode';

export const test = base.extend<{ app: RunningApp; shell: ShellPage }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  app: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'stockroom-e2e-'));
    const app = await startBrowserMode(dataDir);
    await use(app);
    await stopBrowserMode(app);
    await rm(dataDir, { recursive: true, force: true });
  },
  shell: async ({ page, app }, use) => {
    const shell = new ShellPage(page);
    await shell.open(app.launchUrl);
    await use(shell);
  },
});

export { expect };
