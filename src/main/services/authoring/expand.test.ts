import { describe, expect, it } from 'vitest';
import type { StagedChange } from '../../../shared/contract/authoring';
import type { CatalogRowResult } from '../jobs/catalog-runner';
import { expandChange, reconcileStaged } from './expand';

const variant = (sku: string) => ({ option_values: [{ option_display_name: 'Size', label: sku }], sku, price: null, inventory_level: 1, bin_picking_number: '' });
const addSizes: StagedChange = { op: 'createVariants', productId: 7, variants: [variant('S'), variant('M')], key: 'new:variants:7-aa', label: 'New variants', stagedAt: 't0' };
const drop: StagedChange = { op: 'deleteProduct', productId: 9, key: 'delete:product:9', label: 'Delete 9', stagedAt: 't0' };
const rows = (statuses: string[], message?: string): CatalogRowResult[] =>
  [...expandChange(addSizes), ...expandChange(drop)].map((def, i) => ({ def, status: statuses[i] as CatalogRowResult['status'], ...(message && statuses[i] === 'failed' ? { message } : {}) }));

describe('staged creates and deletes follow their job', () => {
  it('new variants are one row each; a change all of whose rows applied leaves staging', () => {
    expect(expandChange(addSizes).map((r) => r.key)).toEqual(['new:variants:7-aa.0', 'new:variants:7-aa.1']);
    expect(reconcileStaged(rows(['applied', 'applied', 'applied']), [], true, 't1')).toEqual([]);
  });

  it('the first rest stages again what did not apply, with the store’s word or why it was not sent', () => {
    const back = reconcileStaged(rows(['applied', 'failed', 'skipped'], 'Sku "M" is not unique.'), [], true, 't1');
    expect(back).toMatchObject([
      { key: addSizes.key, op: 'createVariants', variants: [{ sku: 'M' }], message: 'Sku "M" is not unique.' },
      { key: drop.key, op: 'deleteProduct', message: 'Not sent: the job was cancelled' },
    ]);
  });

  it('later rests only take out what a resume applied: a change discarded meanwhile stays gone', () => {
    const stillStaged = [{ ...addSizes, message: 'Not sent' }];
    expect(reconcileStaged(rows(['applied', 'pending', 'pending']), stillStaged, false, 't2')).toMatchObject([{ key: addSizes.key, variants: [{ sku: 'M' }] }]);
    expect(reconcileStaged(rows(['applied', 'applied', 'applied']), stillStaged, false, 't2')).toEqual([]);
  });
});
