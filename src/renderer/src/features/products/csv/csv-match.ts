import { editValueProblem, fieldSpec, sameFieldValue, type EditCheckContext, type JobEdit, type JsonValue } from '../../../../../shared/contract';
import type { EditTarget, GridColumn } from '../../../components/data-grid';
import type { UndoCell } from '../../../components/data-grid/model/undo-store';
import { coerceCell } from '../../../components/data-grid/model/coerce';
import type { CatalogRow } from '../product-rows';
import { unescapeFormula } from './csv-export';
import { itemKind, type HeaderMap, type ImportableColumn } from './csv-headers';
import { rowLabel, skuKey, type CatalogIndex } from './csv-index';
import { normalizeNumber, type DecimalMark } from './csv-numbers';
import type { Sliced } from './sliced';

/** The parsed file: data rows with their record numbers (the header is row 1). */
export interface ParsedFile {
  header: string[];
  rows: string[][];
  /** Record number of rows[0]; rows are consecutive records. */
  firstRow: number;
  problems: ReadonlyMap<number, string>;
}

export interface MatchContext {
  index: CatalogIndex;
  columns: ReadonlyMap<string, GridColumn<CatalogRow>>;
  /** What the cell shows now (a staged value over the store's). */
  shown(target: EditTarget, row: CatalogRow): JsonValue;
  checks: EditCheckContext;
}

export interface MatchOptions {
  headers: HeaderMap;
  mark: DecimalMark;
  /** The file columns the user takes. */
  take: ReadonlySet<ImportableColumn>;
}

export interface Change {
  columnId: ImportableColumn;
  target: EditTarget;
  from: JsonValue;
  to: JsonValue;
}

export interface MatchedRow {
  row: number;
  rowId: string;
  label: string;
  changes: Change[];
}

export interface ReportedRow {
  row: number;
  reason: string;
}

export interface ImportReport {
  /** Matched rows with at least one change. */
  matched: MatchedRow[];
  /** Matched rows whose taken values are what the grid shows already. */
  unchanged: number;
  unmatched: ReportedRow[];
  invalid: ReportedRow[];
  /** Rows of item types Stockroom does not import (rules, images). */
  skipped: ReportedRow[];
}

/** Rows per slice between yields: small enough that a slice stays far under a frame on a slow machine. */
const SLICE = 100;

type Resolved = { kind: 'row'; row: CatalogRow } | { kind: 'unmatched' | 'invalid' | 'skipped'; reason: string } | { kind: 'blank' };

const cell = (cells: readonly string[], index: number | undefined): string => (index === undefined ? '' : (cells[index] ?? '').trim());

function idOf(text: string, what: string): number | string {
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : `${what} "${text}" is not an id`;
}

/** Which grid row a file row is: by variant id, product id, or SKU, as its item type allows. */
export function resolveRow(cells: readonly string[], headers: HeaderMap, index: CatalogIndex): Resolved {
  if (cells.every((c) => c.trim() === '')) return { kind: 'blank' };
  const { keys } = headers;
  const itemText = cell(cells, keys.item);
  const item = keys.item === undefined ? 'unknown' : itemKind(itemText);
  if (item === 'other') return { kind: 'skipped', reason: `"${itemText}" rows are not imported` };
  const variantId = item === 'product' ? '' : cell(cells, keys.variantId) || (item === 'variant' ? cell(cells, keys.id) : '');
  const productId = item === 'variant' ? '' : cell(cells, keys.productId) || cell(cells, keys.id);
  if (variantId) {
    const id = idOf(variantId, 'Variant ID');
    if (typeof id === 'string') return { kind: 'invalid', reason: id };
    const row = index.variants.get(id);
    return row ? { kind: 'row', row } : { kind: 'unmatched', reason: `unknown variant ID ${id}` };
  }
  if (productId) {
    const id = idOf(productId, 'Product ID');
    if (typeof id === 'string') return { kind: 'invalid', reason: id };
    const row = index.products.get(id);
    return row ? { kind: 'row', row } : { kind: 'unmatched', reason: `unknown product ID ${id}` };
  }
  const sku = cell(cells, keys.sku);
  if (!sku) return { kind: 'unmatched', reason: 'no ID or SKU to match' };
  const row = index.skus.get(skuKey(sku));
  if (!row) return { kind: 'unmatched', reason: `unknown SKU "${sku}"` };
  if (item !== 'unknown' && row.kind !== item) return { kind: 'unmatched', reason: `SKU "${sku}" is a ${row.kind}, not a ${item}` };
  return { kind: 'row', row };
}

/** Text → the value the field takes, as typing it into the grid would (numbers read with the file's mark). */
function fieldValue(target: EditTarget, text: string, mark: DecimalMark): { ok: true; value: JsonValue } | { ok: false; message: string } {
  const spec = fieldSpec(target.entity, target.field);
  if (!spec) return { ok: false, message: 'cannot be edited' };
  let input = spec.kind === 'string' ? unescapeFormula(text) : text;
  if (spec.kind === 'money' || spec.kind === 'decimal' || spec.kind === 'integer') {
    const normalized = normalizeNumber(text, mark);
    if (!normalized.ok) return normalized;
    input = normalized.text;
  }
  return coerceCell(spec, input);
}

