import { newProductProblems, stagedCreateSkus, type ChangeInput, type NewItemContext, type StagedChange } from '../../../../../shared/contract';
import { AppError } from '../../../../../shared/rpc';
import type { NewRowDef } from '../../../components/data-grid';
import { EMPTY_DRAFT, toNewProduct } from './product-draft';

/** The Products grid columns the new row types into, by the product field each one fills. */
export const NEW_ROW_COLUMNS = ['name', 'sku', 'price', 'inventory_level'] as const;

/** "changes.0.sku" (main's refusal) or "sku" (the shared check) → the grid column it belongs to. */
function columnOf(field: string): string {
  const last = field.replace(/^changes\.\d+\./, '').replace(/^product\./, '');
  return (NEW_ROW_COLUMNS as readonly string[]).includes(last) ? last : 'name';
}

export function byColumn(problems: ReadonlyArray<{ field: string; message: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[columnOf(p.field)] ??= p.message;
  return out;
}

/** The typed texts as the New product form would hold them (a physical product, stock tracked, visible). */
export function changeOf(values: Readonly<Record<string, string>>): Extract<ChangeInput, { op: 'createProduct' }> {
  const { variants, ...product } = toNewProduct({ ...EMPTY_DRAFT, name: values.name ?? '', sku: values.sku ?? '', price: values.price ?? '', stock: values.inventory_level?.trim() ? values.inventory_level : '0' }, []);
  return { op: 'createProduct', product, variants };
}

/** A staged create as a pending row of the grid. */
function pendingRow(change: StagedChange & { op: 'createProduct' }) {
  const { product } = change;
  return { key: change.key, label: change.label, values: { name: product.name, sku: product.sku, price: product.price, inventory_level: String(product.inventory_level) } };
}

/**
 * The Products grid's quick-entry row: name, SKU, price and stock, checked as the New product form
 * checks (required fields, name length, the store's decimal places, a SKU no product or variant of
 * the local catalog has and no other staged create takes), then staged; main checks the same again
 * and its refusal lands beside the cells too.
 */
export function newProductRow(checks: NewItemContext, staged: readonly StagedChange[], stage: (changes: ChangeInput[]) => Promise<unknown>): NewRowDef {
  const ctx: NewItemContext = { ...checks, stagedSkus: stagedCreateSkus(staged) };
  return {
    label: 'New product',
    columns: NEW_ROW_COLUMNS,
    pending: staged.flatMap((c) => (c.op === 'createProduct' ? [pendingRow(c)] : [])),
    async submit(values) {
      const change = changeOf(values);
      const problems = newProductProblems({ ...change.product, variants: [] }, ctx);
      if (problems.length > 0) return byColumn(problems);
      try {
        await stage([change]);
        return {};
      } catch (error) {
        const issues = error instanceof AppError ? (error.details as { issues?: Array<{ field: string; message: string }> } | undefined)?.issues : undefined;
        return issues?.length ? byColumn(issues) : { name: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
