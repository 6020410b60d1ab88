import { appendFile, mkdtemp, readdir, readFile, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../bigcommerce';
import type { JobEntry } from './job-entry';
import { archiveStamp, listSegments, pruneArchives } from './journal-archive';
import { readJournalHistory } from './journal-history';
import { DEFAULT_JOURNAL_POLICY, safePoint, type UpkeepDeps } from './journal-upkeep';
import { journalPath, openJournal, parseJournal, readJournal, type Journal, type JournalRecord } from './journal';

/** Journal rotation, history and retention on real files (the jobs-service side is in jobs-rotation.test.ts). */
let dataDir: string;
let live: string;
let journal: Journal | undefined;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'stockroom-rotation-'));
  live = journalPath(dataDir, 'abc123');
});
afterEach(async () => {
  await journal?.close();
  journal = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

const DAY = 24 * 3600 * 1000;
const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);

/** An intent and its outcome: a closed pair, as a finished batch leaves them. */
function batch(job: string, n: number): JournalRecord[] {
  const at = new Date(T0).toISOString();
  return [
    { type: 'intent', job, batch: `b${n}`, at, entity: 'product', rows: [{ id: n, fields: { price: { edit: n, from: '1.00', to: '2.00' } } }] },
    { type: 'applied', job, batch: `b${n}`, at, entity: 'product', via: 'response', rows: [{ id: n, edits: [n], before: { price: '1.00' }, after: { price: '2.00' } }] },
  ];
}

async function appendBatches(target: Journal, job: string, from: number, count: number): Promise<JournalRecord[]> {
  const records = Array.from({ length: count }, (_, i) => batch(job, from + i)).flat();
  await target.append(records);
  return records;
}

const journalFiles = async () => (await readdir(join(dataDir, 'journals'))).sort();

describe('journal rotation', () => {
  it('moves the live file into a gzip archive holding exactly its records; the next append starts a fresh file', async () => {
    journal = openJournal(live);
    const first = await appendBatches(journal, 'j1', 1, 50);
    const archive = await journal.rotate({ now: T0 });
    expect(archive).toBe(join(dataDir, 'journals', `abc123.${archiveStamp(T0)}.jsonl.gz`));
    expect(archiveStamp(T0)).toBe('20250115T120000Z');
    expect(await journalFiles()).toEqual(['abc123.20250115T120000Z.jsonl.gz']);
    expect(parseJournal(gunzipSync(await readFile(archive!)).toString('utf8'))).toEqual(first);
    expect(await readJournal(live)).toEqual([]);

    const second = await appendBatches(journal, 'j2', 100, 3);
    expect(await readJournal(live)).toEqual(second);
    expect(await readJournalHistory(dataDir, 'abc123')).toEqual([...first, ...second]);
    expect(await journal.size()).toBe((await readFile(live)).length);
  });

  it('holds appends that arrive while it rotates and writes them to the fresh file, losing none', async () => {
    journal = openJournal(live);
    const first = appendBatches(journal, 'j1', 1, 20);
    let during: Promise<JournalRecord[]> | undefined;
    const archive = await journal.rotate({
      now: T0,
      when: async () => {
        during = appendBatches(journal!, 'j1', 21, 20);
        // Time enough for an unguarded append to reopen the file about to be moved, and write to it.
        await new Promise((resolve) => setTimeout(resolve, 50));
        return true;
      },
    });
    expect(parseJournal(gunzipSync(await readFile(archive!)).toString('utf8'))).toEqual(await first);
    const held = await during!;
    expect(await readJournal(live)).toEqual(held);
  });

  it('waits for the writes in flight: a burst around a rotation lands once, in order', async () => {
    journal = openJournal(live);
    const before = appendBatches(journal, 'j1', 1, 20);
    const rotated = journal.rotate({ now: T0 });
    const after = appendBatches(journal, 'j1', 21, 20);
    const [a, archive, b] = await Promise.all([before, rotated, after]);
    const archived = parseJournal(gunzipSync(await readFile(archive!)).toString('utf8'));
    expect([...archived, ...(await readJournal(live))]).toEqual([...a, ...b]);
    expect(archived.length).toBeGreaterThanOrEqual(a.length);
    expect(await readJournalHistory(dataDir, 'abc123')).toEqual([...a, ...b]);
  });

  it('does nothing when the live file is empty or missing, or when asked not to', async () => {
    journal = openJournal(live);
    expect(await journal.rotate({ now: T0 })).toBeNull();
    const records = await appendBatches(journal, 'j1', 1, 2);
    expect(await journal.rotate({ now: T0, when: async () => false })).toBeNull();
    await journal.append(batch('j1', 3));
    expect(await readJournal(live)).toEqual([...records, ...batch('j1', 3)]);
    expect(await journalFiles()).toEqual(['abc123.jsonl']);
  });

  it('names archives so name order is history order, even in the same second or with the clock stepped back', async () => {
    journal = openJournal(live);
    const written: JournalRecord[] = [];
    for (const now of [T0, T0 + 200, T0 - DAY, T0 + DAY]) {
      written.push(...(await appendBatches(journal, 'j1', written.length, 1)));
      await journal.rotate({ now });
    }
    expect(await journalFiles()).toEqual([
      'abc123.20250115T120000Z.1.jsonl.gz',
      'abc123.20250115T120000Z.2.jsonl.gz',
      'abc123.20250115T120000Z.jsonl.gz',
      'abc123.20250116T120000Z.jsonl.gz',
    ]);
    expect((await listSegments(live)).map((s) => [s.stamp, s.seq])).toEqual([
      ['20250115T120000Z', 0],
      ['20250115T120000Z', 1],
      ['20250115T120000Z', 2],
      ['20250116T120000Z', 0],
    ]);
    expect(await readJournalHistory(dataDir, 'abc123')).toEqual(written);
  });

  it('leaves the live journal intact and writable when moving it aside fails', async () => {
    journal = openJournal(live, { rename: async () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })) });
    const records = await appendBatches(journal, 'j1', 1, 5);
    await expect(journal.rotate({ now: T0 })).rejects.toThrow(/EACCES/);
    const more = await appendBatches(journal, 'j1', 6, 1);
    expect(await readJournal(live)).toEqual([...records, ...more]);
    expect(await journalFiles()).toEqual(['abc123.jsonl']);
  });

  it('moves the file back when the archive cannot take its name, and a later rotation archives everything once', async () => {
    let failArchive = true;
    journal = openJournal(live, {
      async rename(from, to) {
        if (failArchive && to.endsWith('.jsonl.gz')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        await rename(from, to);
      },
    });
    const records = await appendBatches(journal, 'j1', 1, 5);
    await expect(journal.rotate({ now: T0 })).rejects.toThrow(/ENOSPC/);
    // No half archive, no temp file, no moved-aside segment: just the live file, still taking appends.
    expect(await journalFiles()).toEqual(['abc123.jsonl']);
    const more = await appendBatches(journal, 'j1', 6, 1);
    expect(await readJournal(live)).toEqual([...records, ...more]);

    failArchive = false;
    expect(await journal.rotate({ now: T0 + 1000 })).toMatch(/abc123\.20250115T120001Z\.jsonl\.gz$/);
    expect(await readJournalHistory(dataDir, 'abc123')).toEqual([...records, ...more]);
  });
});

