import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openAppendLog, parseJsonLines } from '../fs/append-log';
import { readTextFile } from '../fs/atomic-file';
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

export function openJournal(path: string, options: ArchiveOptions = {}): Journal {
  const log = openAppendLog(path);
  return {
    path,
    append: (records) => log.append(records.map((r) => `${JSON.stringify(r)}\n`).join('')),
    prepare: () => log.prepare(),
    size: () =>
      stat(path).then(
        (s) => s.size,
        (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 0 : Promise.reject(error)),
      ),
    rotate: ({ now, when }) =>
      log.exclusive(async () => {
        if (when && !(await when(path))) return null;
        return archiveLive(path, now, options);
      }),
    close: () => log.close(),
  };
}

/** The live file's complete records (not the archives: see readJournalHistory). */
export async function readJournal(path: string): Promise<JournalRecord[]> {
  return parseJournal((await readTextFile(path)) ?? '');
}

/** Every complete record; a torn or garbled line (crash mid-write) is skipped, not fatal. */
export function parseJournal(text: string): JournalRecord[] {
  return parseJsonLines(text).filter((r): r is JournalRecord => !!r && typeof r === 'object' && typeof (r as JournalRecord).type === 'string');
}
