import { writeSync } from 'node:fs';
import { readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { stagedKey, type StagedEdit } from '../../../shared/contract/staging';
import { writeFileAtomic } from '../fs/atomic-file';
import { openForAppend } from '../fs/append-log';
import { storeFileName } from '../fs/store-files';

/**
 * The staged edits of one store on disk: a snapshot (dataDir/staging/{storeId}.snapshot.json,
 * replaced atomically) plus an append-only log of operations since (…/{storeId}.jsonl), each
 * line written and fsync'd before the call that made it returns. Concurrent calls share one
 * write + datasync (group commit, as in jobs/journal.ts). Edits only: never a token.
 *
 * One operation is one line, applied as clear → del → put, so a reconcile that removes some keys
 * and annotates others is all-or-nothing. `rev` is the store's revision after the operation; a
 * replay skips what the snapshot already holds (a crash between snapshot and log truncation).
 */
export interface StagingOp {
  rev: number;
  clear?: true;
  del?: string[];
  put?: StagedEdit[];
}

export interface StagingSnapshot {
  version: 1;
  revision: number;
  edits: StagedEdit[];
}

export interface StagingPaths {
  log: string;
  snapshot: string;
}

export function stagingPaths(dataDir: string, storeId: string): StagingPaths {
  const safe = storeFileName(storeId);
  const dir = join(dataDir, 'staging');
  return { log: join(dir, `${safe}.jsonl`), snapshot: join(dir, `${safe}.snapshot.json`) };
}

export interface LoadedStaging {
  revision: number;
  edits: Map<string, StagedEdit>;
  /** Bytes and edit records in the log, for the compaction policy. */
  logBytes: number;
  logRecords: number;
}

export function applyOp(edits: Map<string, StagedEdit>, op: StagingOp): void {
  if (op.clear) edits.clear();
  for (const key of op.del ?? []) edits.delete(key);
  for (const edit of op.put ?? []) edits.set(stagedKey(edit), edit);
}

/** Snapshot + replay of the log. A torn or garbled line (crash mid-append) was never acknowledged: skipped. */
export async function loadStaging(paths: StagingPaths): Promise<LoadedStaging> {
  const snapshot = (await readText(paths.snapshot)) ?? '';
  const base = snapshot ? (JSON.parse(snapshot) as StagingSnapshot) : { version: 1, revision: 0, edits: [] };
  if (base.version !== 1 || !Array.isArray(base.edits)) throw new Error(`${paths.snapshot} is not a staging snapshot`);
  const edits = new Map<string, StagedEdit>(base.edits.map((e) => [stagedKey(e), e]));
  let revision = base.revision;
  const text = (await readText(paths.log)) ?? '';
  let logRecords = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let op: StagingOp;
    try {
      op = JSON.parse(line) as StagingOp;
    } catch {
      continue;
    }
    if (!op || typeof op.rev !== 'number') continue;
    logRecords += (op.put?.length ?? 0) + (op.del?.length ?? 0) + 1;
    if (op.rev <= revision) continue;
    applyOp(edits, op);
    revision = op.rev;
  }
  return { revision, edits, logBytes: Buffer.byteLength(text), logRecords };
}

export interface StagingLogOptions {
  paths: StagingPaths;
  /** Compact once the log is this big (default 4 MiB)… */
  compactBytes: number;
  /** …or holds this many times more edit records than are live (at least 1000). Default 10. */
  compactRatio: number;
  /** Sizes of the log as loaded. */
  logBytes: number;
  logRecords: number;
  /** The live set as it stands (including operations queued behind this flush; see compact). */
  snapshot(): StagingSnapshot;
  liveCount(): number;
  onCompactError(error: unknown): void;
}

export interface StagingLog {
  /** Resolves once the operation is on disk (written and datasync'd). */
  append(op: StagingOp): Promise<void>;
  close(): Promise<void>;
}

interface Waiter {
  line: string;
  records: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function openStagingLog(options: StagingLogOptions): StagingLog {
  const { paths } = options;
  let handle: FileHandle | null = null;
  let queue: Waiter[] = [];
  let flushing: Promise<void> | null = null;
  let bytes = options.logBytes;
  let records = options.logRecords;

  async function ensureOpen(): Promise<FileHandle> {
    if (handle) return handle;
    handle = await openForAppend(paths.log, { dirMode: 0o700 });
    return handle;
  }

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        const file = await ensureOpen();
        const text = batch.map((w) => w.line).join('');
        writeSync(file.fd, text);
        await file.datasync();
        bytes += Buffer.byteLength(text);
        records += batch.reduce((n, w) => n + w.records, 0);
        batch.forEach((w) => w.resolve());
      } catch (error) {
        batch.forEach((w) => w.reject(error));
        continue;
      }
      if (shouldCompact()) await compact().catch(options.onCompactError);
    }
    flushing = null;
  }

  function shouldCompact(): boolean {
    if (bytes > options.compactBytes) return true;
    return records > options.compactRatio * Math.max(options.liveCount(), 1000);
  }

  /**
   * The snapshot is taken from memory, which already holds the operations queued behind this
   * flush; they are written to the fresh log afterwards and skipped on load (rev ≤ snapshot).
   */
  async function compact(): Promise<void> {
    const file = await ensureOpen();
    await writeFileAtomic(paths.snapshot, JSON.stringify(options.snapshot()));
    await file.truncate(0);
    await file.datasync();
    bytes = 0;
    records = 0;
  }

  return {
    append(op) {
      const line = `${JSON.stringify(op)}\n`;
      const count = (op.put?.length ?? 0) + (op.del?.length ?? 0) + 1;
      return new Promise<void>((resolve, reject) => {
        queue.push({ line, records: count, resolve, reject });
        flushing ??= flush();
      });
    },
    async close() {
      await flushing;
      await handle?.close();
      handle = null;
    },
  };
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

