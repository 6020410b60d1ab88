import { useMemo, useState, type FormEvent } from 'react';
import type { JsonValue } from '../../../../../shared/contract';
import { Dialog } from '../../../components/Dialog';
import type { CellText, SelectedCell, StageResult } from '../../../components/data-grid';
import { planRule, ROUNDINGS, type BulkRule, type Rounding, type RulePlan } from './bulk-rule';

export interface RuleDialogProps {
  cells: readonly SelectedCell[];
  decimalPlaces: number;
  currency: string | null;
  /** The row's name as the grid shows it ("Blue mug", "Blue mug — Size: M"). */
  rowLabel(rowId: string): string;
  columnLabel(columnId: string): string;
  /** The value a cell's row has in another column (set from another column). */
  valueIn(cell: SelectedCell, columnId: string): JsonValue;
  /** Price columns a rule may start from. */
  sourceColumns: ReadonlyArray<{ id: string; label: string }>;
  /** The grid's stageCells: one undo step. */
  onStage(cells: readonly CellText[]): Promise<StageResult>;
  onClose(): void;
}

type Kind = BulkRule['kind'];
const KINDS: Array<[Kind, string]> = [
  ['increase', 'Increase by'],
  ['decrease', 'Decrease by'],
  ['set', 'Set to'],
  ['multiply', 'Multiply by'],
  ['round', 'Round only'],
  ['fromColumn', 'Set from another column'],
  ['clear', 'Clear sale price'],
];
const ROUNDING_LABELS: Record<Rounding, string> = {
  places: 'the currency’s decimals',
  '.99': 'end in .99',
  '.95': 'end in .95',
  '0.05': 'nearest 0.05',
  whole: 'whole amounts',
};
const EXAMPLES = 5;

/**
 * A rule over the selected cells, previewed before anything is staged: how many cells change,
 * which are skipped and why, and a few examples. Staging goes through the grid, as one undo step.
 */
export function RuleDialog(props: RuleDialogProps) {
  const [kind, setKind] = useState<Kind>('increase');
  const [amount, setAmount] = useState('10');
  const [unit, setUnit] = useState<'amount' | 'percent'>('percent');
  const [source, setSource] = useState(props.sourceColumns[0]?.id ?? 'price');
  const [rounding, setRounding] = useState<Rounding>('places');
  const [staging, setStaging] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const rule = ruleOf(kind, amount, unit, source);
  const { cells, decimalPlaces, valueIn } = props;
  const result = useMemo(() => planRule(rule, cells, { decimalPlaces, rounding, valueIn }), [rule, cells, decimalPlaces, rounding, valueIn]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!result.ok || result.plan.changes.length === 0) return;
    setStaging(true);
    try {
      const staged = await props.onStage(result.plan.changes.map((c) => ({ rowId: c.cell.rowId, columnId: c.cell.columnId, text: c.text })));
      if (staged.refused.length === 0) props.onClose();
      else setFailure(`${staged.refused.length} cells were refused: ${staged.refused.slice(0, 3).map((r) => `${props.rowLabel(r.rowId)} ${props.columnLabel(r.columnId)}: ${r.message}`).join('; ')}`);
    } catch (error) {
      setFailure(`Nothing was staged: ${(error as Error).message}`);
    } finally {
      setStaging(false);
    }
  };
  const changes = result.ok ? result.plan.changes.length : 0;
  return (
    <Dialog
      title={`Rule over ${cells.length.toLocaleString()} selected ${cells.length === 1 ? 'cell' : 'cells'}`}
      onClose={props.onClose}
      wide
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" form="rule-form" className="button primary" disabled={staging || changes === 0}>
            {staging ? 'Staging…' : `Stage ${changes.toLocaleString()} ${changes === 1 ? 'change' : 'changes'}`}
          </button>
        </>
      }
    >
      <form id="rule-form" className="form rule-form" onSubmit={(e) => void submit(e)}>
        {/* aria-label on each control: a wrapping <label> would also name a select by its options' text. */}
        <div className="rule-fields">
          <label>
            Rule
            <select aria-label="Rule" value={kind} onChange={(e) => setKind(e.target.value as Kind)} autoFocus>
              {KINDS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {kind === 'fromColumn' && (
            <label>
              From column
              <select aria-label="From column" value={source} onChange={(e) => setSource(e.target.value)}>
                {props.sourceColumns.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {kind !== 'round' && kind !== 'clear' && (
            <label>
              {kind === 'fromColumn' ? 'Factor' : 'Amount'}
              <input aria-label={kind === 'fromColumn' ? 'Factor' : 'Amount'} value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" spellCheck={false} />
            </label>
          )}
          {(kind === 'increase' || kind === 'decrease') && (
            <label>
              Unit
              <select aria-label="Unit" value={unit} onChange={(e) => setUnit(e.target.value as 'amount' | 'percent')}>
                <option value="percent">%</option>
                <option value="amount">{props.currency ?? 'amount'}</option>
              </select>
            </label>
          )}
          {kind !== 'clear' && (
            <label>
              Round prices to
              <select aria-label="Round prices to" value={rounding} onChange={(e) => setRounding(e.target.value as Rounding)}>
                {ROUNDINGS.map((r) => (
                  <option key={r} value={r}>
                    {ROUNDING_LABELS[r]}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      </form>
      {result.ok ? <Preview plan={result.plan} total={cells.length} {...props} /> : <p className="form-error" role="alert">{result.message}</p>}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </Dialog>
  );
}

function ruleOf(kind: Kind, amount: string, unit: 'amount' | 'percent', source: string): BulkRule {
  switch (kind) {
    case 'increase':
    case 'decrease':
      return { kind, amount, unit };
    case 'set':
    case 'multiply':
      return { kind, amount };
    case 'fromColumn':
      return { kind, source, factor: amount };
    case 'round':
    case 'clear':
      return { kind };
  }
}

function Preview({ plan, total, rowLabel, columnLabel }: { plan: RulePlan; total: number } & Pick<RuleDialogProps, 'rowLabel' | 'columnLabel'>) {
  const n = plan.changes.length;
  return (
    <section className="rule-preview" aria-label="Preview" aria-live="polite">
      <p>
        <strong>
          {n.toLocaleString()} of {total.toLocaleString()} {total === 1 ? 'cell changes' : 'cells change'}
        </strong>
        {plan.unchanged > 0 && <span className="muted"> · {plan.unchanged.toLocaleString()} already at the result</span>}
      </p>
      {[...plan.skipped].map(([reason, count]) => (
        <p key={reason} className="muted small">
          {count.toLocaleString()} skipped: {reason}
        </p>
      ))}
      {plan.clamped > 0 && (
        <p className="warning-text small">
          {plan.clamped.toLocaleString()} stock {plan.clamped === 1 ? 'level' : 'levels'} would go below 0 and {plan.clamped === 1 ? 'stays' : 'stay'} at 0
        </p>
      )}
      {n > 0 && (
        <ul className="rule-examples" aria-label="Examples">
          {plan.changes.slice(0, EXAMPLES).map((c) => (
            <li key={`${c.cell.rowId}:${c.cell.columnId}`}>
              <span className="example-row">{rowLabel(c.cell.rowId)}</span> <span className="muted">{columnLabel(c.cell.columnId)}</span>{' '}
              <span className="num">{c.cell.text || '—'}</span> → <strong className="num">{c.text || '—'}</strong>
            </li>
          ))}
          {n > EXAMPLES && <li className="muted">and {(n - EXAMPLES).toLocaleString()} more</li>}
        </ul>
      )}
    </section>
  );
}
