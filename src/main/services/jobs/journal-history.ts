import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { constants, gunzip } from 'node:zlib';
import { listSegments, type Segment } from './journal-archive';
import { journalPath, parseJournal, readJournal, type JournalRecord } from './journal';

const gunzipAsync = promisify(gunzip);

/**
 * A store's whole journal for tooling and audits: every archive, oldest first, then the live
 * file. Recovery does not need this (it reads the live file only). Like readJournal, a torn or
 * garbled line is skipped; a truncated archive yields the records before the cut.
 */
export async function* journalHistory(dataDir: string, storeId: string): AsyncGenerator<JournalRecord> {
  const live = journalPath(dataDir, storeId);
  for (const segment of await listSegments(live)) yield* await readSegment(segment);
  yield* await readJournal(live);
}

export async function readJournalHistory(dataDir: string, storeId: string): Promise<JournalRecord[]> {
  const records: JournalRecord[] = [];
  for await (const record of journalHistory(dataDir, storeId)) records.push(record);
  return records;
}

async function readSegment(segment: Segment): Promise<JournalRecord[]> {
  try {
    if (segment.gz) {
      // Z_SYNC_FLUSH at the end: a cut-off archive gives what it holds instead of an error.
      const text = await gunzipAsync(await readFile(segment.gz), { finishFlush: constants.Z_SYNC_FLUSH });
      return parseJournal(text.toString('utf8'));
    }
    return parseJournal(await readFile(segment.plain!, 'utf8'));
  } catch (error) {
    // Pruned, or compressed and replaced, since the folder was listed.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (segment.plain && !segment.gz) return readSegment({ ...segment, plain: undefined, gz: `${segment.stem}.jsonl.gz` });
    return [];
  }
}
