import { writeSync } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDir } from './atomic-file';

/**
 * An append-only, fsync'd log of text records (one JSON line each, for the job journal and the
 * staging log). An append resolves once its bytes are on disk; appends that arrive while a write
 * + fdatasync is in flight share the next one (group commit). Rotation and compaction go through
 * exclusive(): the file is closed and appends are held until the task is done, then they go to
 * whatever file is at the path by then (the next append opens it afresh).
 */
export interface AppendLog {
  readonly path: string;
  /** Resolves once `text` is written and fdatasync'd. */
  append(text: string): Promise<void>;
  /** Opens (and creates) the file ahead of the first append, off the caller's critical path. */
  prepare(): Promise<void>;
  /**
   * Runs `task` with no write in flight, the file closed and new appends held; they resume when
   * it settles (also when it fails). Tasks run one at a time, in call order.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface Waiter {
  text: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function openAppendLog(path: string, options: { dirMode?: number } = {}): AppendLog {
  let handle: FileHandle | null = null;
  let queue: Waiter[] = [];
  let flushing: Promise<void> | null = null;
  let opening: Promise<FileHandle> | null = null;
  /** Set while an exclusive task has the file: opening and writing wait for it (it never rejects). */
  let held: Promise<void> | null = null;
  let exclusives: Promise<unknown> = Promise.resolve();

  async function ensureOpen(): Promise<FileHandle> {
    while (held) await held;
    if (handle) return handle;
    opening ??= openForAppend(path, options)
      .then((file) => (handle = file))
      .finally(() => (opening = null));
    return opening;
  }

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        const file = await ensureOpen();
        // A synchronous append only copies a few kB into the page cache; it saves a thread-pool
        // round trip per flush, and the thread pool is where fsyncs queue. datasync is enough
        // for an append: it flushes the data and the size needed to read it back.
        writeSync(file.fd, batch.map((w) => w.text).join(''));
        await file.datasync();
        batch.forEach((w) => w.resolve());
      } catch (error) {
        batch.forEach((w) => w.reject(error));
      }
    }
    flushing = null;
  }

  async function exclusiveNow<T>(task: () => Promise<T>): Promise<T> {
    // Appends arriving while the file is being opened or flushed join that flush; once both are
    // idle, `held` is set before anything else can run, so no write lands in a moved file.
    while (opening || flushing) await Promise.allSettled([opening, flushing]);
    let release = () => {};
    held = new Promise<void>((resolve) => (release = resolve));
    try {
      const file = handle;
      handle = null;
      await file?.close();
      return await task();
    } finally {
      held = null;
      release();
    }
  }

  return {
    path,
    append(text) {
      if (text === '') return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        queue.push({ text, resolve, reject });
        flushing ??= flush();
      });
    },
    prepare: () => ensureOpen().then(() => undefined),
    exclusive(task) {
      const run = exclusives.then(() => exclusiveNow(task));
      exclusives = run.catch(() => {});
      return run;
    },
    async close() {
      await exclusives;
      await opening?.catch(() => {});
      await flushing;
      await handle?.close();
      handle = null;
    },
  };
}

/**
 * Every complete record of a log's text. A crash can tear the last line (it was never
 * acknowledged); openForAppend starts the next record on a fresh line, so a torn or garbled
 * line is skipped, never fatal.
 */
export function parseJsonLines(text: string): unknown[] {
  const records: unknown[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      // torn tail (see above)
    }
  }
  return records;
}

/**
 * Opens a log for appending (creating it and its folder, file mode 0600). After a torn last line
 * the file continues on a fresh line, so the torn one stays a line of its own (skipped on load)
 * and the next record parses. A new file's directory entry is fsync'd.
 */
async function openForAppend(path: string, options: { dirMode?: number }): Promise<FileHandle> {
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
