import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';

/**
 * Bytes of images added by URL, by content hash ("<sha256>.<ext>"): what the store's CDN serves for
 * them. In memory, and under `<dataDir>/blobs/` when the demo store persists, written before the
 * image row is acknowledged. Seeded images have no blob: their pictures are generated.
 */
export class BlobStore {
  private readonly memory = new Map<string, Buffer>();

  constructor(private readonly dir: string | undefined) {}

  async put(bytes: Buffer, ext: string): Promise<string> {
    const key = `${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
    if (this.memory.has(key)) return key;
    if (this.dir) {
      await mkdir(this.dir, { recursive: true });
      const file = path.join(this.dir, key);
      await writeFile(`${file}.tmp`, bytes);
      await rename(`${file}.tmp`, file);
    }
    this.memory.set(key, bytes);
    return key;
  }

  async get(key: string): Promise<Buffer | undefined> {
    const hit = this.memory.get(key);
    if (hit || !this.dir || !/^[0-9a-f]{64}\.[a-z]{3,4}$/.test(key)) return hit;
    try {
      const bytes = await readFile(path.join(this.dir, key));
      this.memory.set(key, bytes);
      return bytes;
    } catch {
      return undefined;
    }
  }
}
