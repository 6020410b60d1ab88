import { mkdir, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { constants, gunzip, gzip } from 'node:zlib';
import { readJsonFile, syncDir, writeFileAtomic } from '../fs/atomic-file';
import { jobsDir, listJobIds } from './job-files';
import { journalPath, journalsDir, parseJournal, type JournalRecord } from './journal';

const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);

/** Where releases before profile-id keying kept the journals: journal/{storeHash}[.{stamp}].jsonl[.gz]. */
export const legacyJournalsDir = (dataDir: string): string => join(dataDir, 'journal');

export interface ProfileKey {
  id: string;
  storeHash: string;
}

/**
 * Moves the journals keyed by store hash to their profile's id (journals/{storeId}…), once, at
 * start, before recovery reads them. Every step is a rename or an atomic write followed by the
 * removal of its source, so a crash anywhere leaves files that the next start moves again with the
 * same result. A hash that two profiles share (one hash on two origins) is split by the profile
 * each record's job belongs to; records of no known job go to the first of them, the profile the
 * old release resolved that hash to. A hash no profile has any more (a removed store) stays where
 * it is.
 */
export async function migrateHashJournals(dataDir: string, profiles: readonly ProfileKey[], log: (line: string) => void): Promise<void> {
  const legacy = legacyJournalsDir(dataDir);
  const names = await readdir(legacy).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
  if (!names) return;
  await mkdir(journalsDir(dataDir), { recursive: true, mode: 0o700 });
  const owners = ownersByHash(profiles);
  let jobOwner: Map<string, string> | null = null;
  for (const name of names.sort()) {
    const from = join(legacy, name);
    // An archive being written when the old release stopped: the live file or plain segment it came from is still there.
    if (name.endsWith('.tmp')) {
      await rm(from, { force: true });
      continue;
    }
    const hash = name.slice(0, Math.max(0, name.indexOf('.')));
    const rest = name.slice(hash.length);
    const ids = owners.get(hash);
    if (!ids) continue;
    if (ids.length === 1) await rename(from, target(dataDir, ids[0]!, rest));
    else await split(dataDir, from, rest, ids, (jobOwner ??= await readJobOwners(dataDir)));
  }
  await syncDir(journalsDir(dataDir));
  await syncDir(legacy);
  const left = await readdir(legacy);
  if (left.length === 0) await rmdir(legacy);
  else log(`[jobs] ${left.length} journal file(s) of removed stores stay in ${legacy}`);
}

function ownersByHash(profiles: readonly ProfileKey[]): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const p of profiles) owners.set(p.storeHash, [...(owners.get(p.storeHash) ?? []), p.id]);
  return owners;
}

/** journals/{storeId}{rest}: rest is ".jsonl", or an archive's ".{stamp}[.n].jsonl[.gz]". */
function target(dataDir: string, storeId: string, rest: string): string {
  return journalPath(dataDir, storeId).replace(/\.jsonl$/, rest);
}

async function split(dataDir: string, from: string, rest: string, ids: readonly string[], jobOwner: Map<string, string>): Promise<void> {
  const gz = from.endsWith('.gz');
  const raw = await readFile(from);
  const text = gz ? (await gunzipAsync(raw, { finishFlush: constants.Z_SYNC_FLUSH })).toString('utf8') : raw.toString('utf8');
  const parts = new Map<string, JournalRecord[]>();
  for (const record of parseJournal(text)) {
    const owner = jobOwner.get(record.job);
    const id = owner && ids.includes(owner) ? owner : ids[0]!;
    parts.set(id, [...(parts.get(id) ?? []), record]);
  }
  for (const [id, records] of parts) {
    const lines = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    await writeFileAtomic(target(dataDir, id, rest), gz ? await gzipAsync(lines) : lines);
  }
  await rm(from);
}

/** Job id → the profile id it was started for (job.json); a job whose files cannot be read owns nothing. */
async function readJobOwners(dataDir: string): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const id of await listJobIds(dataDir)) {
    const def = (await readJsonFile(join(jobsDir(dataDir), id, 'job.json')).catch(() => undefined)) as { storeId?: unknown } | undefined;
    if (typeof def?.storeId === 'string') owners.set(id, def.storeId);
  }
  return owners;
}
