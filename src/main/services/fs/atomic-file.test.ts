import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOptionalFile } from './atomic-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stockroom-optional-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('readOptionalFile', () => {
  it('gives null for a file that does not exist', async () => {
    expect(await readOptionalFile(join(dir, 'cache.bin'))).toBeNull();
  });

  it('gives null when its folder does not exist either', async () => {
    expect(await readOptionalFile(join(dir, 'no-store', 'cache.bin'))).toBeNull();
  });

  it('reports a path it cannot read (a folder in its place) with the error code, without throwing', async () => {
    await mkdir(join(dir, 'cache.bin'));
    expect(await readOptionalFile(join(dir, 'cache.bin'))).toEqual({ ok: false, reason: 'unreadable (EISDIR)' });
  });

  it('gives the bytes of a file that is there', async () => {
    const bytes = Buffer.from([0x1f, 0x8b, 0x00, 0xff, 0x0a]);
    await writeFile(join(dir, 'cache.bin'), bytes);
    expect(await readOptionalFile(join(dir, 'cache.bin'))).toEqual({ ok: true, data: bytes });
  });
});
