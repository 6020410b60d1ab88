import { useState } from 'react';
import { splitValues, type OptionDraft, type VariantDraft } from './product-draft';

interface Props {
  options: OptionDraft[];
  onOptions(options: OptionDraft[]): void;
  variants: VariantDraft[];
  onVariant(key: string, patch: Partial<VariantDraft>): void;
  /** Values each existing option already has, offered as ticks (the product's own options). */
  known?: ReadonlyMap<string, readonly string[]>;
  problems: ReadonlyMap<string, string>;
}

const MAX_OPTIONS = 3;

/** Options (existing values ticked, new ones typed) and one editable row per combination. */
export function VariantsEditor({ options, onOptions, variants, onVariant, known, problems }: Props) {
  const setOption = (i: number, patch: Partial<OptionDraft>) => onOptions(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <fieldset className="variants-editor">
      <legend>Variants</legend>
      {options.map((option, i) => (
        <OptionRow key={i} index={i} option={option} known={known?.get(option.name) ?? []} onChange={(patch) => setOption(i, patch)} onRemove={() => onOptions(options.filter((_, j) => j !== i))} />
      ))}
      {options.length < MAX_OPTIONS && (
        <button type="button" className="button small" onClick={() => onOptions([...options, { name: '', values: [] }])}>
          Add an option
        </button>
      )}
      {variants.length > 0 && (
        <table className="variants-table" aria-label="Variants to create">
          <thead>
            <tr>
              <th scope="col">Variant</th>
              <th scope="col">SKU</th>
              <th scope="col">Price</th>
              <th scope="col">Stock</th>
              <th scope="col">Bin</th>
            </tr>
          </thead>
          <tbody>
            {variants.map((v, i) => {
              const name = v.option_values.map((o) => o.label).join(' / ');
              const cell = (field: keyof VariantDraft, wire: string, label: string, placeholder = '') => {
                const problem = problems.get(`variants.${i}.${wire}`);
                return (
                  <td>
                    <input aria-label={`${label} of ${name}`} value={v[field] as string} placeholder={placeholder} aria-invalid={!!problem} title={problem} onChange={(e) => onVariant(v.key, { [field]: e.target.value })} />
                    {problem && <span className="field-problem">{problem}</span>}
                  </td>
                );
              };
              return (
                <tr key={v.key}>
                  <th scope="row">{name}</th>
                  {cell('sku', 'sku', 'SKU')}
                  {cell('price', 'price', 'Price', 'product’s')}
                  {cell('stock', 'inventory_level', 'Stock')}
                  {cell('bin', 'bin_picking_number', 'Bin')}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </fieldset>
  );
}

function OptionRow({ index, option, known, onChange, onRemove }: { index: number; option: OptionDraft; known: readonly string[]; onChange(patch: Partial<OptionDraft>): void; onRemove(): void }) {
  const typed = option.values.filter((v) => !known.includes(v));
  const [text, setText] = useState(typed.join(', '));
  const pickedKnown = option.values.filter((v) => known.includes(v));
  const setTyped = (value: string) => {
    setText(value);
    onChange({ values: [...pickedKnown, ...splitValues(value).filter((v) => !known.includes(v))] });
  };
  const toggle = (label: string, on: boolean) => onChange({ values: on ? [...option.values, label] : option.values.filter((v) => v !== label) });
  return (
    <div className="option-row" role="group" aria-label={`Option ${index + 1}`}>
      <label>
        Option name
        <input value={option.name} placeholder="Size" onChange={(e) => onChange({ name: e.target.value })} readOnly={known.length > 0} />
      </label>
      {known.length > 0 && (
        <span className="known-values">
          {known.map((label) => (
            <label key={label} className="checkbox">
              <input type="checkbox" checked={option.values.includes(label)} onChange={(e) => toggle(label, e.target.checked)} />
              {label}
            </label>
          ))}
        </span>
      )}
      <label>
        {known.length > 0 ? 'New values' : 'Values'}
        <input value={text} placeholder="S, M, L" onChange={(e) => setTyped(e.target.value)} />
      </label>
      {known.length === 0 && (
        <button type="button" className="icon-button" aria-label={`Remove option ${index + 1}`} onClick={onRemove}>
          ×
        </button>
      )}
    </div>
  );
}
