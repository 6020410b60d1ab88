import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDir } from './atomic-file';

/**
 * Opens an append-only log (creating it and its folder, file mode 0600). A crash can leave a torn
 * last line: the file then continues on a fresh line, so the torn one stays a line of its own
 * (skipped on load) and the next record parses. A new file's directory entry is fsync'd.
 */
export async function openForAppend(path: string, options: { dirMode?: number } = {}): Promise<FileHandle> {
  await mkdir(dirname(path), { recursive: true, ...(options.dirMode !== undefined ? { mode: options.dirMode } : {}) });
  const last = await lastByte(path);
  const file = await open(path, 'a', 0o600);
  if (last !== null && last !== 0x0a) await file.write('\n');
  if (last === null) await syncDir(dirname(path));
  return file;
}

/** The last byte of a file; null when it does not exist or is empty. */
async function lastByte(path: string): Promise<number | null> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { size } = await file.stat();
    if (size === 0) return null;
    const { buffer } = await file.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer[0] ?? null;
  } finally {
    await file.close();
  }
}
