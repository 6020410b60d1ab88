import { editValueProblem, fieldSpec, sameFieldValue, type EditCheckContext, type Entity, type JobEdit, type JsonValue } from '../../../../../shared/contract';
import { coerceCell } from './coerce';
import type { Cell } from './range';

/** An editable grid column: which field of which entity it shows, and how to read it from a row. */
export interface EditableColumn<Row> {
  entity: Entity;
  field: string;
  /** The row's id for that entity (a product grid's variant columns would give the variant id). */
  idOf(row: Row): number;
  /** The variant's product, when the entity is a variant. */
  productIdOf?(row: Row): number | undefined;
  /** The value the grid shows now (the store's value, or a staged one). */
  valueOf(row: Row): JsonValue;
}

export interface CellError {
  cell: Cell;
  text: string;
  message: string;
}

/**
 * Typed, pasted or filled cell texts → the edits they make, against what each cell shows now.
 * A cell whose text is not a valid value for its field is reported and makes no edit; a cell that
 * ends where it started makes none either; a column that is not editable (no spec) is skipped, as
 * a read-only cell in a spreadsheet. With `checks`, the store-aware checks main runs too (decimal
 * places of the store's currency, SKUs) refuse a cell as it is typed rather than when it is staged.
 */
export function editsFromTexts<Row>(
  rows: readonly Row[],
  columns: readonly (EditableColumn<Row> | null)[],
  texts: Iterable<{ cell: Cell; text: string }>,
  checks?: EditCheckContext,
): { edits: JobEdit[]; errors: CellError[] } {
  const edits: JobEdit[] = [];
  const errors: CellError[] = [];
  for (const { cell, text } of texts) {
    const row = rows[cell.row];
    const column = columns[cell.col];
    if (row === undefined || !column) continue;
    const spec = fieldSpec(column.entity, column.field);
    if (!spec) continue;
    const coerced = coerceCell(spec, text);
    if (!coerced.ok) {
      errors.push({ cell, text, message: coerced.message });
      continue;
    }
    const from = column.valueOf(row);
    if (sameFieldValue(spec, from, coerced.value)) continue;
    const id = column.idOf(row);
    const problem = checks && editValueProblem({ entity: column.entity, id, field: column.field, to: coerced.value }, checks);
    if (problem) {
      errors.push({ cell, text, message: problem });
      continue;
    }
    const productId = column.productIdOf?.(row);
    edits.push({
      entity: column.entity,
      id,
      ...(productId !== undefined ? { productId } : {}),
      field: column.field,
      from,
      to: coerced.value,
    });
  }
  return { edits, errors };
}
