import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Write a file so that a crash leaves either the old or the new content, never a torn mix:
 * temp file in the same folder, fsync, rename over the target, fsync the folder.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  return replaceAtomically(path, (handle) => handle.writeFile(data));
}

/** As writeFileAtomic, for content too large for one string: each line, then "\n", written in chunks of about 4 MB. */
export function writeLinesAtomic(path: string, lines: Iterable<string>): Promise<void> {
  return replaceAtomically(path, async (handle) => {
    let chunk = '';
    for (const line of lines) {
      chunk += `${line}\n`;
      if (chunk.length > 4 * 1024 * 1024) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    if (chunk) await handle.write(chunk);
  });
}

async function replaceAtomically(path: string, write: (handle: FileHandle) => Promise<unknown>): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(tmp, 'w', 0o600);
  try {
    await write(handle);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await syncDir(dir);
}

/**
 * Makes a rename or a new file's directory entry durable (Linux). Windows cannot open folders and
 * does not need it; anywhere else a failure is an error, never swallowed.
 */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A file's text, or undefined when it does not exist (any other failure is an error). */
export async function readTextFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A cache-like file: null when it does not exist, `{ok:false, reason}` when it exists but cannot be read. */
export type OptionalFile = { ok: true; data: Buffer } | { ok: false; reason: string } | null;

/** For files the app can do without (caches): a missing one is normal, any other failure is reported, not thrown. */
export async function readOptionalFile(path: string): Promise<OptionalFile> {
  try {
    return { ok: true, data: await readFile(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? null : { ok: false, reason: `unreadable (${code ?? 'error'})` };
  }
}

/** Read JSON, or return undefined when the file does not exist. A corrupt file is an error, not a silent reset. */
export async function readJsonFile(path: string): Promise<unknown> {
  const text = await readTextFile(path);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}
