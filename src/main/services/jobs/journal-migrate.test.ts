import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { composeApp } from '../../compose';
import { createKeychain } from '../secrets/keychain';
import { writeProfiles, type StoredProfile } from '../stores/profiles-file';
import { writeDefinition, writeState } from './job-files';
import { JobRecord, type JobDefinition } from './job-record';
import { openJournal, type JournalRecord } from './journal';
import { readJournalHistory } from './journal-history';
import { legacyJournalsDir, migrateHashJournals } from './journal-migrate';

const SHARED = 'sharedhash';
const PROFILES: StoredProfile[] = [
  { id: 'st-aaaa', name: 'Sandbox', storeHash: SHARED, apiOrigin: 'http://127.0.0.1:1', color: '#2563eb', demoIndex: null, connection: null },
  { id: 'st-bbbb', name: 'Production', storeHash: SHARED, apiOrigin: 'http://127.0.0.1:2', color: '#d97706', demoIndex: null, connection: null },
  { id: 'st-cccc', name: 'Other', storeHash: 'onlyhash', apiOrigin: 'http://127.0.0.1:3', color: '#059669', demoIndex: null, connection: null },
];
const JOBS = { a: 'ja-0000000a', b: 'jb-0000000b', c: 'jc-0000000c' };
const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'stockroom-migrate-'));
  dirs.push(dir);
  return dir;
};

const settled = (job: string, n: number): JournalRecord[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'settled', job, batch: `${job}.${i}`, at: new Date(T0).toISOString(), outcome: 'not_applied' }));

/** A data dir as the release before profile-id keying wrote it, through that release's own writers. */
async function legacyDataDir(): Promise<string> {
  const dataDir = await tempDir();
  await writeProfiles(dataDir, { version: 1, activeStoreId: 'st-aaaa', profiles: PROFILES });
  for (const [key, id] of Object.entries(JOBS)) {
    const storeId = { a: 'st-aaaa', b: 'st-bbbb', c: 'st-cccc' }[key]!;
    const def: JobDefinition = { version: 1, id, storeId, storeHash: key === 'c' ? 'onlyhash' : SHARED, title: `job ${key}`, kind: 'edit', createdAt: new Date(T0).toISOString(), edits: [{ entity: 'product', id: 1, field: 'price', from: '1.00', to: '2.00' }] };
    await writeDefinition(dataDir, def);
    await writeState(dataDir, new JobRecord(def));
  }
  const legacy = (hash: string) => join(legacyJournalsDir(dataDir), `${hash}.jsonl`);
  const shared = openJournal(legacy(SHARED));
  await shared.append([...settled(JOBS.a, 2), ...settled(JOBS.b, 3), ...settled('jz-0000000f', 1)]);
  expect(await shared.rotate({ now: T0 })).toMatch(/sharedhash\.20250115T120000Z\.jsonl\.gz$/);
  await shared.append([...settled(JOBS.b, 2), ...settled(JOBS.a, 1)]);
  await shared.close();
  for (const [hash, records] of [['onlyhash', settled(JOBS.c, 4)], ['gonehash', settled('jg-00000001', 1)]] as const) {
    const journal = openJournal(legacy(hash));
    await journal.append(records);
    await journal.close();
  }
  // An archive a crash left half-written: its source is still there, so it only goes.
  await writeFile(join(legacyJournalsDir(dataDir), `${SHARED}.20250115T120000Z.jsonl.gz.0a1b2c.tmp`), 'half');
  return dataDir;
}

/** Every journal file by relative path, gzip opened, so two data dirs compare by content. */
async function journalFiles(dataDir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const folder of ['journal', 'journals']) {
    const names = await readdir(join(dataDir, folder)).catch(() => [] as string[]);
    for (const name of names) {
      const raw = await readFile(join(dataDir, folder, name));
      out[relative(dataDir, join(dataDir, folder, name))] = name.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
    }
  }
  return out;
}

const jobsOf = async (dataDir: string, storeId: string) => (await readJournalHistory(dataDir, storeId)).map((r) => r.job);

describe('journals keyed by store hash move to the profile id', () => {
  it('moves a hash with one profile, splits a shared hash by job owner, leaves a removed store’s journal', async () => {
    const dataDir = await legacyDataDir();
    await migrateHashJournals(dataDir, PROFILES, () => {});
    expect(Object.keys(await journalFiles(dataDir)).sort()).toEqual([
      'journal/gonehash.jsonl',
      'journals/st-aaaa.20250115T120000Z.jsonl.gz',
      'journals/st-aaaa.jsonl',
      'journals/st-bbbb.20250115T120000Z.jsonl.gz',
      'journals/st-bbbb.jsonl',
      'journals/st-cccc.jsonl',
    ]);
    // Order kept within each store; a record of no known job stays with the first profile (whose token the old release used).
    expect(await jobsOf(dataDir, 'st-aaaa')).toEqual([JOBS.a, JOBS.a, 'jz-0000000f', JOBS.a]);
    expect(await jobsOf(dataDir, 'st-bbbb')).toEqual([JOBS.b, JOBS.b, JOBS.b, JOBS.b, JOBS.b]);
    expect(await jobsOf(dataDir, 'st-cccc')).toEqual(Array(4).fill(JOBS.c));
  });

  it('is idempotent, and a run cut off half-way ends as a clean one', async () => {
    const clean = await legacyDataDir();
    await migrateHashJournals(clean, PROFILES, () => {});
    const expected = await journalFiles(clean);
    await migrateHashJournals(clean, PROFILES, () => {});
    expect(await journalFiles(clean)).toEqual(expected);

    // Cut off after the single-profile rename and one half of a split, its source not yet removed.
    const cut = await legacyDataDir();
    await mkdir(join(cut, 'journals'));
    await rename(join(cut, 'journal', 'onlyhash.jsonl'), join(cut, 'journals', 'st-cccc.jsonl'));
    await cp(join(clean, 'journals', 'st-aaaa.20250115T120000Z.jsonl.gz'), join(cut, 'journals', 'st-aaaa.20250115T120000Z.jsonl.gz'));
    await migrateHashJournals(cut, PROFILES, () => {});
    expect(await journalFiles(cut)).toEqual(expected);
  });

  it('runs when the app starts: jobs load and read their journal under the profile id', async () => {
    const dataDir = await legacyDataDir();
    const noKeychain = createKeychain({ findCredentials: () => Promise.reject(new Error('no keychain in this test')) } as never, 'StockroomMigrateTest');
    const app = await composeApp({ dataDir, mode: 'browser', strict: true, demoStores: [], keychain: noKeychain, log: () => {} });
    try {
      expect(await readdir(join(dataDir, 'journals'))).toContain('st-bbbb.jsonl');
      expect(app.services.jobs.list('st-bbbb').map((j) => j.id)).toEqual([JOBS.b]);
      expect(app.services.jobs.list('st-aaaa').map((j) => j.id)).toEqual([JOBS.a]);
    } finally {
      await app.close();
    }
  });
});
