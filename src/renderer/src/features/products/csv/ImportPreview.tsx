import type { JsonValue } from '../../../../../shared/contract';
import { formatMoney, isMoney } from '../../../../../shared/money';
import { IMPORTABLE, type ImportableColumn } from './csv-headers';
import { changeCount, type ImportReport, type ReportedRow } from './csv-match';
import type { DecimalMark } from './csv-numbers';
import { delimiterName, type LoadedFile } from './useCsvImport';

/** Rows listed per section; the rest are counted. */
const SHOWN = 200;
const MONEY = new Set(['price', 'sale_price', 'retail_price', 'cost_price']);
const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

interface Props {
  file: LoadedFile;
  report: ImportReport;
  mark: DecimalMark;
  take: ReadonlySet<ImportableColumn>;
  columnLabel(id: string): string;
  decimalPlaces: number;
  onOptions(mark: DecimalMark, take: ReadonlySet<ImportableColumn>): void;
}

/** What an import would do: the file's reading, the columns taken, and every row matched, unmatched or invalid with why. */
export function ImportPreview({ file, report, mark, take, columnLabel, decimalPlaces, onOptions }: Props) {
  const present = IMPORTABLE.filter((c) => file.headers.fields[c] !== undefined);
  const show = (columnId: string, value: JsonValue) =>
    value === null ? '(empty)' : MONEY.has(columnId) && typeof value === 'string' && isMoney(value) ? formatMoney(value, decimalPlaces) : typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
  const { evidence } = file;
  return (
    <div className="csv-preview">
      <p>
        {n(file.rows.length, 'row')} · separated by {delimiterName(file.delimiter)} ·{' '}
        <label>
          numbers read with a{' '}
          <select aria-label="Decimal mark" value={mark} onChange={(e) => onOptions(e.target.value as DecimalMark, take)}>
            <option value="point">decimal point (12.50)</option>
            <option value="comma">decimal comma (12,50)</option>
          </select>
        </label>{' '}
        <span className="muted small">
          the file’s money cells: {n(evidence.point, 'value')} with a point, {n(evidence.comma, 'value')} with a comma{evidence.mixed() ? ' — both: the rows that do not fit are invalid' : ''}
        </span>
      </p>
      <fieldset className="csv-columns">
        <legend>Columns to take</legend>
        {present.length === 0 && <p className="error-text">No column of this file is one Stockroom imports.</p>}
        {present.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={take.has(c)}
              onChange={(e) => {
                const next = new Set(take);
                if (e.target.checked) next.add(c);
                else next.delete(c);
                onOptions(mark, next);
              }}
            />{' '}
            {columnLabel(c)} <span className="muted small">(“{file.header[file.headers.fields[c]!]}”)</span>
          </label>
        ))}
      </fieldset>
      {file.headers.ignored.length > 0 && (
        <details>
          <summary>{n(file.headers.ignored.length, 'column')} ignored</summary>
          <ul className="small">
            {file.headers.ignored.map((i) => (
              <li key={i.index}>
                “{i.header}”: {i.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <section aria-label="Matched rows" className="csv-section">
        <h3>
          Matched: {n(report.matched.length, 'row')} with {n(changeCount(report), 'change')}
          {report.unchanged > 0 && <span className="muted"> · {n(report.unchanged, 'row')} unchanged</span>}
        </h3>
        <ul>
          {report.matched.slice(0, SHOWN).map((m) => (
            <li key={m.row}>
              Row {m.row}: {m.label} — {m.changes.map((c) => `${columnLabel(c.columnId)} ${show(c.columnId, c.from)} → ${show(c.columnId, c.to)}`).join(', ')}
            </li>
          ))}
          {report.matched.length > SHOWN && <li className="muted">and {n(report.matched.length - SHOWN, 'more row')}</li>}
        </ul>
      </section>
      <Reported label="Unmatched" rows={report.unmatched} />
      <Reported label="Invalid" rows={report.invalid} />
      <Reported label="Skipped" rows={report.skipped} />
    </div>
  );
}

function Reported({ label, rows }: { label: string; rows: readonly ReportedRow[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-label={`${label} rows`} className="csv-section">
      <h3>
        {label}: {n(rows.length, 'row')} <span className="muted small">(nothing of these is staged)</span>
      </h3>
      <ul>
        {rows.slice(0, SHOWN).map((r) => (
          <li key={r.row}>
            Row {r.row}: {r.reason}
          </li>
        ))}
        {rows.length > SHOWN && <li className="muted">and {n(rows.length - SHOWN, 'more row')}</li>}
      </ul>
    </section>
  );
}
