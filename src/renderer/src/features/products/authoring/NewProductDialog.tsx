import { useMemo, useState, type FormEvent } from 'react';
import { newProductProblems, type NewItemContext } from '../../../../../shared/contract';
import { Dialog } from '../../../components/Dialog';
import { useToasts } from '../../../components/toast-store';
import { EMPTY_DRAFT, problemsByField, toNewProduct, variantRows, type OptionDraft, type ProductDraft, type VariantDraft } from './product-draft';
import { useStageCatalogChanges, useTaxonomy } from './useAuthoring';
import { VariantsEditor } from './VariantsEditor';

interface Props {
  storeId: string;
  checks: NewItemContext;
  onClose(): void;
}

/** The New product form: checked as the merchant types (the same checks main runs), staged on submit. */
export function NewProductDialog({ storeId, checks, onClose }: Props) {
  const push = useToasts((s) => s.push);
  const taxonomy = useTaxonomy(storeId);
  const stage = useStageCatalogChanges(storeId);
  const [draft, setDraft] = useState<ProductDraft>(EMPTY_DRAFT);
  const [options, setOptions] = useState<OptionDraft[]>([]);
  const [variants, setVariants] = useState<VariantDraft[]>([]);
  const [touched, setTouched] = useState(false);
  const set = (patch: Partial<ProductDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const rows = useMemo(() => variantRows(options, variants, draft.sku), [options, variants, draft.sku]);
  const product = toNewProduct(draft, rows);
  const problems = problemsByField(newProductProblems(product, checks));
  const shown = (field: string) => (touched ? problems.get(field) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problems.size > 0) return;
    const { variants: newVariants, ...fields } = product;
    stage.mutate([{ op: 'createProduct', product: fields, variants: newVariants }], {
      onSuccess: () => {
        push('info', `New product “${product.name.trim()}” staged: review and apply it under Catalog changes`);
        onClose();
      },
    });
  };
  const field = (label: string, key: keyof ProductDraft, wire: string, extra: Record<string, unknown> = {}) => {
    const problem = shown(wire);
    const id = `new-product-${wire}-problem`;
    // The problem sits outside the label, so the field keeps its name ("SKU") and reads the problem as its description.
    return (
      <div className="field">
        <label>
          {label}
          <input value={draft[key] as string} aria-invalid={!!problem} {...(problem ? { 'aria-describedby': id } : {})} onChange={(e) => set({ [key]: e.target.value })} {...extra} />
        </label>
        {problem && (
          <span id={id} className="field-problem">
            {problem}
          </span>
        )}
      </div>
    );
  };
  const footer = (
    <>
      {touched && problems.size > 0 && <span className="error-text">{problems.size === 1 ? 'One field needs a look' : `${problems.size} fields need a look`}</span>}
      <span className="spacer" />
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button type="submit" form="new-product-form" className="button primary" disabled={stage.isPending}>
        Stage new product
      </button>
    </>
  );
  return (
    <Dialog title="New product" onClose={onClose} footer={footer} wide>
      <form id="new-product-form" className="form authoring-form" onSubmit={submit} noValidate>
        <div className="form-grid">
          {field('Name', 'name', 'name', { autoFocus: true, maxLength: 250 })}
          {field('SKU', 'sku', 'sku', { spellCheck: false })}
          <label>
            Type
            <select value={draft.type} onChange={(e) => set({ type: e.target.value as ProductDraft['type'] })}>
              <option value="physical">Physical</option>
              <option value="digital">Digital</option>
            </select>
          </label>
          {field(`Price${checks.money.currency ? ` (${checks.money.currency})` : ''}`, 'price', 'price', { inputMode: 'decimal' })}
          {field('Weight', 'weight', 'weight', { inputMode: 'decimal' })}
          {field('Stock', 'stock', 'inventory_level', { inputMode: 'numeric', disabled: rows.length > 0 })}
          <label>
            Inventory tracking
            <select value={draft.tracking} onChange={(e) => set({ tracking: e.target.value as ProductDraft['tracking'] })}>
              <option value="none">Not tracked</option>
              <option value="product">Tracked</option>
            </select>
          </label>
          <label>
            Brand
            <select value={draft.brandId} onChange={(e) => set({ brandId: Number(e.target.value) })}>
              <option value={0}>No brand</option>
              {taxonomy.data?.brands.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
          <label className="span-2">
            Categories
            <select multiple size={4} value={draft.categories.map(String)} onChange={(e) => set({ categories: [...e.target.selectedOptions].map((o) => Number(o.value)) })}>
              {taxonomy.data?.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={draft.visible} onChange={(e) => set({ visible: e.target.checked })} />
            Visible in the storefront
          </label>
        </div>
        <VariantsEditor options={options} onOptions={setOptions} variants={rows} onVariant={(key, patch) => setVariants(rows.map((v) => (v.key === key ? { ...v, ...patch } : v)))} problems={touched ? problems : new Map()} />
        {stage.error && (
          <p className="form-error" role="alert">
            {stage.error.message}
          </p>
        )}
      </form>
    </Dialog>
  );
}
