import { useEffect, useRef, useState } from 'react';
import type { Column } from '@tanstack/react-table';
import type { GridFeatures } from './grid-table';
import type { ColumnFilterValue } from './model/filters';
import type { GridColumn } from './types';

type Op = ColumnFilterValue['op'];
const LABELS: Record<Op, string> = { contains: 'contains', equals: 'equals', range: 'between', dateRange: 'between', empty: 'is empty', notEmpty: 'is not empty', oneOf: 'is one of' };

function opsFor(kind: string): Op[] {
  if (kind === 'number') return ['range', 'equals', 'empty', 'notEmpty'];
  if (kind === 'date') return ['dateRange', 'contains', 'empty', 'notEmpty'];
  if (kind === 'enum') return ['oneOf', 'empty', 'notEmpty'];
  return ['contains', 'equals', 'empty', 'notEmpty'];
}

interface Props<Row extends object> {
  column: GridColumn<Row>;
  table: Column<GridFeatures, Row, unknown>;
  onMove(by: -1 | 1): void;
  /** `refocus`: closed by a key or an action, so the grid takes the focus back. */
  onClose(refocus: boolean): void;
}

/** A column's menu: its filter (by the column's kind), move, pin left, hide. Opens with the focus in it (keyboard: Alt+↓). */
export function ColumnMenu<Row extends object>({ column, table, onMove, onClose }: Props<Row>) {
  const kind = column.filter ?? (column.numeric ? 'number' : 'text');
  const current = table.getFilterValue() as ColumnFilterValue | undefined;
  const [op, setOp] = useState<Op>(current?.op ?? opsFor(kind)[0]!);
  const [text, setText] = useState(current && 'text' in current ? current.text : '');
  const [min, setMin] = useState(current?.op === 'range' ? (current.min ?? '') : current?.op === 'dateRange' ? (current.from ?? '') : '');
  const [max, setMax] = useState(current?.op === 'range' ? (current.max ?? '') : current?.op === 'dateRange' ? (current.to ?? '') : '');
  const [values, setValues] = useState<string[]>(current?.op === 'oneOf' ? current.values : []);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('select, input, button')?.focus();
  }, []);
  useEffect(() => {
    const close = (e: globalThis.MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && onClose(false);
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [onClose]);

  const apply = () => {
    const value: ColumnFilterValue =
      op === 'range' ? { op, min, max } : op === 'dateRange' ? { op, from: min, to: max } : op === 'oneOf' ? { op, values } : op === 'empty' || op === 'notEmpty' ? { op } : { op, text };
    table.setFilterValue(value);
    onClose(true);
  };
  const act = (action: () => void) => () => {
    action();
    onClose(true);
  };
  return (
    <div ref={ref} className="column-menu" role="dialog" aria-label={`${column.label} column`} onMouseDown={(e) => e.stopPropagation()} onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose(true);
      }}>
      <label className="field">
        <span>Filter</span>
        <select aria-label={`${column.label} filter`} value={op} onChange={(e) => setOp(e.target.value as Op)}>
          {opsFor(kind).map((o) => (
            <option key={o} value={o}>
              {LABELS[o]}
            </option>
          ))}
        </select>
      </label>
      {(op === 'contains' || op === 'equals') && <input aria-label={`${column.label} filter text`} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && apply()} />}
      {(op === 'range' || op === 'dateRange') && (
        <div className="range-inputs">
          <input type={op === 'dateRange' ? 'date' : 'text'} aria-label={`${column.label} from`} placeholder="from" value={min} max={op === 'dateRange' ? max || undefined : undefined} onChange={(e) => setMin(e.target.value)} />
          <input type={op === 'dateRange' ? 'date' : 'text'} aria-label={`${column.label} to`} placeholder="to" value={max} min={op === 'dateRange' ? min || undefined : undefined} onChange={(e) => setMax(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && apply()} />
        </div>
      )}
      {op === 'oneOf' && (
        <div className="one-of">
          {(column.options ?? []).map((option) => (
            <label key={option}>
              <input type="checkbox" checked={values.includes(option)} onChange={(e) => setValues(e.target.checked ? [...values, option] : values.filter((v) => v !== option))} />
              {option}
            </label>
          ))}
        </div>
      )}
      <div className="menu-actions">
        <button type="button" className="button small primary" onClick={apply}>
          Filter
        </button>
        <button type="button" className="button small" disabled={!current} onClick={act(() => table.setFilterValue(undefined))}>
          Clear filter
        </button>
      </div>
      <div className="menu-actions">
        <button type="button" className="button small" onClick={act(() => onMove(-1))}>
          Move left
        </button>
        <button type="button" className="button small" onClick={act(() => onMove(1))}>
          Move right
        </button>
      </div>
      <div className="menu-actions">
        <button type="button" className="button small" onClick={act(() => table.pin(table.getIsPinned() ? false : 'start'))}>
          {table.getIsPinned() ? 'Unpin' : 'Pin left'}
        </button>
        <button type="button" className="button small" onClick={act(() => table.toggleVisibility(false))}>
          Hide column
        </button>
      </div>
    </div>
  );
}
