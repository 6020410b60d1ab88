import { memo, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { GUTTER, ROW_HEIGHT, type ColumnSlot } from './layout';
import { PENDING_SHOWN } from './new-row';
import type { NewRowDef } from './types';
import './new-row.css';

interface Props<Row extends object> {
  def: NewRowDef;
  /** Every shown column (pinned, then center), with its width: the row is laid out like the others. */
  slots: readonly ColumnSlot<Row>[];
  width: number;
  /** The `aria-rowindex` of the first of these rows (after the header and the grid's rows). */
  firstIndex: number;
}

/** The grid's keys, clipboard and selection stay out of what is typed here. */
const keep = (e: SyntheticEvent) => e.stopPropagation();

/**
 * The rows at the grid's end for quick entry (a screen opts in with `newRow`): staged creates not
 * applied yet, read-only and marked pending, then one row of inputs for the columns the screen
 * names. Enter hands the texts to the screen's `submit`, which checks and stages them; its messages
 * show beside their cells, and a row it took is cleared for the next one. Outside the virtualized
 * body and memoized on the column layout: scrolling through the rows never renders it.
 */
function GridNewRowView<Row extends object>({ def, slots, width, firstIndex }: Props<Row>) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Readonly<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const submit = async () => {
    setBusy(true);
    try {
      const refused = await def.submit(values);
      setProblems(refused);
      if (Object.keys(refused).length === 0) {
        setValues({});
        first.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    e.stopPropagation();
    if (e.key === 'Enter' && !busy) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape') {
      setValues({});
      setProblems({});
    }
  };
  // The newest pending rows, next to the entry row where they were typed.
  const shown = (def.pending ?? []).slice(-PENDING_SHOWN);
  const more = (def.pending?.length ?? 0) - shown.length;
  const firstTyped = slots.find((s) => def.columns.includes(s.column.id))?.column.id;
  const cell = (slot: ColumnSlot<Row>, content: React.ReactNode, className = '') => (
    <div key={slot.column.id} role="gridcell" className={`grid-cell${slot.pinned ? ' pinned' : ''}${className}`} style={slot.pinned ? { width: slot.width, left: slot.stickyLeft } : { width: slot.width }}>
      {content}
    </div>
  );
  return (
    <div className="grid-new-rows" style={{ width }} onKeyDown={onKeyDown} onCopy={keep} onPaste={keep} onCut={keep} onMouseDown={keep}>
      {shown.map((p, i) => (
        <div key={p.key} role="row" aria-rowindex={firstIndex + i} className="grid-row grid-new-row pending" aria-label={p.label} aria-description="staged create, not applied yet">
          <div role="rowheader" className="grid-gutter" style={{ width: GUTTER }}>
            pending
          </div>
          {slots.map((slot) => cell(slot, p.values[slot.column.id] ?? '', ' readonly staged pending'))}
        </div>
      ))}
      {more > 0 && (
        <div role="row" aria-rowindex={firstIndex + shown.length} className="grid-row grid-new-row pending more">
          <div role="gridcell" className="grid-cell readonly" style={{ width }}>
            {`and ${more} more staged (all of them are in Staged changes)`}
          </div>
        </div>
      )}
      <div role="row" aria-rowindex={firstIndex + shown.length + (more > 0 ? 1 : 0)} className="grid-row grid-new-row" aria-label={def.label}>
        <div role="rowheader" className="grid-gutter" style={{ width: GUTTER }} title={`${def.label}: type, then Enter`}>
          + new
        </div>
        {slots.map((slot) => {
          const { id, label } = slot.column;
          if (!def.columns.includes(id)) return cell(slot, null, ' readonly');
          const problem = problems[id];
          const input = (
            <input
              ref={id === firstTyped ? first : undefined}
              className="grid-editor"
              aria-label={`${def.label}: ${label}`}
              aria-invalid={!!problem}
              placeholder={label}
              disabled={busy}
              value={values[id] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [id]: e.target.value }))}
            />
          );
          return cell(
            slot,
            <>
              {input}
              {problem && (
                <span role="note" className="cell-note refusal new-row-note" style={{ bottom: ROW_HEIGHT - 1 }}>
                  {problem}
                </span>
              )}
            </>,
            problem ? ' refused' : '',
          );
        })}
      </div>
    </div>
  );
}

const sameLayout = <Row extends object>(a: Props<Row>, b: Props<Row>): boolean =>
  a.def === b.def &&
  a.width === b.width &&
  a.firstIndex === b.firstIndex &&
  a.slots.length === b.slots.length &&
  a.slots.every((s, i) => s.column === b.slots[i]!.column && s.width === b.slots[i]!.width && s.pinned === b.slots[i]!.pinned && s.stickyLeft === b.slots[i]!.stickyLeft);

/** Re-renders only when the columns' layout or the screen's definition changes. */
export const GridNewRow = memo(GridNewRowView, sameLayout) as typeof GridNewRowView;