describe('journal history', () => {
  it('reads a moved-aside segment a crash left uncompressed, and tolerates torn last lines', async () => {
    journal = openJournal(live);
    const first = await appendBatches(journal, 'j1', 1, 3);
    await journal.close();
    // As if the app died between moving the live file aside and compressing it.
    await rename(live, join(dataDir, 'journals', 'abc123.20250115T120000Z.jsonl'));
    await appendFile(join(dataDir, 'journals', 'abc123.20250115T120000Z.jsonl'), '{"type":"intent","job":"j1","ba');
    const second = await appendBatches(journal, 'j1', 4, 1);
    await appendFile(live, '{"type":"app');
    expect(await readJournalHistory(dataDir, 'abc123')).toEqual([...first, ...second]);

    // The next tidy-up compresses it; the history reads the same.
    await pruneArchives(live, { now: T0, keepMs: DAY, keepBytes: 1e9 });
    expect(await journalFiles()).toEqual(['abc123.20250115T120000Z.jsonl.gz', 'abc123.jsonl']);
    expect(await readJournalHistory(dataDir, 'abc123')).toEqual([...first, ...second]);
  });

  it('gives the records before the cut of a truncated archive', async () => {
    journal = openJournal(live);
    const records = await appendBatches(journal, 'j1', 1, 200);
    const archive = (await journal.rotate({ now: T0 }))!;
    const { length } = await readFile(archive);
    await truncate(archive, Math.floor(length / 2));
    const read = await readJournalHistory(dataDir, 'abc123');
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThan(records.length);
    expect(read).toEqual(records.slice(0, read.length));
  });

  it('keeps other stores and foreign files out of a store’s history', async () => {
    journal = openJournal(live);
    const mine = await appendBatches(journal, 'j1', 1, 1);
    await journal.rotate({ now: T0 });
    const other = openJournal(journalPath(dataDir, 'abc1234'));
    await appendBatches(other, 'j9', 1, 1);
    await other.rotate({ now: T0 });
    await other.close();
    await writeFile(join(dataDir, 'journals', 'abc123.notes.jsonl.gz'), 'not an archive');
    expect(await readJournalHistory(dataDir, 'abc123')).toEqual(mine);
  });
});

