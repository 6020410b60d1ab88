import { describe, expect, it } from 'vitest';
import type { ProductRowData } from '../../../../../shared/contract';
import { selectedProduct } from './ImagesButton';

const product = (id: number, variantIds: number[]) => ({ id, name: `P${id}`, sku: `S${id}`, variants: variantIds.map((v) => ({ id: v })) }) as unknown as ProductRowData;
const rows = [product(1, [11, 12]), product(2, [21])];

describe('the product the Images panel opens for', () => {
  it('is the one product of the selected rows, a variant row counting as its product', () => {
    expect(selectedProduct(['p1'], rows)?.id).toBe(1);
    expect(selectedProduct(['v12', 'p1', 'v11'], rows)?.id).toBe(1);
    expect(selectedProduct(['v21'], rows)?.id).toBe(2);
  });

  it('is none for no selection, two products, or a row that is gone', () => {
    expect(selectedProduct([], rows)).toBeNull();
    expect(selectedProduct(['p1', 'v21'], rows)).toBeNull();
    expect(selectedProduct(['p9'], rows)).toBeNull();
  });
});
