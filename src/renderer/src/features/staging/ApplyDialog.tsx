import { useState, type FormEvent } from 'react';
import type { StagedEdit } from '../../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { fieldLabel, type RowName } from './review';

interface Props {
  storeName: string;
  /** The edits Apply would send (not those a job is applying already). */
  ready: readonly StagedEdit[];
  countsByField: ReadonlyArray<[string, number]>;
  warnings: ReadonlyMap<string, string[]>;
  nameOf(edit: StagedEdit): RowName;
  keyOf(edit: StagedEdit): string;
  onApply(title: string): void;
  onClose(): void;
}

const SHOWN = 12;

/** The last look before Apply: what changes per column, and every warning, confirmed before the job starts. */
export function ApplyDialog({ storeName, ready, countsByField, warnings, nameOf, keyOf, onApply, onClose }: Props) {
  const [title, setTitle] = useState(`Staged changes (${ready.length})`);
  const [confirmed, setConfirmed] = useState(false);
  const warned = ready.filter((e) => warnings.has(keyOf(e)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim() || (warned.length > 0 && !confirmed)) return;
    onApply(title.trim());
  };
  const n = ready.length;
  return (
    <Dialog
      title={`Apply ${n.toLocaleString()} ${n === 1 ? 'change' : 'changes'} to ${storeName}`}
      onClose={onClose}
      wide
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="apply-form" className="button primary" disabled={!title.trim() || (warned.length > 0 && !confirmed)}>
            Apply {n.toLocaleString()} {n === 1 ? 'change' : 'changes'}
          </button>
        </>
      }
    >
      <form id="apply-form" className="form" onSubmit={submit}>
        <p className="field-counts" aria-label="Changes per column">
          {countsByField.map(([label, count]) => (
            <span key={label} className="chip">
              {label}: {count.toLocaleString()}
            </span>
          ))}
        </p>
        {warned.length > 0 && (
          <section className="apply-warnings" aria-label="Warnings">
            <h3>
              {warned.length.toLocaleString()} {warned.length === 1 ? 'change needs' : 'changes need'} a second look
            </h3>
            <ul>
              {warned.slice(0, SHOWN).map((edit) => {
                const name = nameOf(edit);
                return (
                  <li key={keyOf(edit)}>
                    <strong>{name.name}</strong>
                    {name.sku && <span className="muted"> ({name.sku})</span>} · {fieldLabel(edit.field)}: {warnings.get(keyOf(edit))!.join('; ')}
                  </li>
                );
              })}
              {warned.length > SHOWN && <li className="muted">and {(warned.length - SHOWN).toLocaleString()} more (marked in the list)</li>}
            </ul>
            <label className="checkbox">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              Apply these anyway
            </label>
          </section>
        )}
        <label>
          Job name
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
        </label>
      </form>
    </Dialog>
  );
}
