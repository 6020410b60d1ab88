import { describe, expect, it } from 'vitest';
import { buildSkuIndex, ProductRowSchema } from '../../../../../shared/contract';
import { PRODUCT_COLUMNS } from '../product-columns';
import type { CatalogRow } from '../product-rows';
import { benchCatalog, benchCsv } from './bench-data';
import { IMPORTABLE, mapHeaders } from './csv-headers';
import { indexCatalog } from './csv-index';
import { matchFile } from './csv-match';
import { parseCsv } from './csv-parse';
import { runAll } from './sliced';

const COLUMNS = new Map(PRODUCT_COLUMNS.map((c) => [c.id, c]));

describe('csvImport bench data', () => {
  it('builds catalog rows the contract accepts, with unique SKUs', () => {
    const products = benchCatalog(30);
    for (const p of products) expect(ProductRowSchema.safeParse(p).success).toBe(true);
    expect(new Set(products.map((p) => p.sku)).size).toBe(30);
  });

  it('makes a file that changes one cell per row: the stock of every tenth, the price of the others', async () => {
    const products = benchCatalog(30);
    const rows: string[][] = [];
    const { header } = await parseCsv(benchCsv(products), (chunk) => rows.push(...chunk.rows));
    const headers = mapHeaders(header);
    const take = new Set(IMPORTABLE.filter((c) => headers.fields[c] !== undefined));
    const context = {
      index: runAll(indexCatalog(products)),
      columns: COLUMNS,
      checks: { money: { currency: 'USD', decimalPlaces: 2 }, skuOwner: buildSkuIndex(products) },
      shown: (target: { field: string }, row: CatalogRow) => COLUMNS.get(target.field)!.value(row),
    };
    const report = runAll(matchFile({ header, rows, firstRow: 2, problems: new Map() }, context, { headers, mark: 'point', take }));
    expect(report.unmatched).toEqual([]);
    expect(report.matched.map((m) => m.changes.map((c) => c.columnId))).toEqual(products.map((_, i) => [i % 10 === 0 ? 'inventory_level' : 'price']));
  });
});
