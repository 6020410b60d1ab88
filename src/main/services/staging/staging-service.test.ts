import { appendFile, readFile, stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobEdit } from '../jobs';
import { stagingPaths } from './staging-log';
import { caught, startStagingEnv, type StagingEnv } from './test-support/staging-env';

let env: StagingEnv;
afterEach(async () => {
  await env?.close();
});

const S = 'store-1';
const price = (id: number, from: string, to: string): JobEdit => ({ entity: 'product', id, field: 'price', from, to });
const keysOf = (edits: Array<{ entity: string; id: number; field: string }>) => edits.map((e) => `${e.entity}:${e.id}:${e.field}`).sort();

describe('staging: stage, restage, discard', () => {
  it('upserts by key, keeps the first from, unstages when the original comes back, discards some then all', async () => {
    env = await startStagingEnv();
    const { staging } = env;
    expect(await staging.list(S)).toEqual({ revision: 0, edits: [] });

    const r1 = await staging.stage({ storeId: S, edits: [price(1, '10.50', '12.00'), price(2, '5', '6'), { entity: 'product', id: 3, field: 'inventory_level', from: 4, to: 9 }] });
    expect(r1).toEqual({ revision: 1, count: 3 });
    // Restaging: the store value the merchant first saw stays, the new value replaces the old.
    const r2 = await staging.stage({ storeId: S, edits: [price(1, '12.00', '13.00')] });
    expect(r2).toEqual({ revision: 2, count: 3 });
    const one = (await staging.list(S)).edits.find((e) => e.id === 1)!;
    expect(one).toMatchObject({ from: '10.50', to: '13.00', stagedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(one.jobId).toBeUndefined();

    // Typing the original back (as a decimal: 10.5 is 10.50) unstages the cell.
    expect(await staging.stage({ storeId: S, edits: [price(1, '13.00', '10.5')] })).toEqual({ revision: 3, count: 2 });
    // A fresh edit to the value it already has stages nothing, and moves no revision.
    expect(await staging.stage({ storeId: S, edits: [price(7, '3.0', '3')] })).toEqual({ revision: 3, count: 2 });

    expect(await staging.discard({ storeId: S, keys: ['product:2:price', 'product:99:price'] })).toEqual({ revision: 4, count: 1 });
    expect(keysOf((await staging.list(S)).edits)).toEqual(['product:3:inventory_level']);
    expect(await staging.discard({ storeId: S })).toEqual({ revision: 5, count: 0 });
    expect(await staging.list(S)).toEqual({ revision: 5, edits: [] });
    expect(env.changes.map((c) => c.revision)).toEqual([1, 2, 3, 4, 5]);
    expect(env.changes.at(-1)).toEqual({ storeId: S, revision: 5, count: 0 });
  });

  it.each([
    ['an unknown field', { entity: 'product', id: 5, field: 'password', from: 'a', to: 'b' }, 'field', /cannot be edited in bulk/],
    ['a value of the wrong type', { entity: 'product', id: 5, field: 'inventory_level', from: 1, to: '2' }, 'to', /integer/],
    ['negative money', price(5, '1.00', '-2.00'), 'to', /negative/],
  ])('refuses %s, naming the field, and stages nothing of the call', async (_name, bad, field, message) => {
    env = await startStagingEnv();
    const error = await caught(env.staging.stage({ storeId: S, edits: [price(1, '1', '2'), bad] }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain(`1.${field}`);
    expect(error.details).toMatchObject({ issues: [{ field: `edits.1.${field}`, message: expect.stringMatching(message) }] });
    expect(await env.staging.list(S)).toEqual({ revision: 0, edits: [] });
    expect(env.changes).toEqual([]);
  });

  it('refuses a store id that could escape the data dir', async () => {
    env = await startStagingEnv();
    expect((await caught(env.staging.stage({ storeId: '../x', edits: [price(1, '1', '2')] }))).code).toBe('VALIDATION');
    expect((await caught(env.staging.list('../x'))).code).toBe('VALIDATION');
  });
});

describe('staging: persistence', () => {
  it('a new service sees exactly the acknowledged edits, concurrent calls included', async () => {
    env = await startStagingEnv();
    await env.staging.stage({ storeId: S, edits: [price(1, '1', '2'), price(2, '1', '2')] });
    await Promise.all(Array.from({ length: 20 }, (_, i) => env.staging.stage({ storeId: S, edits: [price(100 + i, '1', `${i + 2}.5`)] })));
    await env.staging.stage({ storeId: S, edits: [price(1, '2', '3')] });
    await env.staging.discard({ storeId: S, keys: ['product:2:price'] });
    const before = await env.staging.list(S);
    expect(before.edits).toHaveLength(21);

    // No close(): what was acknowledged is on disk already.
    const again = await env.restart();
    expect(await again.list(S)).toEqual({ revision: before.revision, edits: expect.arrayContaining(before.edits) });
    expect((await again.list(S)).edits).toHaveLength(21);
    expect(await again.list('store-2')).toEqual({ revision: 0, edits: [] });
    const log = await readFile(stagingPaths(env.jobsEnv.dataDir, S).log, 'utf8');
    expect(log).not.toMatch(/token/i);
  });

  it('ignores a torn last line and keeps appending after it', async () => {
    env = await startStagingEnv();
    await env.staging.stage({ storeId: S, edits: [price(1, '1', '2')] });
    await env.staging.close();
    // A crash mid-append: half a record, no newline, never acknowledged.
    await appendFile(stagingPaths(env.jobsEnv.dataDir, S).log, '{"rev":2,"put":[{"entity":"product","id":9,"fie');
    const second = await env.restart();
    expect(await second.list(S)).toMatchObject({ revision: 1, edits: [{ id: 1, to: '2' }] });
    await second.stage({ storeId: S, edits: [price(3, '1', '4')] });
    const third = await env.restart();
    expect(await third.list(S)).toMatchObject({ revision: 2 });
    expect(keysOf((await third.list(S)).edits)).toEqual(['product:1:price', 'product:3:price']);
  });

  it('compacts into a snapshot when the log grows, and a restart after compaction sees the same set', async () => {
    env = await startStagingEnv({}, { compactBytes: 4096 });
    const paths = stagingPaths(env.jobsEnv.dataDir, S);
    for (let round = 0; round < 12; round++) {
      const edits = Array.from({ length: 10 }, (_, i) => price(i + 1, '1', `${round + 2}.25`));
      await env.staging.stage({ storeId: S, edits });
    }
    await env.staging.discard({ storeId: S, keys: ['product:10:price'] });
    const before = await env.staging.list(S);
    expect(before.edits).toHaveLength(9);
    expect(JSON.parse(await readFile(paths.snapshot, 'utf8'))).toMatchObject({ version: 1, revision: expect.any(Number) });
    expect((await stat(paths.log)).size).toBeLessThan(4096);

    const again = await env.restart();
    const after = await again.list(S);
    expect(after.revision).toBe(before.revision);
    expect(after.edits.sort((a, b) => a.id - b.id)).toEqual(before.edits.sort((a, b) => a.id - b.id));
    expect(after.edits.every((e) => e.to === '13.25' && e.from === '1')).toBe(true);
  });
});
