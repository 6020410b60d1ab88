import { stagedKey, type JsonValue, type ProductRowData, type StagedEdit } from '../../../../../shared/contract';
import type { RowInfo } from './BulkRules';

/**
 * Grid row ids ("p7" a product, "v42" a variant, as the Products screen names its rows) → the
 * row's name and the values it shows now, staged ones over the store's, for rules that read
 * another column (sale price = price × 0.8).
 */
type Indexed = { label: string; entity: 'product' | 'variant'; id: number; record: Record<string, unknown>; parent?: ProductRowData };
/** One index per loaded catalog, built on the first lookup (rules), not on every staged change. */
const indexes = new WeakMap<readonly ProductRowData[], Map<string, Indexed>>();

function indexRows(products: readonly ProductRowData[]): Map<string, Indexed> {
  let rows = indexes.get(products);
  if (rows) return rows;
  rows = new Map();
  for (const product of products) {
    rows.set(`p${product.id}`, { label: product.name, entity: 'product', id: product.id, record: product });
    for (const variant of product.variants) {
      const options = variant.option_values.map((o) => `${o.option_display_name}: ${o.label}`).join(', ');
      rows.set(`v${variant.id}`, { label: options ? `${product.name} — ${options}` : product.name, entity: 'variant', id: variant.id, record: variant, parent: product });
    }
  }
  indexes.set(products, rows);
  return rows;
}

export function rowInfoLookup(products: readonly ProductRowData[], staged: readonly StagedEdit[]): (rowId: string) => RowInfo | undefined {
  let byKey: Map<string, JsonValue> | null = null;
  const stagedByKey = () => (byKey ??= new Map(staged.map((e) => [stagedKey(e), e.to])));
  return (rowId) => {
    const row = indexRows(products).get(rowId);
    if (!row) return undefined;
    const own = (entity: string, id: number, record: Record<string, unknown>, field: string): JsonValue => {
      const key = `${entity}:${id}:${field}`;
      const map = stagedByKey();
      return map.has(key) ? map.get(key)! : ((record[field] as JsonValue | undefined) ?? null);
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
