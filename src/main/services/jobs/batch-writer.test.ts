import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BigCommerceError, systemClock, type BigCommerceClient } from '../bigcommerce';
import { rejectedPositions, rowMessage, splitRejected, writeBatch } from './batch-writer';
import type { EntityAdapter, WriteItem } from './entities';
import { Gate } from './gate';
import { JobRecord } from './job-record';
import { openJournal, readJournal } from './journal';
import type { ReadyItem, RunContext } from './run-context';
import { numberToDecimal, sameValue } from './values';

/**
 * The demo store always names the refused position ("3.price"), so the HTTP tests never take
 * the blind-bisection path that real BigCommerce can force (facts §4: a batch 422 "does not
 * always identify the failing item"). A scripted adapter exercises it here.
 */
let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function refusingAdapter(bad: Set<number>, sent: number[][]): EntityAdapter {
  return {
    entity: 'product',
    batchSize: 10,
    readChunk: 250,
    inFlight: 1,
    read: async () => new Map(),
    async write(_client, items: WriteItem[]) {
      sent.push(items.map((i) => i.id));
      const refused = items.find((i) => bad.has(i.id));
      if (refused) {
        throw new BigCommerceError({ code: 'VALIDATION', status: 422, message: 'JSON data is missing or invalid', fieldErrors: { price: `price of ${refused.id} is invalid` } });
      }
      return { status: 200, data: null, headers: new Headers() };
    },
  };
}

describe('batch writer: blind bisection', () => {
  it('isolates refused rows whose positions the error does not name, applying every good row once', async () => {
    dir = await mkdtemp(join(tmpdir(), 'stockroom-bisect-'));
    const edits = Array.from({ length: 10 }, (_, i) => ({ entity: 'product' as const, id: i + 1, field: 'price', from: '1', to: '2' }));
    const job = new JobRecord({ version: 1, id: 'j1', storeId: 's', storeHash: 'h', title: 't', kind: 'edit', createdAt: '', edits });
    const journal = openJournal(join(dir, 'journal.jsonl'));
    let seq = 0;
    const ctx: RunContext = {
      job,
      client: {} as BigCommerceClient,
      journal,
      clock: systemClock,
      openIntents: new Map(),
      saved: Promise.resolve(),
      newBatchId: () => `b${++seq}`,
      sendGate: new Gate(6),
      stopRequested: () => false,
      changed: () => {},
      save: async () => {},
    };
    const items: ReadyItem[] = edits.map((e, i) => ({ id: e.id, fields: { price: { edit: i, from: '1', to: '2' } }, before: { price: '1' } }));
    const sent: number[][] = [];
    await writeBatch(ctx, refusingAdapter(new Set([4, 9]), sent), items);
    await journal.close();

    expect(job.rows.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'failed', 'applied', 'applied', 'applied', 'applied', 'failed', 'applied']);
    expect(job.rows[3]!.message).toBe('price of 4 is invalid');
    expect(sent[0]).toHaveLength(10);
    expect(sent.filter((ids) => ids.length === 1 && (ids[0] === 4 || ids[0] === 9))).toHaveLength(2);
    const records = await readJournal(join(dir, 'journal.jsonl'));
    const applied = records.flatMap((r) => (r.type === 'applied' ? r.rows.map((x) => x.id) : []));
    expect(applied.sort((a, b) => a - b)).toEqual([1, 2, 3, 5, 6, 7, 8, 10]);
    expect(ctx.openIntents.size).toBe(0);
  });
});

describe('batch writer: error bodies', () => {
  it('uses the positions a 422 names to split, and strips them from the message', () => {
    const products = new BigCommerceError({ code: 'VALIDATION', status: 422, message: 'JSON data is missing or invalid', fieldErrors: { '3.price': 'price must be greater than or equal to 0' } });
    expect(rejectedPositions(products, 10)).toEqual([3]);
    expect(splitRejected([0, 1, 2, 3, 4], products)).toEqual([[3], [0, 1, 2, 4]]);
    expect(rowMessage(products)).toBe('price must be greater than or equal to 0');
    const variants = new BigCommerceError({
      code: 'VALIDATION',
      status: 422,
      message: '2 items were rejected',
      items: [
        { index: 0, status: 422, message: 'x', fieldErrors: { '5.sku': 'Sku "A" is not unique.' } },
        { index: 1, status: 422, message: 'x', fieldErrors: { '20.sku': 'Sku "B" is not unique.' } },
      ],
    });
    expect(rejectedPositions(variants, 50)).toEqual([5, 20]);
    const customers = new BigCommerceError({ code: 'VALIDATION', status: 422, message: 'Update customers failed.', fieldErrors: { '.customer_update': 'Error updating customers', '0.email': 'bad' } });
    expect(rowMessage(customers)).toBe('email: bad');
    expect(splitRejected([1, 2, 3], new BigCommerceError({ code: 'NOT_FOUND', status: 404, message: 'Product 9 was not found.' }))).toEqual([[1, 2], [3]]);
  });
});

describe('values', () => {
  it('compares money as exact decimals and keeps null distinct from zero', () => {
    const money = { kind: 'money' as const, nullable: true };
    expect(sameValue(money, numberToDecimal(79.99), '79.990')).toBe(true);
    expect(sameValue(money, numberToDecimal(0.1 + 0.2), '0.3')).toBe(false);
    expect(sameValue(money, null, '0')).toBe(false);
    expect(sameValue(money, null, null)).toBe(true);
    expect(numberToDecimal(1e-7)).toBe('0.0000001');
    expect(sameValue({ kind: 'string', nullable: true }, null, '')).toBe(true);
    expect(sameValue({ kind: 'string' }, 'a', 'A')).toBe(false);
  });
});
