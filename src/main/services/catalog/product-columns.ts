import { toColumns } from '../../../shared/columns';
import type { ProductColumnsPage } from '../../../shared/contract';
import { EncodedJson } from '../../../shared/rpc';
import type { ProductRow } from './types';

/**
 * Column pages per id-sorted row array, encoded and serialized once: columns take main a few
 * seconds of CPU at 100,000 products on this 2-core box and JSON another few hundred ms, so each
 * page is made once (at startup by `warm`, or on first ask) and its bytes are sent again until a
 * row changes. Any change replaces the array (catalog-state's `ordered`), so keying by it drops
 * stale pages without bookkeeping. Only the bytes are kept (off the JS heap).
 */
const pages = new WeakMap<readonly ProductRow[], Map<string, EncodedJson<ProductColumnsPage>>>();

export function productColumns(rows: readonly ProductRow[], offset: number, limit: number): EncodedJson<ProductColumnsPage> {
  let memo = pages.get(rows);
  if (!memo) {
    memo = new Map();
    pages.set(rows, memo);
  }
  const key = `${offset}:${limit}`;
  let page = memo.get(key);
  if (!page) {
    const slice = rows.slice(offset, offset + limit);
    page = EncodedJson.of<ProductColumnsPage>({ total: rows.length, offset, count: slice.length, columns: toColumns(slice) });
    memo.set(key, page);
  }
  return page;
}
