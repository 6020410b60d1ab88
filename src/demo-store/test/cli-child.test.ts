import { describe, expect, it } from 'vitest';
import { startDemoChild } from '../cli-child';

describe('startDemoChild', () => {
  it('resolves with the URL and first store of a demo store in its own process, which answers', async () => {
    const demo = await startDemoChild(['--stores', '2', '--products', '5', '--orders', '0', '--customers', '0', '--token', 'child-token']);
    try {
      expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(demo.token).toBe('child-token');
      expect(demo.child.pid).not.toBe(process.pid);
      const res = await fetch(`${demo.url}/stores/${demo.storeHash}/v3/catalog/products?limit=10`, { headers: { 'X-Auth-Token': demo.token } });
      expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(5);
    } finally {
      demo.child.kill('SIGTERM');
    }
  }, 30_000);

  it('rejects when the store exits before it is ready (a bad flag)', async () => {
    await expect(startDemoChild(['--products', 'many'])).rejects.toThrow(/demo store exited \(\d+\)/);
  }, 30_000);
});
