import { describe, expect, it } from 'vitest';
import type { StagedEdit } from '../../../../shared/contract';
import { shareStagedList, type StagedList } from './share-staged';

const edit = (id: number, to: string, over: Partial<StagedEdit> = {}): StagedEdit => ({ entity: 'product', id, field: 'price', from: '1.00', to, stagedAt: '2026-01-01T00:00:00Z', ...over });
// What a refetch gives: equal values in new objects (JSON parsed again).
const again = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('sharing a refetched staged list', () => {
  const old: StagedList = { revision: 4, edits: [edit(1, '2.00'), edit(2, '3.00', { note: { status: 'conflict', serverValue: '9.00' } }), edit(3, '4.00')] };

  it('keeps unchanged edit objects and takes changed and new ones', () => {
    const next = again({ revision: 5, edits: [old.edits[0]!, { ...old.edits[1]!, to: '3.50' }, old.edits[2]!, edit(4, '5.00')] });
    const shared = shareStagedList(old, next);
    expect(shared.revision).toBe(5);
    expect(shared.edits[0]).toBe(old.edits[0]);
    expect(shared.edits[1]).toBe(next.edits[1]);
    expect(shared.edits[1]!.to).toBe('3.50');
    expect(shared.edits[2]).toBe(old.edits[2]);
    expect(shared.edits[3]).toBe(next.edits[3]);
  });

  it('takes an edit whose note, job or first staging moved', () => {
    const next = again<StagedList>({ revision: 5, edits: [{ ...old.edits[0]!, jobId: 'j1' }, { ...old.edits[1]!, note: { status: 'conflict', serverValue: '9.50' } }, { ...old.edits[2]!, stagedAt: '2026-01-02T00:00:00Z' }] });
    const shared = shareStagedList(old, next);
    shared.edits.forEach((e, i) => expect(e).not.toBe(old.edits[i]));
    expect(shared.edits).toEqual(next.edits);
  });

  it('keeps the old list when nothing changed, and its edits array when only the revision moved', () => {
    expect(shareStagedList(old, again(old))).toBe(old);
    const moved = shareStagedList(old, again({ ...old, revision: 6 }));
    expect(moved.revision).toBe(6);
    expect(moved.edits).toBe(old.edits);
  });

  it('follows removals and a new order', () => {
    const next = again({ revision: 7, edits: [old.edits[2]!, old.edits[0]!] });
    const shared = shareStagedList(old, next);
    expect(shared.edits).toEqual([old.edits[2], old.edits[0]]);
    expect(shared.edits[0]).toBe(old.edits[2]);
    expect(shareStagedList(undefined, next)).toBe(next);
  });
});
