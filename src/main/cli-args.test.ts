import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from './cli-args';

describe('browser mode launch arguments', () => {
  it('takes a port, a data dir and the demo stores’ product count', () => {
    const args = parseLaunchArgs(['--port', '8080', '--data-dir', '/tmp/x', '--demo-products', '100000']);
    expect(args).toMatchObject({ port: 8080, dataDir: '/tmp/x', demoProducts: 100_000 });
    expect(parseLaunchArgs([]).demoProducts).toBeUndefined();
  });
  it('refuses a bad product count and unknown flags with a clear message', () => {
    expect(() => parseLaunchArgs(['--demo-products', 'many'])).toThrow('--demo-products needs a whole number, got "many"');
    expect(() => parseLaunchArgs(['--demo-products'])).toThrow('--demo-products needs a whole number');
    expect(() => parseLaunchArgs(['--nope'])).toThrow('Unknown option "--nope". Options: --port N, --data-dir DIR, --demo-products N');
  });
});
