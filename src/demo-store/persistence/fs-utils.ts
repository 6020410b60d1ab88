import { promises as fsp } from 'node:fs';
import path from 'node:path';

/** Write a file atomically: temp file, fsync, rename over the target, fsync the directory. */
export async function writeFileAtomic(file: string, data: string | Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const fh = await fsp.open(tmp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fsp.rename(tmp, file);
  await syncDir(path.dirname(file));
}

/** Stream lines into a file atomically (used for snapshots too large for one string). */
export async function writeLinesAtomic(file: string, lines: Iterable<string>): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const fh = await fsp.open(tmp, 'w');
  try {
    let buf: string[] = [];
    let size = 0;
    for (const line of lines) {
      buf.push(line);
      size += line.length;
      if (size > 4 * 1024 * 1024) {
        await fh.write(buf.join('\n') + '\n');
        buf = [];
        size = 0;
      }
    }
    if (buf.length) await fh.write(buf.join('\n') + '\n');
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fsp.rename(tmp, file);
  await syncDir(path.dirname(file));
}

export async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await fsp.open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the rename is still atomic there.
  }
}

export async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fsp.readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}
