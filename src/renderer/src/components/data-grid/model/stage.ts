import { fieldSpec, sameFieldValue, type JobEdit, type JsonValue } from '../../../../../shared/contract';
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

/**
 * Cell texts → the edits they stage, against what each cell shows now (`shown`). A text the field
 * cannot take, or a row that refuses the column, is refused with its reason; read-only and
 * unchanged cells are skipped; the same cell twice keeps the last text (a paste over a tiled block).
 */
export function prepareStage<Row>(
  texts: Iterable<TextAt<Row>>,
  shown: (target: EditTarget, column: GridColumn<Row>, row: Row) => JsonValue,
  validate?: (target: EditTarget, value: JsonValue, row: Row) => string | null,
): Prepared {
  const byKey = new Map<string, { edit: JobEdit; cell: UndoCell }>();
  const refused: Refusal[] = [];
  for (const { row, rowId, column, text } of texts) {
    const target = cellTarget(column, row);
    if (target === null) continue;
    const refuse = (message: string) => refused.push({ rowId, columnId: column.id, text, message });
    if (typeof target === 'string') {
      refuse(target);
      continue;
    }
    const spec = fieldSpec(target.entity, target.field);
    if (!spec) continue;
    const coerced = coerceCell(spec, column.parse ? column.parse(text, row) : text);
    if (!coerced.ok) {
      refuse(coerced.message);
      continue;
    }
    const problem = validate?.(target, coerced.value, row);
    if (problem) {
      refuse(problem);
      continue;
    }
    const from = shown(target, column, row);
    const key = `${target.entity}:${target.id}:${target.field}`;
    if (sameFieldValue(spec, from, coerced.value)) {
      byKey.delete(key);
      continue;
    }
    const edit: JobEdit = { ...target, from, to: coerced.value };
    byKey.set(key, { edit, cell: { target, before: from, after: coerced.value } });
  }
  const entries = [...byKey.values()];
  return { edits: entries.map((e) => e.edit), step: entries.map((e) => e.cell), refused };
}

/** A value as a spreadsheet shows it: TRUE/FALSE for flags, empty for null. */
export function plainText(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
