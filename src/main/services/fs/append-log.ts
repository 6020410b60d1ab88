import { open, type FileHandle } from 'node:fs/promises';

/**
 * The last byte of an append-only file; null when it does not exist or is empty. A crash can leave
 * a torn last line, so a log whose last byte is not "\n" is reopened on a fresh line.
 */
export async function lastByte(path: string): Promise<number | null> {
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
