import { useMemo, useState, type FormEvent } from 'react';
import { newVariantsProblems, type NewItemContext, type ProductRowData } from '../../../../../shared/contract';
import { Dialog } from '../../../components/Dialog';
import { useToasts } from '../../../components/toast-store';
import { comboKey, problemsByField, toNewVariant, variantRows, type OptionDraft, type VariantDraft } from './product-draft';
import { useStageCatalogChanges } from './useAuthoring';
import { VariantsEditor } from './VariantsEditor';

interface Props {
  storeId: string;
  product: ProductRowData;
  checks: NewItemContext;
  onClose(): void;
}

/** The product's options and the values they have, in the order its variants name them. */
function knownOptions(product: ProductRowData): Map<string, string[]> {
  const known = new Map<string, string[]>();
  for (const v of product.variants) {
    for (const o of v.option_values) {
      const labels = known.get(o.option_display_name) ?? [];
      if (!labels.includes(o.label)) labels.push(o.label);
      known.set(o.option_display_name, labels);
    }
  }
  return known;
}

/** New variants of a product: tick existing option values or type new ones (or a new option), one variant per new combination. */
export function NewVariantsDialog({ storeId, product, checks, onClose }: Props) {
  const push = useToasts((s) => s.push);
  const stage = useStageCatalogChanges(storeId);
  const known = useMemo(() => knownOptions(product), [product]);
  const existing = useMemo(() => new Set(product.variants.filter((v) => v.option_values.length).map((v) => comboKey(v.option_values))), [product]);
  const [options, setOptions] = useState<OptionDraft[]>(() => (known.size ? [...known.keys()].map((name) => ({ name, values: [] })) : [{ name: '', values: [] }]));
  const [variants, setVariants] = useState<VariantDraft[]>([]);
  const [touched, setTouched] = useState(false);
  const rows = useMemo(() => variantRows(options, variants, product.sku, existing), [options, variants, product.sku, existing]);
  const wanted = rows.map(toNewVariant);
  const problems = problemsByField(newVariantsProblems(wanted, checks));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problems.size > 0 || wanted.length === 0) return;
    stage.mutate([{ op: 'createVariants', productId: product.id, variants: wanted }], {
      onSuccess: () => {
        push('info', `${wanted.length} new ${wanted.length === 1 ? 'variant' : 'variants'} of “${product.name}” staged`);
        onClose();
      },
    });
  };
  const footer = (
    <>
      <span className="muted">{wanted.length === 0 ? 'Pick or type option values' : `${wanted.length} ${wanted.length === 1 ? 'variant' : 'variants'}`}</span>
      <span className="spacer" />
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button type="submit" form="new-variants-form" className="button primary" disabled={stage.isPending || wanted.length === 0}>
        Stage new variants
      </button>
    </>
  );
  return (
    <Dialog title={`New variants of “${product.name}”`} onClose={onClose} footer={footer} wide>
      <form id="new-variants-form" className="form authoring-form" onSubmit={submit} noValidate>
        <VariantsEditor options={options} onOptions={setOptions} variants={rows} known={known} onVariant={(key, patch) => setVariants(rows.map((v) => (v.key === key ? { ...v, ...patch } : v)))} problems={touched ? problems : new Map()} />
        {stage.error && (
          <p className="form-error" role="alert">
            {stage.error.message}
          </p>
        )}
      </form>
    </Dialog>
  );
}
