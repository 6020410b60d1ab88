import { join } from 'node:path';
import { stagedKey, type StagedEdit } from '../../../shared/contract/staging';
import { readTextFile, writeFileAtomic } from '../fs/atomic-file';
import { openAppendLog, parseJsonLines } from '../fs/append-log';
import { storeFileName } from '../fs/store-files';

/**
 * The staged edits of one store on disk: a snapshot (dataDir/staging/{storeId}.snapshot.json,
 * replaced atomically) plus an append-only log of operations since (…/{storeId}.jsonl), each
 * line written and fsync'd before the call that made it returns. Concurrent calls share one
 * write + datasync (group commit: fs/append-log.ts, as the job journal). Edits only: never a token.
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
  const snapshot = (await readTextFile(paths.snapshot)) ?? '';
  const base = snapshot ? (JSON.parse(snapshot) as StagingSnapshot) : { version: 1, revision: 0, edits: [] };
  if (base.version !== 1 || !Array.isArray(base.edits)) throw new Error(`${paths.snapshot} is not a staging snapshot`);
  const edits = new Map<string, StagedEdit>(base.edits.map((e) => [stagedKey(e), e]));
  let revision = base.revision;
  const text = (await readTextFile(paths.log)) ?? '';
  let logRecords = 0;
  for (const op of parseJsonLines(text) as StagingOp[]) {
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

export function openStagingLog(options: StagingLogOptions): StagingLog {
  const { paths } = options;
  const log = openAppendLog(paths.log, { dirMode: 0o700 });
  let bytes = options.logBytes;
  let records = options.logRecords;
  let compacting: Promise<void> | null = null;

  function shouldCompact(): boolean {
    if (bytes > options.compactBytes) return true;
    return records > options.compactRatio * Math.max(options.liveCount(), 1000);
  }

  /**
   * With appends held, the snapshot is taken from memory, which already holds every operation
   * acknowledged so far and those queued behind it (they go to the fresh log afterwards and are
   * skipped on load: rev ≤ snapshot). The log is then replaced by an empty file, atomically too.
   */
  function compact(): Promise<void> {
    return log.exclusive(async () => {
      await writeFileAtomic(paths.snapshot, JSON.stringify(options.snapshot()));
      await writeFileAtomic(paths.log, '');
      bytes = 0;
      records = 0;
    });
  }

  return {
    async append(op) {
      const line = `${JSON.stringify(op)}\n`;
      await log.append(line);
      bytes += Buffer.byteLength(line);
      records += (op.put?.length ?? 0) + (op.del?.length ?? 0) + 1;
      if (!compacting && shouldCompact()) {
        compacting = compact()
          .catch(options.onCompactError)
          .finally(() => (compacting = null));
      }
    },
    async close() {
      await compacting;
      await log.close();
    },
  };
}