describe('journal retention', () => {
  /** One archive per day, day 0 oldest, each about the same size. */
  async function archivesOver(days: number): Promise<void> {
    journal = openJournal(live);
    for (let day = 0; day < days; day++) {
      await appendBatches(journal, `day${day}`, 1, 40);
      await journal.rotate({ now: T0 + day * DAY });
    }
  }

  const stamps = async () => (await listSegments(live)).map((s) => s.stamp.slice(0, 8));

  it('deletes archives older than the age limit', async () => {
    await archivesOver(5);
    const deleted = await pruneArchives(live, { now: T0 + 4 * DAY, keepMs: 2 * DAY, keepBytes: 1e9 });
    expect(deleted.map((stem) => stem.slice(-16, -8))).toEqual(['20250115', '20250116']);
    expect(await stamps()).toEqual(['20250117', '20250118', '20250119']);
  });

  it('deletes the oldest archives beyond the size limit', async () => {
    await archivesOver(5);
    const sizes = (await listSegments(live)).map((s) => s.bytes);
    // Room for the newest two and most of a third.
    const keepBytes = sizes[4]! + sizes[3]! + sizes[2]! - 1;
    await pruneArchives(live, { now: T0 + 4 * DAY, keepMs: 365 * DAY, keepBytes });
    expect(await stamps()).toEqual(['20250118', '20250119']);
    expect((await readJournalHistory(dataDir, 'abc123')).map((r) => r.job)).toEqual([...Array(80).fill('day3'), ...Array(80).fill('day4')]);
  });

  it('leaves the live file alone and removes temp files a crash left', async () => {
    await archivesOver(1);
    const records = await appendBatches(journal!, 'live', 1, 2);
    await writeFile(join(dataDir, 'journals', 'abc123.20250115T120000Z.jsonl.gz.0a1b2c.tmp'), 'half an archive');
    await pruneArchives(live, { now: T0 + 365 * DAY, keepMs: DAY, keepBytes: 0 });
    expect(await journalFiles()).toEqual(['abc123.jsonl']);
    expect(await readJournal(live)).toEqual(records);
  });
});

describe('journal safe point', () => {
  const entry = (id: string, atRest: boolean, storeId = 'abc123') => ({ id, storeId, atRest: () => atRest }) as unknown as JobEntry;
  const deps = (jobs: JobEntry[], recovered: boolean): UpkeepDeps => ({
    clock: systemClock,
    policy: DEFAULT_JOURNAL_POLICY,
    journalFor: () => {
      throw new Error('not used');
    },
    jobs: () => jobs,
    recovered: () => recovered,
  });
  const closed = [...batch('j1', 1), ...batch('j2', 2)];

  it('holds when every intent has its outcome and every job named is at rest', () => {
    expect(safePoint(deps([entry('j1', true), entry('j2', true)], false), 'abc123', closed)).toBe(true);
  });

  it('fails on an open intent, a job not at rest, or (before recover) a job the service does not hold', () => {
    expect(safePoint(deps([entry('j1', true)], true), 'abc123', [...closed, batch('j1', 3)[0]!])).toBe(false);
    expect(safePoint(deps([entry('j1', true), entry('j2', false)], false), 'abc123', closed)).toBe(false);
    // A job of the store that is not at rest blocks even if the file does not name it yet.
    expect(safePoint(deps([entry('j1', true), entry('j2', true), entry('j3', false)], false), 'abc123', closed)).toBe(false);
    expect(safePoint(deps([entry('j1', true), entry('j3', false, 'other')], true), 'abc123', closed)).toBe(true);
    expect(safePoint(deps([entry('j1', true)], false), 'abc123', closed)).toBe(false);
    expect(safePoint(deps([entry('j1', true)], true), 'abc123', closed)).toBe(true);
  });
});
