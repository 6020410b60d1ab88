import { describe, expect, it } from 'vitest';
import { buildSkuIndex } from '../../../../../shared/contract';
import { PRODUCT_COLUMNS } from '../product-columns';
import type { CatalogRow } from '../product-rows';
import { mapHeaders, IMPORTABLE } from './csv-headers';
import { indexCatalog } from './csv-index';
import { importEdits, matchFile, type MatchContext } from './csv-match';
import type { DecimalMark } from './csv-numbers';
import { runAll } from './sliced';
import { testCatalog } from './test-catalog';

const COLUMNS = new Map(PRODUCT_COLUMNS.map((c) => [c.id, c]));

function context(staged: Record<string, unknown> = {}): MatchContext {
  const products = testCatalog();
  return {
    index: runAll(indexCatalog(products)),
    columns: COLUMNS,
    checks: { money: { currency: 'USD', decimalPlaces: 2 }, skuOwner: buildSkuIndex(products) },
    shown: (target, row: CatalogRow) => {
      const key = `${target.entity}:${target.id}:${target.field}`;
      return key in staged ? (staged[key] as never) : COLUMNS.get(target.field)!.value(row);
    },
  };
}

function match(lines: string[][], mark: DecimalMark = 'point', ctx = context()) {
  const [header, ...rows] = lines;
  const headers = mapHeaders(header!);
  const take = new Set(IMPORTABLE.filter((c) => headers.fields[c] !== undefined));
  const report = runAll(matchFile({ header: header!, rows, firstRow: 2, problems: new Map() }, ctx, { headers, mark, take }));
  // Targets are checked once, through importEdits; the rest compare what the preview lists.
  return { ...report, all: report, matched: report.matched.map((m) => ({ ...m, changes: m.changes.map(({ target: _target, ...c }) => c) })) };
}

