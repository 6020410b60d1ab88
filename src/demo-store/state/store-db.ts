import { Table } from './table';
import { ChildIndex, SkuIndex, UniqueIndex, type SkuOwner } from './indexes';
import type { LazyCatalog } from './lazy-catalog';
import type { SLOTS } from '../seed/catalog-children';
import type {
  BrandRow, CategoryRow, CustomFieldRow, CustomerGroupRow, CustomerRow, HookRow, ImageRow, OptionRow, OrderProductRow, OrderRow,
  ProductRow, ShipmentRow, VariantRow,
} from './types';

/** All tables of one store plus the indexes the routes need. */
export class StoreDb {
  readonly sku = new SkuIndex((vid) => this.variants.get(vid)?.product_id ?? 0);
  readonly variantsByProduct = new ChildIndex();
  readonly optionsByProduct = new ChildIndex();
  readonly imagesByProduct = new ChildIndex();
  readonly customFieldsByProduct = new ChildIndex();
  readonly itemsByOrder = new ChildIndex();
  readonly shipmentsByOrder = new ChildIndex();
  readonly emails = new UniqueIndex();
  readonly brandNames = new UniqueIndex();
  readonly productNames = new UniqueIndex();
  /** Named id counters for ids nested inside rows (option values, addresses...). */
  readonly counters = new Map<string, number>();
  /** Seeded products whose children are generated on demand (null when everything is eager). */
  lazy: LazyCatalog | null = null;

  private materialize(productId: number): void {
    this.lazy?.materialize(this, productId);
  }

  /** Hooks for a child table whose ids come from per-product slot ranges. */
  private childHooks(kind: keyof typeof SLOTS) {
    return {
      beforeWrite: (row: { product_id: number } | undefined, id: number) => {
        if (!this.lazy) return;
        if (row) this.materialize(row.product_id);
        else this.lazy.materializeSlot(this, kind, id);
      },
      onMiss: (id: number) => this.lazy?.materializeSlot(this, kind, id),
      beforeAll: () => this.lazy?.materializeAll(this),
    };
  }

  readonly products = new Table<ProductRow>('products', {
    beforeWrite: (_row, id) => this.materialize(id),
    // Most writes change neither SKU nor name (a price, a stock level): leave the indexes alone then.
    onPut: (row, prev) => {
      if (!prev || prev.sku !== row.sku) {
        if (prev) this.sku.remove(prev.sku, 'product', row.id);
        this.sku.add(row.sku, 'product', row.id);
      }
      if (!prev || prev.name !== row.name) {
        if (prev) this.productNames.unset(prev.name, prev.id);
        this.productNames.set(row.name, row.id);
      }
    },
    onDelete: (row) => {
      this.sku.remove(row.sku, 'product', row.id);
      this.productNames.unset(row.name, row.id);
    },
  });

  readonly variants = new Table<VariantRow>('variants', {
    ...this.childHooks('variants'),
    onPut: (row, prev) => {
      if (!prev || prev.sku !== row.sku) {
        if (prev) this.sku.remove(prev.sku, 'variant', row.id);
        this.sku.add(row.sku, 'variant', row.id);
      }
      if (!prev || prev.product_id !== row.product_id) this.variantsByProduct.move(prev?.product_id, row.product_id, row.id);
    },
    onDelete: (row) => {
      this.sku.remove(row.sku, 'variant', row.id);
      this.variantsByProduct.remove(row.product_id, row.id);
    },
  });

  readonly options = new Table<OptionRow>('options', {
    ...this.childHooks('options'),
    onPut: (row, prev) => this.optionsByProduct.move(prev?.product_id, row.product_id, row.id),
    onDelete: (row) => this.optionsByProduct.remove(row.product_id, row.id),
  });

  readonly images = new Table<ImageRow>('images', {
    ...this.childHooks('images'),
    onPut: (row, prev) => this.imagesByProduct.move(prev?.product_id, row.product_id, row.id),
    onDelete: (row) => this.imagesByProduct.remove(row.product_id, row.id),
  });

