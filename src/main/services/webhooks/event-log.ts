import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { WebhookEvent } from '../../../shared/contract';
import { openAppendLog, type AppendLog } from '../fs/append-log';
import { writeFileAtomic } from '../fs/atomic-file';

export interface EventLogOptions {
  dataDir: string;
  /** Events kept in memory per store (the Events panel). */
  recent?: number;
  /** Lines the file may grow to before it is cut back to `recent`. */
  maxLines?: number;
}

interface StoreLog {
  recent: WebhookEvent[];
  keys: string[];
  lines: number;
  file: AppendLog;
  queue: Promise<void>;
}

export interface EventLog {
  /** Newest first; loads the store's file on first use. */
  recent(storeId: string): Promise<WebhookEvent[]>;
  /** Keys of the loaded events, to seed de-duplication after a restart. */
  keys(storeId: string): Promise<string[]>;
  append(event: WebhookEvent, key: string): Promise<void>;
  /** Close the store's log and delete its events (the store was removed). */
  forget(storeId: string): Promise<void>;
  close(): Promise<void>;
}

/** Append-only JSON lines per store under `webhooks/<storeId>/events.jsonl`, bounded on disk and in memory. */
export function createEventLog(options: EventLogOptions): EventLog {
  const keep = options.recent ?? 200;
  const maxLines = options.maxLines ?? 5000;
  const logs = new Map<string, Promise<StoreLog>>();
  const pathOf = (storeId: string) => join(options.dataDir, 'webhooks', storeId, 'events.jsonl');

  const load = (storeId: string): Promise<StoreLog> => {
    let found = logs.get(storeId);
    if (!found) {
      found = readLog(pathOf(storeId), keep).then((read) => ({ ...read, file: openAppendLog(pathOf(storeId), { dirMode: 0o700 }) }));
      logs.set(storeId, found);
    }
    return found;
  };

  async function write(storeId: string, log: StoreLog, line: string): Promise<void> {
    if (log.lines >= maxLines) {
      const kept = log.recent.map((e, i) => JSON.stringify({ ...e, key: log.keys[i] })).reverse();
      await log.file.exclusive(() => writeFileAtomic(pathOf(storeId), kept.map((l) => `${l}\n`).join('')));
      log.lines = kept.length;
    }
    await log.file.append(line);
    log.lines += 1;
  }

  return {
    recent: async (storeId) => (await load(storeId)).recent.slice(),
    keys: async (storeId) => (await load(storeId)).keys.slice(),
    async append(event, key) {
      const log = await load(event.storeId);
      log.recent.unshift(event);
      log.keys.unshift(key);
      if (log.recent.length > keep) {
        log.recent.length = keep;
        log.keys.length = keep;
      }
      const line = `${JSON.stringify({ ...event, key })}\n`;
      log.queue = log.queue.then(() => write(event.storeId, log, line));
      return log.queue;
    },
    async forget(storeId) {
      const pending = logs.get(storeId);
      logs.delete(storeId);
      if (pending) {
        const log = await pending;
        await log.queue.catch(() => undefined);
        await log.file.close();
      }
      await rm(pathOf(storeId), { force: true });
    },
    async close() {
      for (const pending of logs.values()) {
        const log = await pending;
        await log.queue.catch(() => undefined);
        await log.file.close();
      }
    },
  };
}

async function readLog(path: string, keep: number): Promise<Omit<StoreLog, 'file'>> {
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const recent: WebhookEvent[] = [];
  const keys: string[] = [];
  for (let i = lines.length - 1; i >= 0 && recent.length < keep; i -= 1) {
    const parsed = parseLine(lines[i]!);
    if (!parsed) continue; // a torn last line after a crash
    recent.push(parsed.event);
    keys.push(parsed.key);
  }
  return { recent, keys, lines: lines.length, queue: Promise.resolve() };
}

function parseLine(line: string): { event: WebhookEvent; key: string } | null {
  try {
    const raw = JSON.parse(line) as { key?: unknown };
    const event = WebhookEvent.safeParse(raw);
    return event.success && typeof raw.key === 'string' ? { event: event.data, key: raw.key } : null;
  } catch {
    return null;
  }
}
