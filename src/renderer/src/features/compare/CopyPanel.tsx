import { useState, type FormEvent } from 'react';
import { CurrencyFactor, type CompareStore, type CopyField, type CopyResult } from '../../../../shared/contract';
import { useUi } from '../../app/ui-store';
import { useSelectStore } from '../stores/useStores';
import { useCopyValues } from './useCompare';

interface Props {
  stores: readonly CompareStore[];
  /** SKUs of the rows selected in the comparison. */
  selectedSkus: readonly string[];
}

const SHOWN_SKIPS = 5;

/**
 * Copy price and/or stock of the selected SKUs from one compared store to another, as staged
 * edits on the target (reviewed and applied there). Across currencies a factor is required.
 */
export function CopyPanel({ stores, selectedSkus }: Props) {
  const [fromId, setFromId] = useState(stores[0]?.storeId ?? '');
  const [toId, setToId] = useState(stores[1]?.storeId ?? '');
  const [fields, setFields] = useState<CopyField[]>(['stock']);
  const [factor, setFactor] = useState('');
  const copy = useCopyValues();
  const from = stores.find((s) => s.storeId === fromId);
  const to = stores.find((s) => s.storeId === toId);
  const crossCurrency = !!from && !!to && (from.currency === null || from.currency !== to.currency);
  const needsFactor = fields.includes('price') && crossCurrency;
  const factorProblem = factor.trim() ? (CurrencyFactor.safeParse(factor.trim()).success ? null : 'a factor is a positive decimal such as 0.92') : needsFactor ? `${from?.currency ?? '?'} → ${to?.currency ?? '?'}: give the factor` : null;
  const problem = !from || !to ? 'choose two stores' : fromId === toId ? 'choose another target store' : fields.length === 0 ? 'choose price or stock' : selectedSkus.length === 0 ? 'select rows in the comparison' : factorProblem;
  const toggle = (field: CopyField, on: boolean) => setFields(on ? [...fields, field] : fields.filter((f) => f !== field));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    copy.mutate({ fromStoreId: fromId, toStoreId: toId, skus: [...selectedSkus], fields, ...(factor.trim() && fields.includes('price') && { factor: factor.trim() }) });
  };
  return (
    <form className="copy-panel" aria-label="Copy between stores" onSubmit={submit}>
      <h2>Copy</h2>
      <StoreSelect label="From" value={fromId} stores={stores} onChange={setFromId} />
      <StoreSelect label="To" value={toId} stores={stores} onChange={setToId} />
      <label className="checkbox">
        <input type="checkbox" checked={fields.includes('price')} onChange={(e) => toggle('price', e.target.checked)} /> Price
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={fields.includes('stock')} onChange={(e) => toggle('stock', e.target.checked)} /> Stock
      </label>
      {fields.includes('price') && (
        <label className="copy-factor">
          Price factor{crossCurrency ? ` (${from?.currency ?? '?'} → ${to?.currency ?? '?'}, required)` : ''}
          <input type="text" inputMode="decimal" value={factor} placeholder={crossCurrency ? 'e.g. 0.92' : '1'} onChange={(e) => setFactor(e.target.value)} aria-invalid={!!factorProblem} />
        </label>
      )}
      <button type="submit" className="button primary" disabled={!!problem || copy.isPending}>
        Stage {selectedSkus.length.toLocaleString()} {selectedSkus.length === 1 ? 'SKU' : 'SKUs'} on {to?.name ?? '…'}
      </button>
      {problem && <span className="muted">{problem}</span>}
      {copy.data && to && <CopyOutcome result={copy.data} target={to} />}
    </form>
  );
}

function StoreSelect({ label, value, stores, onChange }: { label: string; value: string; stores: readonly CompareStore[]; onChange(id: string): void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {stores.map((s) => (
          <option key={s.storeId} value={s.storeId}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function CopyOutcome({ result, target }: { result: CopyResult; target: CompareStore }) {
  const select = useSelectStore();
  const go = useUi((s) => s.go);
  const open = () => {
    select.mutate(target.storeId);
    go('products');
  };
  return (
    <div className="copy-outcome" role="status">
      <p>
        Staged {result.staged.toLocaleString()} {result.staged === 1 ? 'change' : 'changes'} on <strong>{target.name}</strong>
        {result.unchanged > 0 && ` · ${result.unchanged.toLocaleString()} already equal`}
        {result.skipped.length > 0 && ` · ${result.skipped.length.toLocaleString()} skipped`}.{' '}
        {result.staged > 0 && (
          <button type="button" className="link-button" onClick={open}>
            Review and apply on {target.name}
          </button>
        )}
      </p>
      {result.skipped.length > 0 && (
        <ul className="copy-skips">
          {result.skipped.slice(0, SHOWN_SKIPS).map((s) => (
            <li key={`${s.sku}:${s.field}`}>
              {s.sku} ({s.field}): {s.reason}
            </li>
          ))}
          {result.skipped.length > SHOWN_SKIPS && <li className="muted">and {(result.skipped.length - SHOWN_SKIPS).toLocaleString()} more</li>}
        </ul>
      )}
    </div>
  );
}
