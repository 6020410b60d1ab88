import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { TABLE_NAMES, type StoreDb, type TableName } from '../state/store-db';
import { applyChanges, type Change } from '../state/tx';
import { LOADABLE_SEED_VERSIONS, seedStore, SEED_VERSION, type SeedCounts } from '../seed';
import type { StoreProfile } from '../seed/profiles';
import { Journal, parseJournal, type JournalEntry } from './journal';
import { exists, readJson, writeFileAtomic, writeLinesAtomic } from './fs-utils';

/**
 * Persistence model: the seed is deterministic, so the data directory stores only the seed
 * parameters (manifest), a snapshot of the rows changed since seeding, and an append-only journal
 * of full-row changes since that snapshot. Start-up = seed + snapshot + journal replay.
 */
export interface StoreLoader {
  dbs: Map<string, StoreDb>;
  commit(storeHash: string, changes: Change[]): Promise<void>;
  close(): Promise<void>;
}

export interface LoadOptions {
  dataDir?: string;
  reset: boolean;
  seed: number | string;
  profiles: StoreProfile[];
  counts: SeedCounts;
  /** Journal size that triggers compaction into the snapshot. */
  compactBytes?: number;
}

interface Manifest {
  format: 1;
  seedVersion: number;
  seed: number | string;
  counts: SeedCounts;
  stores: string[];
}

const MANIFEST = 'manifest.json';
const SNAPSHOT = 'snapshot.ndjson';
const JOURNAL = 'journal.ndjson';

function seedAll(opts: LoadOptions, version = SEED_VERSION): Map<string, StoreDb> {
  return new Map(opts.profiles.map((p) => [p.hash, seedStore(p, opts.seed, opts.counts, version)]));
}

/**
 * A data dir made by an older generator that is still loadable keeps its data (and that
 * generator) until `--reset`: reseeding would silently drop the user's demo edits.
 */
function olderLoadable(existing: Manifest | undefined, wanted: Manifest): number | undefined {
  if (!existing || existing.seedVersion === wanted.seedVersion || !LOADABLE_SEED_VERSIONS.includes(existing.seedVersion)) return undefined;
  return JSON.stringify({ ...existing, seedVersion: wanted.seedVersion }) === JSON.stringify(wanted) ? existing.seedVersion : undefined;
}

export async function loadStores(opts: LoadOptions): Promise<StoreLoader> {
  if (!opts.dataDir) {
    const dbs = seedAll(opts);
    return { dbs, commit: () => Promise.resolve(), close: () => Promise.resolve() };
  }
  const dir = opts.dataDir;
  await fsp.mkdir(dir, { recursive: true });
  const manifest: Manifest = {
    format: 1, seedVersion: SEED_VERSION, seed: opts.seed, counts: opts.counts, stores: opts.profiles.map((p) => p.hash),
  };
  const existing = await readJson<Manifest>(path.join(dir, MANIFEST));
  const older = opts.reset ? undefined : olderLoadable(existing, manifest);
  if (older !== undefined) {
    console.warn(`[demo-store] ${dir} was seeded by generator version ${older}; keeping its data. Start with --reset for the current demo data.`);
  }
  const reusable = !opts.reset && existing !== undefined && (older !== undefined || JSON.stringify(existing) === JSON.stringify(manifest));
  if (!reusable) {
    if (existing && !opts.reset) {
      console.warn(`[demo-store] ${dir} was seeded with different parameters or generator version; reseeding.`);
    }
    await fsp.rm(path.join(dir, SNAPSHOT), { force: true });
    await fsp.rm(path.join(dir, JOURNAL), { force: true });
    await writeFileAtomic(path.join(dir, MANIFEST), JSON.stringify(manifest));
  }
  const dbs = seedAll(opts, older);
  const dirty = new Map<string, Map<TableName, Set<number>>>([...dbs.keys()].map((h) => [h, new Map()]));
  const replay = (entry: JournalEntry) => {
    const db = dbs.get(entry.s);
    if (!db) return;
    applyChanges(db, entry.ch);
    markDirty(dirty.get(entry.s)!, entry.ch);
  };
  await replayFile(path.join(dir, SNAPSHOT), replay);
  const journalFile = path.join(dir, JOURNAL);
  await replayFile(journalFile, replay, true);
  const compactBytes = opts.compactBytes ?? 64 * 1024 * 1024;
  // Compaction: rows changed since seeding go to a new snapshot, then the journal starts over.
  const journal = await Journal.open(journalFile, async (bytes) => {
    if (bytes < compactBytes) return;
    await writeLinesAtomic(path.join(dir, SNAPSHOT), snapshotLines(dbs, dirty));
    await journal.truncate();
  });
  return {
    dbs,
    commit: (hash, changes) => {
      markDirty(dirty.get(hash)!, changes);
      return journal.append({ s: hash, ch: changes });
    },
    close: () => journal.close(),
  };
}

async function replayFile(file: string, apply: (e: JournalEntry) => void, repairTail = false): Promise<void> {
  if (!(await exists(file))) return;
  const text = await fsp.readFile(file, 'utf8');
  const { entries, validBytes } = parseJournal(text);
  for (const e of entries) apply(e);
  // A crash can leave a half-written last line; cut it off so new appends start on a clean line.
  if (repairTail && validBytes < Buffer.byteLength(text)) await fsp.truncate(file, validBytes);
}

function markDirty(dirty: Map<TableName, Set<number>>, changes: readonly Change[]): void {
  for (const ch of changes) {
    if ('c' in ch) continue;
    let set = dirty.get(ch.t);
    if (!set) dirty.set(ch.t, (set = new Set()));
    set.add('v' in ch ? ch.v.id : 'p' in ch ? ch.id : ch.d);
  }
}

/** Current state of every row changed since seeding (deleted rows as deletes), plus counters. */
function* snapshotLines(dbs: Map<string, StoreDb>, dirty: Map<string, Map<TableName, Set<number>>>): Generator<string> {
  for (const [hash, db] of dbs) {
    const counters: Change[] = [...db.counters].map(([c, n]) => ({ c, n }));
    yield JSON.stringify({ s: hash, ch: counters });
    for (const t of TABLE_NAMES) {
      const ids = dirty.get(hash)!.get(t);
      if (!ids) continue;
      let chunk: Change[] = [];
      for (const id of ids) {
        const row = db.table(t).get(id);
        chunk.push(row ? { t, v: row } : { t, d: id });
        if (chunk.length === 500) {
          yield JSON.stringify({ s: hash, ch: chunk });
          chunk = [];
        }
      }
      if (chunk.length) yield JSON.stringify({ s: hash, ch: chunk });
    }
  }
}