/**
 * The text is exactly what the cell holds (most cells of an exported file): unchanged without
 * parsing it. With a decimal comma, numbers always go the long way (a point must be refused).
 */
function sameText(text: string, value: JsonValue, mark: DecimalMark): boolean {
  if (typeof value === 'string') return text === value && (mark === 'point' || !/^[\d.,+-]+$/.test(text));
  return typeof value === 'number' && mark === 'point' && text === String(value);
}

/** The changes one matched row makes, or the reasons it cannot be taken. */
export function rowChanges(cells: readonly string[], row: CatalogRow, ctx: MatchContext, options: MatchOptions): { changes: Change[]; problems: string[] } {
  const changes: Change[] = [];
  const problems: string[] = [];
  for (const columnId of options.take) {
    const at = options.headers.fields[columnId];
    const column = ctx.columns.get(columnId);
    const target = column?.edit?.(row);
    if (at === undefined || !column || !target) continue;
    const header = column.label;
    const text = cells[at] ?? '';
    const from = ctx.shown(target, row);
    if (sameText(text, from, options.mark)) continue;
    const coerced = fieldValue(target, text, options.mark);
    if (!coerced.ok) {
      problems.push(`${header}: ${coerced.message}`);
      continue;
    }
    if (sameFieldValue(fieldSpec(target.entity, target.field)!, from, coerced.value)) continue;
    const refused = column.refuse?.(row) ?? editValueProblem({ ...target, to: coerced.value }, ctx.checks);
    if (refused) problems.push(`${header}: ${refused}`);
    else changes.push({ columnId, target, from, to: coerced.value });
  }
  return { changes, problems };
}

/** Every file row → matched (with its changes), unchanged, unmatched, invalid or skipped, with the reason. */
export function* matchFile(file: ParsedFile, ctx: MatchContext, options: MatchOptions): Sliced<ImportReport> {
  const report: ImportReport = { matched: [], unchanged: 0, unmatched: [], invalid: [], skipped: [] };
  const resolved: Resolved[] = new Array<Resolved>(file.rows.length);
  // Record key → its first row; keys named by more rows → all their rows (rare: kept apart).
  const first = new Map<string, number>();
  const repeated = new Map<string, number[]>();
  for (let i = 0; i < file.rows.length; i++) {
    const r = resolveRow(file.rows[i]!, options.headers, ctx.index);
    resolved[i] = r;
    if (r.kind === 'row') {
      const at = first.get(r.row.key);
      if (at === undefined) first.set(r.row.key, file.firstRow + i);
      else repeated.set(r.row.key, [...(repeated.get(r.row.key) ?? [at]), file.firstRow + i]);
    }
    if (i % SLICE === SLICE - 1) yield;
  }
  for (let i = 0; i < file.rows.length; i++) {
    const rowNumber = file.firstRow + i;
    const r = resolved[i]!;
    const problem = file.problems.get(rowNumber);
    if (r.kind === 'blank') continue;
    if (problem) report.invalid.push({ row: rowNumber, reason: problem });
    else if (r.kind === 'unmatched') report.unmatched.push({ row: rowNumber, reason: r.reason });
    else if (r.kind === 'invalid') report.invalid.push({ row: rowNumber, reason: r.reason });
    else if (r.kind === 'skipped') report.skipped.push({ row: rowNumber, reason: r.reason });
    else if (r.kind === 'row') takeRow(report, rowNumber, r.row, file.rows[i]!, repeated.get(r.row.key), ctx, options);
    if (i % SLICE === SLICE - 1) yield;
  }
  return report;
}

function takeRow(report: ImportReport, rowNumber: number, row: CatalogRow, cells: readonly string[], rows: number[] | undefined, ctx: MatchContext, options: MatchOptions) {
  if (rows) {
    report.invalid.push({ row: rowNumber, reason: `duplicate: rows ${rows.join(', ')} are all ${rowLabel(row)}; keep one` });
    return;
  }
  const { changes, problems } = rowChanges(cells, row, ctx, options);
  if (problems.length) report.invalid.push({ row: rowNumber, reason: problems.join('; ') });
  else if (changes.length) report.matched.push({ row: rowNumber, rowId: row.key, label: rowLabel(row), changes });
  else report.unchanged++;
}

/**
 * The accepted rows' changes as staged edits and the grid's undo step for them (each cell's value
 * before and after), built a slice at a time: staged in one call, undone in one step.
 */
export function* importEdits(report: ImportReport): Sliced<{ edits: JobEdit[]; step: UndoCell[] }> {
  const edits: JobEdit[] = [];
  const step: UndoCell[] = [];
  for (let i = 0; i < report.matched.length; i++) {
    for (const { target, from, to } of report.matched[i]!.changes) {
      edits.push({ entity: target.entity, id: target.id, ...(target.productId !== undefined ? { productId: target.productId } : {}), field: target.field, from, to });
      step.push({ target, before: from, after: to });
    }
    if (i % 1000 === 999) yield;
  }
  return { edits, step };
}

export const changeCount = (report: ImportReport): number => report.matched.reduce((n, m) => n + m.changes.length, 0);
