import Papa from 'papaparse';
import type { JsonValue } from '../../../../../shared/contract';
import { formatMoney, isMoney } from '../../../../../shared/money';
import type { GridView } from '../../../components/data-grid';
import { BIGCOMMERCE_HEADERS, KEY_HEADERS, type HeaderStyle } from './csv-headers';

const MONEY_COLUMNS = new Set(['price', 'sale_price', 'retail_price', 'cost_price']);
// A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection); numbers stay as they are.
const FORMULA = /^[=+\-@\t\r](?![\d.,]+$)/;

export interface ExportOptions {
  style: HeaderStyle;
  decimalPlaces: number;
  /** The product id behind a variant row (rowIds are "p12" and "v34"). */
  productOf(rowId: string): number | undefined;
}

function text(columnId: string, value: JsonValue, options: ExportOptions): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return options.style === 'bigcommerce' ? (value ? 'Y' : 'N') : value ? 'Yes' : 'No';
  if (MONEY_COLUMNS.has(columnId) && typeof value === 'string' && isMoney(value)) return formatMoney(value, options.decimalPlaces);
  return String(value);
}

/**
 * The grid's view as CSV: the key columns (item, product id, variant id) first, then the shown
 * columns in their order (the ID column is the keys), each filtered, sorted row followed by its
 * variant rows; money with the store's decimal places. The caller adds the BOM.
 */
export function viewToCsv(view: GridView, options: ExportOptions): string {
  const keys = KEY_HEADERS[options.style];
  const shown = view.columns.map((c, i) => ({ ...c, i })).filter((c) => c.id !== 'id');
  const header = [keys.item, keys.productId, keys.variantId, ...shown.map((c) => (options.style === 'bigcommerce' ? (BIGCOMMERCE_HEADERS[c.id] ?? c.label) : c.label))];
  const body = view.rows.map((row) => {
    const id = Number(row.rowId.slice(1));
    const variant = row.rowId.startsWith('v');
    const lead = variant ? [keys.variant, String(options.productOf(row.rowId) ?? ''), String(id)] : [keys.product, String(id), ''];
    return [...lead, ...shown.map((c) => text(c.id, row.values[c.i] ?? null, options))];
  });
  return Papa.unparse([header, ...body], { newline: '\r\n', escapeFormulae: FORMULA });
}

/** A text cell written with a leading apostrophe by the export (or a spreadsheet) reads without it. */
export const unescapeFormula = (text: string): string => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/** Offers the CSV as a download (browser mode saves it; Electron asks where, with its save dialog). */
export function downloadCsv(csv: string, fileName: string): void {
  // UTF-8 with a BOM: Excel reads the file as UTF-8 only when it starts with one.
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
