import { stagedKey, type JsonValue, type ProductRowData, type StagedEdit } from '../../../../../shared/contract';
import type { RowInfo } from './BulkRules';

/**
 * Grid row ids ("p7" a product, "v42" a variant, as the Products screen names its rows) → the
 * row's name and the values it shows now, staged ones over the store's, for rules that read
 * another column (sale price = price × 0.8).
 */
export function rowInfoLookup(products: readonly ProductRowData[], staged: readonly StagedEdit[]): (rowId: string) => RowInfo | undefined {
  const stagedByKey = new Map(staged.map((e) => [stagedKey(e), e.to]));
  const rows = new Map<string, { label: string; entity: 'product' | 'variant'; id: number; record: Record<string, unknown>; parent?: ProductRowData }>();
  for (const product of products) {
    rows.set(`p${product.id}`, { label: product.name, entity: 'product', id: product.id, record: product });
    for (const variant of product.variants) {
      const options = variant.option_values.map((o) => `${o.option_display_name}: ${o.label}`).join(', ');
      rows.set(`v${variant.id}`, { label: options ? `${product.name} — ${options}` : product.name, entity: 'variant', id: variant.id, record: variant, parent: product });
    }
  }
  return (rowId) => {
    const row = rows.get(rowId);
    if (!row) return undefined;
    const own = (entity: string, id: number, record: Record<string, unknown>, field: string): JsonValue => {
      const key = `${entity}:${id}:${field}`;
      return stagedByKey.has(key) ? stagedByKey.get(key)! : ((record[field] as JsonValue | undefined) ?? null);
    };
    return {
      label: row.label,
      value(columnId) {
        const value = own(row.entity, row.id, row.record, columnId);
        // A variant price of null is its product's.
        return value === null && row.parent ? own('product', row.parent.id, row.parent, columnId) : value;
      },
    };
  };
}
