import { BigCommerceError } from '../bigcommerce';
import { classifyAfterWrite, conflictStates, missingStates } from './classify';
import type { EntityAdapter } from './entities';
import type { RowState } from './job-record';
import type { AppliedRow, IntentRecord } from './journal';
import { JobStopError, nowIso, rowsOf, setRows, type ReadyItem, type RunContext } from './run-context';

/**
 * One write request of a job, bracketed by journal records (see journal.ts), and what to do
 * with each way it can end:
 * - 200: the rows are journaled as applied, then reported.
 * - 207: the server took the request but refused part of it; read back to see which rows landed.
 * - 400/404/409/422: the server refused the batch and wrote nothing; split it until every refused
 *   row is alone (so good rows still get applied) and report each one's message. A row refused
 *   alone whose error names some of its fields is written again without them (rejectRow).
 * - no answer / 5xx after the client's retries: the write may or may not have landed; read back.
 * - 401/403: stop the job; everything else would fail the same way.
 */
const ROW_REJECTION = new Set(['VALIDATION', 'CONFLICT', 'NOT_FOUND']);
/** Refusals that can name fields (422 `errors`, 409 duplicate SKU/name): the rest of the row may still apply. */
const FIELD_REJECTION = new Set(['VALIDATION', 'CONFLICT']);

export async function writeBatch(ctx: RunContext, adapter: EntityAdapter, items: ReadyItem[]): Promise<void> {
  await ctx.saved;
  const intent: IntentRecord = {
    type: 'intent',
    job: ctx.job.def.id,
    batch: ctx.newBatchId(),
    at: nowIso(ctx),
    entity: adapter.entity,
    rows: items.map(({ before: _before, ...row }) => row),
  };
  await ctx.journal.append([intent]);
  ctx.openIntents.set(intent.batch, intent);
  // The intent is durable before the request may go; a pause that comes first means it never goes.
  const admitted = await ctx.sendGate.acquire();
  if (!admitted || ctx.stopRequested()) {
    if (admitted) ctx.sendGate.release();
    return settle(ctx, intent, 'not_applied', 'Not sent: the job was stopped first');
  }
  let partial: string | null = null;
  try {
    const response = await adapter.write(
      ctx.client,
      items.map((item) => ({ id: item.id, productId: item.productId, values: valuesTo(item) })),
    );
    if (response.errors?.length) partial = response.errors.map((e) => e.message).join('; ');
  } catch (error) {
    ctx.sendGate.release();
    return onWriteError(ctx, adapter, intent, items, error);
  }
  ctx.sendGate.release();
  if (partial !== null) return verifyBatch(ctx, adapter, intent, items, partial);
  await recordApplied(ctx, intent, items, 'response');
}

function valuesTo(item: ReadyItem): Record<string, ReadyItem['fields'][string]['to']> {
  return Object.fromEntries(Object.entries(item.fields).map(([field, f]) => [field, f.to]));
}

function appliedRow(item: ReadyItem): AppliedRow {
  return {
    id: item.id,
    ...(item.productId !== undefined ? { productId: item.productId } : {}),
    edits: Object.values(item.fields).map((f) => f.edit),
    before: item.before,
    after: valuesTo(item),
  };
}

/** Journal first (durably), then tell: a crash in between leaves the truth in the journal. */
export async function recordApplied(
  ctx: RunContext,
  intent: IntentRecord,
  items: ReadyItem[],
  via: 'response' | 'verified' | 'recovered',
): Promise<void> {
  await ctx.journal.append([
    { type: 'applied', job: intent.job, batch: intent.batch, at: nowIso(ctx), entity: intent.entity, via, rows: items.map(appliedRow) },
  ]);
  ctx.openIntents.delete(intent.batch);
  setRows(ctx, items.flatMap((item) => rowsOf(item, { status: 'applied' })));
}

export async function settle(ctx: RunContext, intent: IntentRecord, outcome: 'rejected' | 'failed' | 'not_applied', message: string): Promise<void> {
  await ctx.journal.append([{ type: 'settled', job: intent.job, batch: intent.batch, at: nowIso(ctx), outcome, message }]);
  ctx.openIntents.delete(intent.batch);
}

async function onWriteError(
  ctx: RunContext,
  adapter: EntityAdapter,
  intent: IntentRecord,
  items: ReadyItem[],
  error: unknown,
): Promise<void> {
  // Not an HTTP outcome (limiter closed while the app quits, a bug): the intent stays open and the
  // next run or recovery reads the rows back.
  if (!(error instanceof BigCommerceError)) throw error;
  if (error.code === 'AUTH' || error.code === 'FORBIDDEN') {
    await settle(ctx, intent, 'rejected', error.message);
    throw new JobStopError(error.message);
  }
  if (ROW_REJECTION.has(error.code)) {
    await settle(ctx, intent, 'rejected', error.message);
    return isolate(ctx, adapter, items, error);
  }
  if (error.ambiguous) return verifyBatch(ctx, adapter, intent, items, error.message);
  // 429 after every retry, 413: nothing was applied; the rows stay re-runnable.
  await settle(ctx, intent, 'failed', error.message);
  setRows(ctx, items.flatMap((item) => rowsOf(item, { status: 'failed', message: error.message })));
}

async function isolate(ctx: RunContext, adapter: EntityAdapter, items: ReadyItem[], error: BigCommerceError): Promise<void> {
  if (items.length === 1) return rejectRow(ctx, adapter, items[0]!, error);
  for (const part of splitRejected(items, error)) await writeBatch(ctx, adapter, part);
}

