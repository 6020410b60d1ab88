import { fieldSpec, sameFieldValue, type FieldSpec, type JobEdit, type JsonValue } from '../../../../../shared/contract';
import type { EditTarget, GridColumn } from '../types';
import { coerceCell } from './coerce';
import type { UndoCell } from './undo-store';

/** One cell text to stage, with the row and column it lands on. */
export interface TextAt<Row> {
  row: Row;
  rowId: string;
  column: GridColumn<Row>;
  text: string;
}

export interface Refusal {
  rowId: string;
  columnId: string;
  text: string;
  message: string;
}

export interface Prepared {
  edits: JobEdit[];
  /** Each edit's staged key (entity:id:field), in the order of `edits`. */
  keys: string[];
  /** The undo step these edits make (each cell's shown value before and after). */
  step: UndoCell[];
  refused: Refusal[];
}

/** Where a column's cell of this row writes, or why it does not: read-only (null) or refused (reason). */
export function cellTarget<Row>(column: GridColumn<Row>, row: Row): EditTarget | string | null {
  const target = column.edit?.(row) ?? null;
  if (!target) return null;
  return column.refuse?.(row) ?? target;
}

/** What a cell shows now, by its staged key: the grid's overlay over the store's value. */
export type ShownAt<Row> = (key: string, column: GridColumn<Row>, row: Row) => JsonValue;

type Outcome = { value: JsonValue; spec: FieldSpec } | { message: string } | null;

/** A text → the value its field takes, or why not; null for a cell nothing can be staged in. */
function valueFor<Row>(
  target: EditTarget,
  column: GridColumn<Row>,
  row: Row,
  text: string,
  validate?: (target: EditTarget, value: JsonValue, row: Row) => string | null,
): Outcome {
  const spec = fieldSpec(target.entity, target.field);
  if (!spec) return null;
  const coerced = coerceCell(spec, column.parse ? column.parse(text, row) : text);
  if (!coerced.ok) return { message: coerced.message };
  const problem = validate?.(target, coerced.value, row);
  return problem ? { message: problem } : { value: coerced.value, spec };
}

/**
 * Cell texts → the edits they stage, against what each cell shows now (`shown`). A text the field
 * cannot take, or a row that refuses the column, is refused with its reason; read-only and
 * unchanged cells are skipped; the same cell twice keeps the last text (a paste over a tiled block).
 * A paste runs this over 10,000 cells before its frame: each cell's key is made once and handed on.
 */
export function prepareStage<Row>(
  texts: Iterable<TextAt<Row>>,
  shown: ShownAt<Row>,
  validate?: (target: EditTarget, value: JsonValue, row: Row) => string | null,
): Prepared {
  const byKey = new Map<string, { edit: JobEdit; cell: UndoCell }>();
  const refused: Refusal[] = [];
  for (const { row, rowId, column, text } of texts) {
    const target = cellTarget(column, row);
    if (target === null) continue;
    if (typeof target === 'string') {
      refused.push({ rowId, columnId: column.id, text, message: target });
      continue;
    }
    const outcome = valueFor(target, column, row, text, validate);
    if (outcome === null) continue;
    if ('message' in outcome) {
      refused.push({ rowId, columnId: column.id, text, message: outcome.message });
      continue;
    }
    const key = `${target.entity}:${target.id}:${target.field}`;
    const from = shown(key, column, row);
    if (sameFieldValue(outcome.spec, from, outcome.value)) {
      byKey.delete(key);
      continue;
    }
    // Built field by field: an object spread of the target cost a paste more than its parsing did.
    const { entity, id, productId, field } = target;
    const edit: JobEdit = productId === undefined ? { entity, id, field, from, to: outcome.value } : { entity, id, productId, field, from, to: outcome.value };
    byKey.set(key, { edit, cell: { target, before: from, after: outcome.value } });
  }
  const edits: JobEdit[] = [];
  const step: UndoCell[] = [];
  for (const { edit, cell } of byKey.values()) {
    edits.push(edit);
    step.push(cell);
  }
  return { edits, keys: [...byKey.keys()], step, refused };
}

/** A value as a spreadsheet shows it: TRUE/FALSE for flags, empty for null. */
export function plainText(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
