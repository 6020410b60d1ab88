import { fieldSpec, type Entity, type JsonValue } from './edit-schema';
import type { ServerRow } from './entities';
import type { RowState } from './job-record';
import type { IntentRow } from './journal';
import { fromWire, sameValue } from './values';

/**
 * Comparing a row's edits with what the store has, for three questions:
 * - before writing (conflict check): does the store still have every `from`?
 * - after an unanswered write, and at recovery: did the write land (store has every `to`),
 *   not land (every `from`), or did something else happen (conflict)?
 * A row's fields are decided together: applying half of a row whose other half changed could
 * leave it in a state nobody chose (a sale price above a price someone just lowered).
 */
export type ServerValues = Record<string, JsonValue>;

export function serverValues(entity: Entity, row: IntentRow, raw: ServerRow): ServerValues {
  const out: ServerValues = {};
  for (const field of Object.keys(row.fields)) out[field] = fromWire(fieldSpec(entity, field)!, raw[field]);
  return out;
}

export function allMatch(entity: Entity, row: IntentRow, server: ServerValues, side: 'from' | 'to'): boolean {
  return Object.entries(row.fields).every(([field, f]) => sameValue(fieldSpec(entity, field)!, server[field] ?? null, f[side]));
}

export type Verdict =
  | { kind: 'missing' }
  | { kind: 'applied' | 'unchanged' | 'conflict'; server: ServerValues };

/** After a write whose answer never came: did it land? */
export function classifyAfterWrite(entity: Entity, row: IntentRow, raw: ServerRow | undefined): Verdict {
  if (!raw) return { kind: 'missing' };
  const server = serverValues(entity, row, raw);
  if (allMatch(entity, row, server, 'to')) return { kind: 'applied', server };
  if (allMatch(entity, row, server, 'from')) return { kind: 'unchanged', server };
  return { kind: 'conflict', server };
}

export const MISSING_MESSAGE = 'Not found on the store (deleted since the edit was made?)';

/** Row states for a row the store changed behind the job's back: every edit reports its field's value now. */
export function conflictStates(entity: Entity, row: IntentRow, server: ServerValues): Array<[number, RowState]> {
  return Object.entries(row.fields).map(([field, f]) => {
    const now = server[field] ?? null;
    const changed = !sameValue(fieldSpec(entity, field)!, now, f.from);
    const message = changed
      ? 'Changed on the store since the edit was made; not applied'
      : 'Not applied: another field of this row changed on the store';
    return [f.edit, { status: 'conflict', message, serverValue: now }];
  });
}

export function missingStates(row: IntentRow): Array<[number, RowState]> {
  return Object.values(row.fields).map((f) => [f.edit, { status: 'failed', message: MISSING_MESSAGE }]);
}