describe('matchFile', () => {
  it('matches by SKU (case-insensitive) and reports each change against what the grid shows', () => {
    const report = match([
      ['SKU', 'Price', 'Stock'],
      ['mug-1', '11.5', '5'],
      ['TEE-S', '', '7'],
      ['MUG-2', '10.00', '5'],
    ]);
    expect(report.matched).toEqual([
      { row: 2, rowId: 'p1', label: 'MUG-1 (Product 1)', changes: [{ columnId: 'price', from: '10.00', to: '11.5' }] },
      { row: 3, rowId: 'v31', label: 'TEE-S (variant of Product 3)', changes: [{ columnId: 'inventory_level', from: 3, to: 7 }] },
    ]);
    expect(report.unchanged).toBe(1);
    const { edits, step } = runAll(importEdits(report.all));
    expect(edits).toEqual([
      { entity: 'product', id: 1, field: 'price', from: '10.00', to: '11.5' },
      { entity: 'variant', id: 31, productId: 3, field: 'inventory_level', from: 3, to: 7 },
    ]);
    expect(step.map((c) => [c.target.field, c.before, c.after])).toEqual([
      ['price', '10.00', '11.5'],
      ['inventory_level', 3, 7],
    ]);
  });

  it('BigCommerce export rows: products by Product ID, SKU rows by Variant ID or by SKU; rule rows skipped', () => {
    const report = match([
      ['Item Type', 'Product ID', 'Variant ID', 'Product SKU', 'Price', 'Product Visible?'],
      ['Product', '2', '', 'MUG-2', '10.00', 'N'],
      ['SKU', '3', '32', 'TEE-M', '9.00', ''],
      ['SKU', '3', '', 'TEE-S', '8.00', ''],
      ['Rule', '3', '', '', '', ''],
    ]);
    expect(report.matched.map((m) => [m.rowId, m.changes])).toEqual([
      ['p2', [{ columnId: 'is_visible', from: true, to: false }]],
      ['v32', [{ columnId: 'price', from: null, to: '9' }]],
      ['v31', [{ columnId: 'price', from: null, to: '8' }]],
    ]);
    expect(report.skipped).toEqual([{ row: 5, reason: '"Rule" rows are not imported' }]);
  });

  it('unknown SKUs and ids are unmatched, with the reason', () => {
    const report = match([
      ['Item', 'Product ID', 'Variant ID', 'SKU', 'Price'],
      ['Product', '99', '', 'X', '1.00'],
      ['Variant', '3', '77', 'Y', '1.00'],
      ['', '', '', 'NOPE', '1.00'],
      ['', '', '', '', '1.00'],
    ]);
    expect(report.unmatched).toEqual([
      { row: 2, reason: 'unknown product ID 99' },
      { row: 3, reason: 'unknown variant ID 77' },
      { row: 4, reason: 'unknown SKU "NOPE"' },
      { row: 5, reason: 'no ID or SKU to match' },
    ]);
  });

  it('a value the field refuses makes its row invalid, and nothing of that row is taken', () => {
    const report = match([
      ['SKU', 'Price', 'Stock', 'Visible'],
      ['MUG-1', 'abc', '9', 'Yes'],
      ['MUG-2', '1.234', '4', 'No'],
      ['TEE', '10.00', '8', 'Yes'],
      ['TEE-S', '5.00', '-1', ''],
    ]);
    expect(report.matched).toEqual([]);
    expect(report.invalid).toEqual([
      { row: 2, reason: expect.stringMatching(/^Price: "abc" is not a valid amount/) },
      { row: 3, reason: 'Price: USD prices have 2 decimal places' },
      { row: 4, reason: 'Stock: Inventory is tracked by variant; edit the variant rows.' },
      { row: 5, reason: expect.stringMatching(/^Stock: /) },
    ]);
  });

  it('a refused cell whose value is unchanged is not an error (an export’s product stock total)', () => {
    const report = match([
      ['SKU', 'Stock'],
      ['TEE', '6'],
    ]);
    expect(report).toMatchObject({ matched: [], invalid: [], unchanged: 1 });
  });

  it('two rows for one product are both invalid: which one is meant is not guessed', () => {
    const report = match([
      ['SKU', 'Price'],
      ['MUG-1', '11.00'],
      ['MUG-2', '12.00'],
      ['Mug-1', '13.00'],
    ]);
    expect(report.matched.map((m) => m.rowId)).toEqual(['p2']);
    expect(report.invalid).toEqual([
      { row: 2, reason: 'duplicate: rows 2, 4 are all MUG-1 (Product 1); keep one' },
      { row: 4, reason: 'duplicate: rows 2, 4 are all MUG-1 (Product 1); keep one' },
    ]);
  });

  it('reads numbers with the chosen decimal mark and refuses the other', () => {
    const lines = [
      ['SKU', 'Price', 'Stock'],
      ['MUG-1', '1.234,50', '1.200'],
      ['MUG-2', '12.50', '5'],
    ];
    const comma = match(lines, 'comma');
    expect(comma.matched[0]!.changes).toEqual([
      { columnId: 'price', from: '10.00', to: '1234.5' },
      { columnId: 'inventory_level', from: 5, to: 1200 },
    ]);
    expect(comma.invalid).toEqual([{ row: 3, reason: 'Price: "12.50" has a decimal point, but the file is read with a decimal comma' }]);
  });

  it('compares with staged values: a file that repeats a staged value changes nothing', () => {
    const report = match(
      [
        ['SKU', 'Price'],
        ['MUG-1', '15.00'],
      ],
      'point',
      context({ 'product:1:price': '15.00' }),
    );
    expect(report).toMatchObject({ matched: [], unchanged: 1 });
  });

  it('with ids, the SKU column changes a SKU; a SKU another product holds is refused', () => {
    const report = match([
      ['Item', 'Product ID', 'Variant ID', 'SKU'],
      ['Product', '1', '', 'MUG-ONE'],
      ['Product', '2', '', 'MUG-1'],
    ]);
    expect(report.matched.map((m) => m.changes)).toEqual([[{ columnId: 'sku', from: 'MUG-1', to: 'MUG-ONE' }]]);
    expect(report.invalid).toEqual([{ row: 3, reason: expect.stringMatching(/^SKU: SKU "MUG-1" is already used by/) }]);
  });

  it('drops the apostrophe a formula-escaped text carries', () => {
    const report = match([
      ['Product ID', 'Name'],
      ['1', "'=Product 1"],
    ]);
    expect(report.matched[0]!.changes).toEqual([{ columnId: 'name', from: 'Product 1', to: '=Product 1' }]);
  });
});
