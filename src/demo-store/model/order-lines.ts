import type { StoreDb } from '../state/store-db';
import type { OrderProductOption, VariantRow } from '../state/types';

/** Order-line option labels copied from the variant's option values at purchase time. */
export function orderProductOptions(db: StoreDb, v: VariantRow, orderProductId: number, nextId: () => number): OrderProductOption[] {
  return v.option_values.map((ov) => {
    const option = db.options.get(ov.option_id);
    const swatch = option?.type === 'swatch';
    return {
      id: nextId(), option_id: ov.option_id, order_product_id: orderProductId, product_option_id: ov.option_id,
      display_name: ov.option_display_name, display_value: ov.label, value: String(ov.id),
      type: swatch ? 'Swatch' : 'Multiple choice', name: option?.name ?? ov.option_display_name,
      display_style: swatch ? 'Swatch' : 'Rectangle',
    };
  });
}
