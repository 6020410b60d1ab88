import type { Query } from './query';
import type { Reply } from './router';
import { readPaging, slicePage } from './pagination';

/**
 * V2 collections are bare arrays; an empty page (or one past the end) is `204 No Content` with an
 * empty body (facts §3). `limit` is clamped to 250 ([unverified] for orders).
 */
export function v2Page<T>(q: Query, rows: readonly T[], map: (row: T) => unknown): Reply {
  const page = slicePage(rows, readPaging(q, { defaultLimit: 50, maxLimit: 250 }));
  if (page.length === 0) return { status: 204 };
  return { status: 200, body: page.map(map) };
}