/**
 * One row refused on its own. When the store names some of the row's fields, only those edits
 * fail, each with its own message, and the row is written again without them (a new intent, so the
 * journal holds exactly what each request carried): a bad stock level no longer sinks a good price.
 * When it names none of them, every edit of the row fails with the store's message.
 */
async function rejectRow(ctx: RunContext, adapter: EntityAdapter, item: ReadyItem, error: BigCommerceError): Promise<void> {
  const named = FIELD_REJECTION.has(error.code) ? rejectedFields(error, Object.keys(item.fields)) : new Map<string, string>();
  if (named.size === 0) {
    setRows(ctx, rowsOf(item, { status: 'failed', message: rowMessage(error) }));
    return;
  }
  setRows(ctx, [...named].map(([field, message]): [number, RowState] => [item.fields[field]!.edit, { status: 'failed', message }]));
  const keep = (field: string) => !named.has(field);
  const fields = Object.fromEntries(Object.entries(item.fields).filter(([field]) => keep(field)));
  if (Object.keys(fields).length === 0) return;
  const before = Object.fromEntries(Object.entries(item.before).filter(([field]) => keep(field)));
  await writeBatch(ctx, adapter, [{ ...item, fields, before }]);
}

/**
 * Batch positions the error body names ("3.price", or `batch_errors[].errors` keyed "3.sku").
 * BigCommerce does not always name them (facts §4), so they only choose the split; a row is
 * reported failed only by a request that carried it alone.
 */
export function rejectedPositions(error: BigCommerceError, size: number): number[] {
  const keys = error.items?.length
    ? error.items.flatMap((item) => Object.keys(item.fieldErrors ?? {}))
    : Object.keys(error.fieldErrors ?? {});
  const positions = new Set<number>();
  for (const key of keys) {
    const match = /^(\d+)\./.exec(key);
    if (match && Number(match[1]) < size) positions.add(Number(match[1]));
  }
  return [...positions].sort((a, b) => a - b);
}

export function splitRejected<T>(items: T[], error: BigCommerceError): T[][] {
  const named = rejectedPositions(error, items.length);
  if (named.length === 0) {
    const mid = Math.ceil(items.length / 2);
    return [items.slice(0, mid), items.slice(mid)];
  }
  const bad = new Set(named);
  const rest = items.filter((_, i) => !bad.has(i));
  return [...named.map((i) => [items[i]!]), ...(rest.length ? [rest] : [])];
}

function fieldErrorEntries(error: BigCommerceError): Array<[string, string]> {
  const entries = error.items?.length
    ? error.items.flatMap((item) => Object.entries(item.fieldErrors ?? {}))
    : Object.entries(error.fieldErrors ?? {});
  // Keys like ".customer_update" label the whole batch, not the row.
  return entries.filter(([key]) => !key.startsWith('.')).map(([key, text]) => {
    const field = key.replace(/^\d+\./, '');
    return [field, text.includes(field) ? text : `${field}: ${text}`];
  });
}

/** The server's words for one refused row, without the batch position prefix. */
export function rowMessage(error: BigCommerceError): string {
  const texts = fieldErrorEntries(error).map(([, text]) => text);
  return texts.length ? [...new Set(texts)].join('; ') : error.message;
}

/**
 * The row's own fields a one-row refusal names, each with its message: "0.inventory_level",
 * "inventory_level" and nested "0.custom_url.url" (→ custom_url) all count.
 */
export function rejectedFields(error: BigCommerceError, fields: readonly string[]): Map<string, string> {
  const named = new Map<string, string>();
  for (const [key, text] of fieldErrorEntries(error)) {
    const field = key.split('.')[0]!;
    if (!fields.includes(field)) continue;
    const seen = named.get(field);
    named.set(field, seen === undefined || seen.includes(text) ? (seen ?? text) : `${seen}; ${text}`);
  }
  return named;
}

async function verifyBatch(ctx: RunContext, adapter: EntityAdapter, intent: IntentRecord, items: ReadyItem[], reason: string): Promise<void> {
  let current;
  try {
    current = await adapter.read(ctx.client, items.map((i) => i.id), Object.keys(items[0]!.fields));
  } catch (error) {
    if (error instanceof BigCommerceError && (error.code === 'AUTH' || error.code === 'FORBIDDEN')) throw new JobStopError(error.message);
    // Outcome unknown: report failed for now; the intent stays open, so the next run or
    // recover() reads these rows again and journals them if they did land.
    const message = `${reason} (could not check whether it was applied; it will be checked again on resume or restart)`;
    setRows(ctx, items.flatMap((item) => rowsOf(item, { status: 'failed', message })));
    return;
  }
  const applied: ReadyItem[] = [];
  const states: Array<[number, RowState]> = [];
  for (const item of items) {
    const verdict = classifyAfterWrite(adapter.entity, item, current.get(item.id));
    if (verdict.kind === 'applied') applied.push(item);
    else if (verdict.kind === 'missing') states.push(...missingStates(item));
    else if (verdict.kind === 'conflict') states.push(...conflictStates(adapter.entity, item, verdict.server));
    else states.push(...rowsOf(item, { status: 'failed', message: reason }));
  }
  if (applied.length > 0) await recordApplied(ctx, intent, applied, 'verified');
  else await settle(ctx, intent, 'not_applied', reason);
  setRows(ctx, states);
}
