import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppendLog, parseJsonLines } from './append-log';
import { readTextFile, writeFileAtomic, writeLinesAtomic } from './atomic-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stockroom-fs-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const line = (n: number) => `${JSON.stringify({ n })}\n`;

describe('append log', () => {
  it('acknowledges concurrent appends once on disk, in call order, creating file and folder (0600)', async () => {
    const path = join(dir, 'deep', 'log.jsonl');
    const log = openAppendLog(path, { dirMode: 0o700 });
    await Promise.all(Array.from({ length: 200 }, (_, n) => log.append(line(n))));
    expect(parseJsonLines(await readFile(path, 'utf8'))).toEqual(Array.from({ length: 200 }, (_, n) => ({ n })));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'deep'))).mode & 0o777).toBe(0o700);
    await log.close();
  });

  it('continues after a torn last line on a fresh line: the torn one is skipped, the next record parses', async () => {
    const path = join(dir, 'log.jsonl');
    await appendFile(path, `${line(1)}{"n":2, "tor`);
    const log = openAppendLog(path);
    await log.append(line(3));
    await log.close();
    expect(parseJsonLines((await readTextFile(path))!)).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it('holds appends while an exclusive task has the file; they land in the file the task left', async () => {
    const path = join(dir, 'log.jsonl');
    const log = openAppendLog(path);
    await log.append(line(1));
    let during: Promise<void> | null = null;
    await log.exclusive(async () => {
      during = log.append(line(2));
      await new Promise((r) => setTimeout(r, 20));
      expect(await readTextFile(path)).toBe(line(1));
      await writeFileAtomic(path, ''); // what a compaction does
    });
    await during;
    await log.close();
    expect(await readTextFile(path)).toBe(line(2));
  });

  it('a failing exclusive task leaves the log writable', async () => {
    const path = join(dir, 'log.jsonl');
    const log = openAppendLog(path);
    await expect(log.exclusive(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await log.append(line(1));
    await log.close();
    expect(await readTextFile(path)).toBe(line(1));
  });
});

describe('atomic writes', () => {
  it('replace a file whole, and stream lines', async () => {
    const path = join(dir, 'a', 'file.txt');
    await writeFileAtomic(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readTextFile(path)).toBe('new');
    await writeLinesAtomic(path, ['x', 'y']);
    expect(await readTextFile(path)).toBe('x\ny\n');
    expect(await readTextFile(join(dir, 'missing'))).toBeUndefined();
  });
});
