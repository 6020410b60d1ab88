import { createHash, randomBytes, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { syncDir } from '../fs/atomic-file';

/**
 * Archived segments of a store's journal, beside the live file {base}.jsonl:
 *   {base}.{yyyyMMddTHHmmssZ}[.{n}].jsonl.gz   an archive (n only when a stamp is taken twice)
 *   {base}.{stamp}[.{n}].jsonl                  the live file just moved aside, being compressed
 *   {base}.{stamp}[.{n}].jsonl.gz.{hex}.tmp     an archive being written
 * An archive only ever appears under its final name complete (temp file, fsync, rename, fsync
 * the folder), so a crash leaves at worst a moved-aside plain segment, which readers accept and
 * the next tidy-up compresses.
 */
export interface Segment {
  stem: string;
  stamp: string;
  seq: number;
  /** The stamp as epoch ms: when the segment stopped being the live file. */
  at: number;
  gz?: string;
  plain?: string;
  /** Size on disk of what readers read (the .gz when there is one). */
  bytes: number;
}

export interface ArchiveOptions {
  /** Tests inject a failing rename; production uses fs.rename. */
  rename?: (from: string, to: string) => Promise<void>;
}

const SEGMENT = /^(\d{8}T\d{6}Z)(?:\.(\d+))?\.jsonl(\.gz)?$/;
const TEMP = /^\d{8}T\d{6}Z(?:\.\d+)?\.jsonl\.gz\.[0-9a-f]+\.tmp$/;

/** 2024-05-06T07:08:09.123Z → 20240506T070809Z */
export function archiveStamp(now: number): string {
  return `${new Date(now).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function stampTime(stamp: string): number {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 9, 11, 13].map((at, i) => Number(stamp.slice(at, at + (i === 0 ? 4 : 2))));
  return Date.UTC(y!, mo! - 1, d, h, mi, s);
}

const baseOf = (livePath: string): string => basename(livePath, '.jsonl');

/** The live file's archived segments, oldest first. */
export async function listSegments(livePath: string): Promise<Segment[]> {
  const dir = dirname(livePath);
  const prefix = `${baseOf(livePath)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const byStem = new Map<string, Segment>();
  for (const name of names) {
    const match = name.startsWith(prefix) ? SEGMENT.exec(name.slice(prefix.length)) : null;
    if (!match) continue;
    const [, stamp, seq, gz] = match as unknown as [string, string, string | undefined, string | undefined];
    const stem = join(dir, `${prefix}${stamp}${seq ? `.${seq}` : ''}`);
    const segment = byStem.get(stem) ?? { stem, stamp, seq: Number(seq ?? 0), at: stampTime(stamp), bytes: 0 };
    const path = join(dir, name);
    if (gz) segment.gz = path;
    else segment.plain = path;
    byStem.set(stem, segment);
  }
  const segments = [...byStem.values()].sort((a, b) => a.stamp.localeCompare(b.stamp) || a.seq - b.seq);
  for (const segment of segments) segment.bytes = (await fileSize((segment.gz ?? segment.plain)!)) ?? 0;
  return segments;
}

async function fileSize(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** A new segment's stem: never earlier than the newest one, so name order stays history order if the clock steps back. */
function nextStem(livePath: string, segments: Segment[], now: number): string {
  const stamp = archiveStamp(now);
  const newest = segments.at(-1);
  const base = join(dirname(livePath), baseOf(livePath));
  if (!newest || newest.stamp < stamp) return `${base}.${stamp}`;
  return `${base}.${newest.stamp}.${newest.seq + 1}`;
}

/**
 * Moves the live file (closed, with no appends in flight: see Journal.rotate) into a gzip archive
 * and returns the archive's path; null when there is nothing to archive. If compressing fails the
 * file is moved back, so the live journal is as it was.
 */
export async function archiveLive(livePath: string, now: number, options: ArchiveOptions = {}): Promise<string | null> {
  if (!(await fileSize(livePath))) return null;
  const move = options.rename ?? rename;
  const stem = nextStem(livePath, await listSegments(livePath), now);
  const plain = `${stem}.jsonl`;
  await move(livePath, plain);
  try {
    await compress(plain, `${stem}.jsonl.gz`, move);
  } catch (error) {
    try {
      await move(plain, livePath);
      await syncDir(dirname(livePath));
    } catch (restoreError) {
      const message = `Journal rotation failed and ${plain} could not be moved back (it is still read as history)`;
      throw new AggregateError([error, restoreError], message, { cause: restoreError });
    }
    throw error;
  }
  await rm(plain, { force: true });
  await syncDir(dirname(livePath));
  return `${stem}.jsonl.gz`;
}

/** gzip src to dest through a temp file; the temp is read back and compared before it takes the final name. */
async function compress(src: string, dest: string, move: (from: string, to: string) => Promise<void>): Promise<void> {
  const tmp = `${dest}.${randomBytes(6).toString('hex')}.tmp`;
  const source = createHash('sha256');
  try {
    await pipeline(createReadStream(src), hashing(source), createGzip(), createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
    // fsync through a second descriptor: pipeline waits for the stream's 'close', which a stream
    // told to keep its fd open (autoClose: false) never emits.
    const written = await open(tmp, 'r+');
    try {
      await written.sync();
    } finally {
      await written.close();
    }
    const readBack = createHash('sha256');
    await pipeline(createReadStream(tmp), createGunzip(), hashSink(readBack));
    if (readBack.digest('hex') !== source.digest('hex')) throw new Error(`${tmp} does not read back as ${src}`);
    await move(tmp, dest);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await syncDir(dirname(dest));
}

function hashing(hash: Hash): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
}

function hashSink(hash: Hash): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done();
    },
  });
}

export interface Retention {
  now: number;
  /** Archives whose stamp is older than this are deleted. */
  keepMs: number;
  /** Newest archives are kept while their total stays within this; the older ones are deleted. */
  keepBytes: number;
}

/**
 * Finishes what a crash cut short (temp files, plain segments), then deletes archives by age and
 * total size, oldest first. Returns the deleted segments' stems.
 */
export async function pruneArchives(livePath: string, retention: Retention): Promise<string[]> {
  await tidy(livePath);
  const deleted: string[] = [];
  let total = 0;
  for (const segment of (await listSegments(livePath)).reverse()) {
    total += segment.bytes;
    if (retention.now - segment.at <= retention.keepMs && total <= retention.keepBytes) continue;
    for (const path of [segment.gz, segment.plain]) if (path) await rm(path, { force: true });
    deleted.push(segment.stem);
  }
  if (deleted.length > 0) await syncDir(dirname(livePath));
  return deleted.reverse();
}

async function tidy(livePath: string): Promise<void> {
  const dir = dirname(livePath);
  const prefix = `${baseOf(livePath)}.`;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) if (name.startsWith(prefix) && TEMP.test(name.slice(prefix.length))) await rm(join(dir, name), { force: true });
  for (const segment of await listSegments(livePath)) {
    if (!segment.plain) continue;
    if (!segment.gz) await compress(segment.plain, `${segment.stem}.jsonl.gz`, rename);
    await rm(segment.plain, { force: true });
  }
}
