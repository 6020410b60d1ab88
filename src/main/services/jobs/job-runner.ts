import { BigCommerceError } from '../bigcommerce';
import { conflictStates, missingStates, serverValues, allMatch } from './classify';
import { ADAPTERS, type EntityAdapter } from './entities';
import type { Entity } from './edit-schema';
import type { JobRecord, RowState } from './job-record';
import type { IntentRow } from './journal';
import { writeBatch } from './batch-writer';
import { settleIntents } from './recovery';
import { JobStopError, rowsOf, setRows, type ReadyItem, type RunContext } from './run-context';

/**
 * Runs a job's pending rows until done or asked to stop. Per entity: read the current values of
 * a chunk (250 rows, one GET), drop the rows that changed behind the job's back, write the rest in
 * batches with several in flight; the next chunk is read while this chunk's last round of writes
 * goes out, so a conflict check is at most about one chunk old when its write is sent. Pacing is
 * entirely the store limiter's job: no sleeps here.
 */
export async function runJob(ctx: RunContext): Promise<void> {
  // Requests a previous run or process sent without seeing the answer: settle them first so no
  // row that did land is sent again.
  if (ctx.openIntents.size > 0) await settleIntents(ctx, [...ctx.openIntents.values()]);
  const work = pendingItems(ctx.job);
  ctx.job.plan = { requests: plannedRequests(work), requestsAtStart: ctx.job.requests };
  for (const [entity, items] of work) {
    if (ctx.stopRequested()) return;
    await runEntity(ctx, ADAPTERS[entity], items);
  }
}

/** Requests the rows will take without faults or conflicts (for the ETA). */
function plannedRequests(work: Map<Entity, IntentRow[]>): number {
  let requests = 0;
  for (const [entity, items] of work) {
    const { batchSize, readChunk } = ADAPTERS[entity];
    const reads = entity === 'order' ? items.length : Math.ceil(items.length / readChunk); // orders: one GET each
    requests += Math.ceil(items.length / batchSize) + reads;
  }
  return requests;
}

/** Pending edits merged into one item per row, grouped per entity, in the order given. */
export function pendingItems(job: JobRecord): Map<Entity, IntentRow[]> {
  // Runs before a job's first request: no per-edit key strings or spreads (10,000 edits ~3 ms).
  const groups = new Map<Entity, { items: IntentRow[]; byId: Map<number, IntentRow> }>();
  const { edits, rows } = job;
  for (let index = 0; index < rows.length; index++) {
    if (rows[index]!.status !== 'pending') continue;
    const edit = edits[index]!;
    let group = groups.get(edit.entity);
    if (!group) groups.set(edit.entity, (group = { items: [], byId: new Map() }));
    let item = group.byId.get(edit.id);
    if (!item) {
      item = edit.productId !== undefined ? { id: edit.id, productId: edit.productId, fields: {} } : { id: edit.id, fields: {} };
      group.byId.set(edit.id, item);
      group.items.push(item);
    }
    item.fields[edit.field] = { edit: index, from: edit.from, to: edit.to };
  }
  return new Map([...groups].map(([entity, group]) => [entity, group.items]));
}

/** Batches left in a chunk when the next reads are started: about one round of sends. */
const PREFETCH_WITHIN = 6;
/**
 * Chunks whose conflict-check read may be started beyond the one being written: enough to keep
 * every send slot busy, plus one. One is plenty when a request takes a few ms (the read hides
 * behind a round of writes), but against a remote store each read costs a full round trip, and one
 * read at a time feeds a variant chunk's five writes per round trip whatever the concurrency: a
 * 10,000-variant job's last window ran 1.5 s at 100 ms a request. A check is at most this many
 * chunks older than its write (tens of ms here, about a second at 300 ms a request).
 */
export function readAhead(sendSlots: number, adapter: Pick<EntityAdapter, 'readChunk' | 'batchSize'>): number {
  return Math.ceil(sendSlots / Math.max(1, adapter.readChunk / adapter.batchSize)) + 1;
}

