import { promises as fsp, writeSync } from 'node:fs';
import type { Change } from '../state/tx';

export interface JournalEntry {
  s: string; // store hash
  ch: Change[];
}

const MAX_SYNCS = 2;

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Append-only journal with group commit. Each entry is written to the file at once (a cheap
 * synchronous write into the page cache); fdatasync runs asynchronously and one sync covers every
 * entry written before it started. A request is acknowledged only when a sync that started after
 * its write has finished, i.e. when its bytes are durable.
 */
export class Journal {
  private seq = 0; // entries written so far
  private durable = 0; // entries known to be on disk
  private waiters: Waiter[] = [];
  private syncing = 0; // syncs in flight
  private syncedTo = 0; // highest seq covered by a started sync
  private paused = false;
  private held: Array<{ line: string; waiter: Waiter }> = [];
  private bytes: number;
  private closed = false;

  private constructor(private readonly fh: fsp.FileHandle, initialBytes: number, private readonly maintenance: (bytes: number) => Promise<void>) {
    this.bytes = initialBytes;
  }

  static async open(file: string, maintenance: (bytes: number) => Promise<void>): Promise<Journal> {
    const fh = await fsp.open(file, 'a');
    const { size } = await fh.stat();
    return new Journal(fh, size, maintenance);
  }

  get size(): number {
    return this.bytes;
  }

  append(entry: JournalEntry): Promise<void> {
    if (this.closed) return Promise.reject(new Error('journal closed'));
    const line = JSON.stringify(entry) + '\n';
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { seq: 0, resolve, reject };
      if (this.paused) this.held.push({ line, waiter });
      else this.writeLine(line, waiter);
      this.kick();
    });
  }

  private writeLine(line: string, waiter: Waiter): void {
    try {
      const buf = Buffer.from(line, 'utf8');
      writeSync(this.fh.fd, buf);
      this.bytes += buf.length;
      waiter.seq = ++this.seq;
      this.waiters.push(waiter);
    } catch (err) {
      waiter.reject(err);
    }
  }

  /**
   * Start a sync when entries written since the last started sync are waiting. Two syncs may
   * overlap, so a write never waits for a whole sync that began just before it.
   */
  private kick(): void {
    if (this.syncing >= MAX_SYNCS || this.paused || this.syncedTo === this.seq) return;
    this.syncing++;
    const upTo = (this.syncedTo = this.seq);
    void this.syncOnce(upTo).finally(() => {
      this.syncing--;
      this.kick();
    });
  }

  private async syncOnce(upTo: number): Promise<void> {
    try {
      await this.fh.datasync();
    } catch (err) {
      this.settle(upTo, err);
      return;
    }
    this.settle(upTo);
    if (!this.closed && this.syncing === 1) await this.runMaintenance();
  }

  private settle(upTo: number, err?: unknown): void {
    if (!err) this.durable = Math.max(this.durable, upTo);
    const done = this.waiters.filter((w) => w.seq <= upTo);
    this.waiters = this.waiters.filter((w) => w.seq > upTo);
    for (const w of done) {
      if (err) w.reject(err);
      else w.resolve();
    }
  }

  /** Compaction hook: appends are held (not written) while it runs, then flushed to the new file. */
  private async runMaintenance(): Promise<void> {
    this.paused = true;
    try {
      await this.maintenance(this.bytes);
    } catch (err) {
      console.error('[demo-store] journal compaction failed; continuing with the full journal', err);
    } finally {
      this.paused = false;
      const held = this.held;
      this.held = [];
      for (const h of held) this.writeLine(h.line, h.waiter);
    }
  }

  /** Empty the journal (only called from maintenance, after a snapshot captured its contents). */
  async truncate(): Promise<void> {
    await this.fh.truncate(0);
    await this.fh.datasync();
    this.bytes = 0;
  }

  async close(): Promise<void> {
    while (this.syncing > 0 || this.durable < this.seq || this.held.length) {
      this.kick();
      await new Promise((r) => setTimeout(r, 2));
    }
    this.closed = true;
    await this.fh.close();
  }
}

/** Parse journal text; a torn last line (crash mid-append) is dropped and its offset reported. */
export function parseJournal(text: string): { entries: JournalEntry[]; validBytes: number } {
  const entries: JournalEntry[] = [];
  let offset = 0;
  let validBytes = 0;
  while (offset < text.length) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) break; // unterminated tail = torn write
    const line = text.slice(offset, nl);
    offset = nl + 1;
    if (line.trim() !== '') {
      try {
        entries.push(JSON.parse(line) as JournalEntry);
      } catch {
        break;
      }
    }
    validBytes += Buffer.byteLength(line) + 1;
  }
  return { entries, validBytes };
}