  readonly customFields = new Table<CustomFieldRow>('customFields', {
    ...this.childHooks('customFields'),
    onPut: (row, prev) => this.customFieldsByProduct.move(prev?.product_id, row.product_id, row.id),
    onDelete: (row) => this.customFieldsByProduct.remove(row.product_id, row.id),
  });

  readonly categories = new Table<CategoryRow>('categories');

  readonly brands = new Table<BrandRow>('brands', {
    onPut: (row, prev) => {
      if (prev) this.brandNames.unset(prev.name, prev.id);
      this.brandNames.set(row.name, row.id);
    },
    onDelete: (row) => this.brandNames.unset(row.name, row.id),
  });

  readonly customers = new Table<CustomerRow>('customers', {
    onPut: (row, prev) => {
      if (prev) this.emails.unset(prev.email, prev.id);
      this.emails.set(row.email, row.id);
    },
    onDelete: (row) => this.emails.unset(row.email, row.id),
  });

  readonly groups = new Table<CustomerGroupRow>('groups');
  readonly orders = new Table<OrderRow>('orders');

  readonly orderProducts = new Table<OrderProductRow>('orderProducts', {
    onPut: (row, prev) => this.itemsByOrder.move(prev?.order_id, row.order_id, row.id),
    onDelete: (row) => this.itemsByOrder.remove(row.order_id, row.id),
  });

  readonly shipments = new Table<ShipmentRow>('shipments', {
    onPut: (row, prev) => this.shipmentsByOrder.move(prev?.order_id, row.order_id, row.id),
    onDelete: (row) => this.shipmentsByOrder.remove(row.order_id, row.id),
  });

  readonly hooks = new Table<HookRow>('hooks');

  table(name: TableName): Table<{ id: number }> {
    return this[name] as unknown as Table<{ id: number }>;
  }

  /** Allocate the next value of a named counter (nested ids). */
  nextCounter(name: string): number {
    const n = (this.counters.get(name) ?? 0) + 1;
    this.counters.set(name, n);
    return n;
  }

  raiseCounter(name: string, value: number): void {
    if ((this.counters.get(name) ?? 0) < value) this.counters.set(name, value);
  }

  /**
   * Owners of a SKU. Seeded variant SKUs are `<product SKU>-<codes>`, so products whose SKU is a
   * dash-prefix of `sku` are materialized first; otherwise their variants would be invisible here.
   */
  skuOwners(sku: string): SkuOwner[] {
    if (this.lazy) {
      for (let i = sku.lastIndexOf('-'); i > 0; i = sku.lastIndexOf('-', i - 1)) {
        for (const o of this.sku.get(sku.slice(0, i))) if (o.kind === 'product') this.materialize(o.id);
      }
    }
    return this.sku.get(sku);
  }

  skuConflicts(sku: string, productId: number, variantId?: number): boolean {
    return this.skuOwners(sku).some((o) => o.productId !== productId || (variantId !== undefined && o.kind === 'variant' && o.id !== variantId));
  }

  variantsOf(productId: number): VariantRow[] {
    this.materialize(productId);
    return this.variantsByProduct.get(productId).map((id) => this.variants.get(id)!);
  }

  optionsOf(productId: number): OptionRow[] {
    this.materialize(productId);
    return this.optionsByProduct.get(productId).map((id) => this.options.get(id)!);
  }

  imagesOf(productId: number): ImageRow[] {
    this.materialize(productId);
    return this.imagesByProduct.get(productId).map((id) => this.images.get(id)!);
  }

  customFieldsOf(productId: number): CustomFieldRow[] {
    this.materialize(productId);
    return this.customFieldsByProduct.get(productId).map((id) => this.customFields.get(id)!);
  }

  itemsOf(orderId: number): OrderProductRow[] {
    return this.itemsByOrder.get(orderId).map((id) => this.orderProducts.get(id)!);
  }

  shipmentsOf(orderId: number): ShipmentRow[] {
    return this.shipmentsByOrder.get(orderId).map((id) => this.shipments.get(id)!);
  }
}

export const TABLE_NAMES = [
  'products', 'variants', 'options', 'images', 'categories', 'brands', 'customers', 'groups', 'orders',
  'orderProducts', 'shipments', 'hooks', 'customFields',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];
