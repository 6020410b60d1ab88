import { toColumns } from '../../../shared/columns';
import type { ProductColumnsPage } from '../../../shared/contract';
import type { ProductRow } from './types';

/**
 * Encoded column pages per id-sorted row array. Encoding 100,000 products takes main a few
 * seconds of CPU on this 2-core box, so each page is encoded once (at startup by `warm`, or on
 * first ask) and served again until a row changes. Any change replaces the array (catalog-state's
 * `ordered`), so keying by it drops stale pages without bookkeeping.
 */
const pages = new WeakMap<readonly ProductRow[], Map<string, ProductColumnsPage>>();

export function productColumns(rows: readonly ProductRow[], offset: number, limit: number): ProductColumnsPage {
  let memo = pages.get(rows);
  if (!memo) {
    memo = new Map();
    pages.set(rows, memo);
  }
  const key = `${offset}:${limit}`;
  let page = memo.get(key);
  if (!page) {
    const slice = rows.slice(offset, offset + limit);
    page = { total: rows.length, offset, count: slice.length, columns: toColumns(slice) };
    memo.set(key, page);
  }
  return page;
}