function chunked<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function runEntity(ctx: RunContext, adapter: EntityAdapter, items: IntentRow[]): Promise<void> {
  const pool = new Pool(adapter.inFlight);
  const chunks = chunked(items, adapter.readChunk);
  const stopped = () => ctx.stopRequested() || pool.failed;
  const ahead = readAhead(ctx.sendGate.max, adapter);
  /** Started reads, in chunk order, of the chunks after the one being written. */
  const reads: Array<Promise<ReadyItem[]>> = [];
  let nextRead = 0;
  const readUpTo = (last: number) => {
    while (nextRead <= last && nextRead < chunks.length && !stopped()) {
      const read = checkChunk(ctx, adapter, chunks[nextRead++]!);
      read.catch(() => {}); // awaited below; this only keeps an early rejection from going unhandled
      reads.push(read);
    }
  };
  try {
    readUpTo(ahead - 1);
    for (let i = 0; reads.length > 0 && !stopped(); i++) {
      const ready: ReadyItem[] = await reads.shift()!;
      const batches = chunked(ready, adapter.batchSize);
      for (let b = 0; b < batches.length; b++) {
        // Start the next reads while this chunk's last round of writes is prepared and sent, so
        // their GETs are off the critical path; any earlier would make their checks staler.
        if (batches.length - b <= PREFETCH_WITHIN) readUpTo(i + ahead);
        await pool.slot();
        if (stopped()) break;
        pool.run(() => writeBatch(ctx, adapter, batches[b]!));
      }
      readUpTo(i + ahead);
    }
  } finally {
    await pool.drain();
    await Promise.all(reads.map((read) => read.catch(() => {})));
  }
  pool.rethrow();
}

/** The conflict check for one chunk: rows whose store values still equal every `from` are ready. */
async function checkChunk(ctx: RunContext, adapter: EntityAdapter, chunk: IntentRow[]): Promise<ReadyItem[]> {
  const fields = [...new Set(chunk.flatMap((item) => Object.keys(item.fields)))];
  let current;
  try {
    current = await adapter.read(ctx.client, chunk.map((item) => item.id), fields);
  } catch (error) {
    if (!(error instanceof BigCommerceError)) throw error;
    if (error.code === 'AUTH' || error.code === 'FORBIDDEN') throw new JobStopError(error.message);
    const message = `Could not read the current values to check for conflicts: ${error.message}`;
    setRows(ctx, chunk.flatMap((item) => rowsOf(item, { status: 'failed', message })));
    return [];
  }
  const ready: ReadyItem[] = [];
  const states: Array<[number, RowState]> = [];
  for (const item of chunk) {
    const raw = current.get(item.id);
    if (!raw) {
      states.push(...missingStates(item));
      continue;
    }
    const server = serverValues(adapter.entity, item, raw);
    if (allMatch(adapter.entity, item, server, 'from')) ready.push({ ...item, before: server });
    else states.push(...conflictStates(adapter.entity, item, server));
  }
  if (states.length > 0) setRows(ctx, states);
  return ready;
}

/** At most `max` tasks at once; the first failure stops new work and is rethrown after the drain. */
class Pool {
  private readonly active = new Set<Promise<void>>();
  private error: unknown = null;
  failed = false;

  constructor(private readonly max: number) {}

  async slot(): Promise<void> {
    while (this.active.size >= this.max) await Promise.race(this.active);
  }

  run(task: () => Promise<void>): void {
    const promise: Promise<void> = task()
      .catch((error: unknown) => {
        if (!this.failed) this.error = error;
        this.failed = true;
      })
      .finally(() => this.active.delete(promise));
    this.active.add(promise);
  }

  async drain(): Promise<void> {
    while (this.active.size > 0) await Promise.race(this.active);
  }

  rethrow(): void {
    if (this.failed) throw this.error;
  }
}
