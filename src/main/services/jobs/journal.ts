import { writeSync } from 'node:fs';
import { readFile, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { openForAppend } from '../fs/append-log';
import { storeFileName } from '../fs/store-files';
import type { Entity, JsonValue } from './edit-schema';
import { archiveLive, type ArchiveOptions } from './journal-archive';

/**
 * The per-store change journal (dataDir/journals/{storeId}.jsonl): one JSON record per line,
 * appended and fsync'd before anyone is told the change happened.
 *
 * Every write request of a job is bracketed: an `intent` before it is sent, then exactly one of
 * `applied` (the rows the server took, with before and after values) or `settled` (nothing was
 * applied). An intent without either is a request whose outcome nobody saw: recovery asks the
 * server. Records from concurrent batches share one write + fsync (group commit).
 *
 * The live file is rotated into gzip archives beside it (journal-archive.ts) only at a point
 * where recovery needs none of its records (journal-upkeep.ts), so recovery reads the live file
 * alone; readJournalHistory (journal-history.ts) reads every segment.
 */
export interface IntentRow {
  id: number;
  productId?: number;
  /** field → edit index and values. */
  fields: Record<string, { edit: number; from: JsonValue; to: JsonValue }>;
}

export interface AppliedRow {
  id: number;
  productId?: number;
  edits: number[];
  /** What the store had before (read by the conflict check) and what it has now. */
  before: Record<string, JsonValue>;
  after: Record<string, JsonValue>;
}

export type JournalRecord =
  | { type: 'intent'; job: string; batch: string; at: string; entity: Entity; rows: IntentRow[] }
  | {
      type: 'applied';
      job: string;
      batch: string;
      at: string;
      entity: Entity;
      /** response: the server said 200; verified/recovered: an unanswered request, checked by reading back. */
      via: 'response' | 'verified' | 'recovered';
      rows: AppliedRow[];
    }
  | { type: 'settled'; job: string; batch: string; at: string; outcome: 'rejected' | 'failed' | 'not_applied'; message?: string };

export type IntentRecord = Extract<JournalRecord, { type: 'intent' }>;

export interface Journal {
  readonly path: string;
  /** Resolves once the records are on disk (written and fsync'd). */
  append(records: readonly JournalRecord[]): Promise<void>;
  /** Open (and create) the file ahead of the first append, off the job's critical path. */
  prepare(): Promise<void>;
  /** Bytes in the live file (0 when it does not exist yet). */
  size(): Promise<number>;
  /**
   * Moves the live file into a gzip archive and returns the archive's path (null: nothing moved).
   * Waits for the writes in flight and holds new appends until done; they then go to a fresh
   * file. On failure the live file is left as it was and appends carry on into it.
   */
  rotate(options: RotateOptions): Promise<string | null>;
  close(): Promise<void>;
}

export interface RotateOptions {
  now: number;
  /** Asked with the file closed and appends held: false leaves the file as it is. */
  when?: (path: string) => Promise<boolean>;
}

/** Keyed by store profile id: one hash on two origins is two stores (migrate-data-dir.ts moved the hash-keyed files). */
export function journalPath(dataDir: string, storeId: string): string {
  return join(journalsDir(dataDir), `${storeFileName(storeId)}.jsonl`);
}

export const journalsDir = (dataDir: string): string => join(dataDir, 'journals');

interface Waiter {
  lines: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function openJournal(path: string, options: ArchiveOptions = {}): Journal {
  let handle: FileHandle | null = null;
  let queue: Waiter[] = [];
  let flushing: Promise<void> | null = null;
  let opening: Promise<FileHandle> | null = null;
  /** Set while a rotation has the file: opening and writing wait for it (it never rejects). */
  let held: Promise<void> | null = null;
  let rotations: Promise<unknown> = Promise.resolve();

  async function ensureOpen(): Promise<FileHandle> {
    while (held) await held;
    if (handle) return handle;
    opening ??= openFile().finally(() => (opening = null));
    return opening;
  }

  async function openFile(): Promise<FileHandle> {
    handle = await openForAppend(path);
    return handle;
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
        writeSync(file.fd, batch.map((w) => w.lines).join(''));
        await file.datasync();
        batch.forEach((w) => w.resolve());
      } catch (error) {
        batch.forEach((w) => w.reject(error));
      }
    }
    flushing = null;
  }

  async function rotateNow({ now, when }: RotateOptions): Promise<string | null> {
    // Appends arriving while the file is being opened or flushed join that flush; once both are
    // idle, `held` is set before anything else can run, so no write lands in a moved file.
    while (opening || flushing) await Promise.allSettled([opening, flushing]);
    let release = () => {};
    held = new Promise<void>((resolve) => (release = resolve));
    try {
      const file = handle;
      handle = null;
      await file?.close();
      if (when && !(await when(path))) return null;
      return await archiveLive(path, now, options);
    } finally {
      held = null;
      release();
    }
  }

  return {
    path,
    append(records) {
      if (records.length === 0) return Promise.resolve();
      const lines = records.map((r) => `${JSON.stringify(r)}\n`).join('');
      return new Promise<void>((resolve, reject) => {
        queue.push({ lines, resolve, reject });
        flushing ??= flush();
      });
    },
    prepare: () => ensureOpen().then(() => undefined),
    size: () =>
      stat(path).then(
        (s) => s.size,
        (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 0 : Promise.reject(error)),
      ),
    rotate(rotateOptions) {
      const task = rotations.then(() => rotateNow(rotateOptions));
      rotations = task.catch(() => {});
      return task;
    },
    async close() {
      await rotations;
      await opening?.catch(() => {});
      await flushing;
      await handle?.close();
      handle = null;
    },
  };
}

/** The live file's complete records (not the archives: see readJournalHistory). */
export async function readJournal(path: string): Promise<JournalRecord[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return parseJournal(text);
}

/** Every complete record; a torn or garbled line (crash mid-write) is skipped, not fatal. */
export function parseJournal(text: string): JournalRecord[] {
  const records: JournalRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const record = JSON.parse(line) as JournalRecord;
      if (record && typeof record === 'object' && typeof record.type === 'string') records.push(record);
    } catch {
      // Only the last line can be torn (appends are sequential); it was never acknowledged.
    }
  }
  return records;
}
