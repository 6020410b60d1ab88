import type { Query } from '../../http/query';
import type { StoreDb } from '../../state/store-db';
import type { ProductRow } from '../../state/types';
import { productChunks, productObject, shapeFields } from './serialize';

export interface ProductView {
  include: Set<string>;
  includeFields?: string[];
  excludeFields?: string[];
}

export function readProductView(q: Query): ProductView {
  return { include: new Set(q.list('include') ?? []), includeFields: q.list('include_fields'), excludeFields: q.list('exclude_fields') };
}

const shaped = (v: ProductView): boolean => !!(v.includeFields?.length || v.excludeFields?.length);

/** Append one product for a view; the cached-fragment path is used when no field shaping is asked. */
export function pushProduct(db: StoreDb, cdn: string, p: ProductRow, view: ProductView, out: Buffer[]): void {
  if (!shaped(view)) {
    productChunks(db, cdn, p, view.include, out);
    return;
  }
  const obj = shapeFields(productObject(db, cdn, p, view.include), view.includeFields, view.excludeFields, [...view.include]);
  out.push(Buffer.from(JSON.stringify(obj), 'utf8'));
}

/** `{"data":[...],"meta":...}` or `{"data":{...},"meta":{}}` as one buffer. */
export function envelope(items: Buffer[][] | Buffer[], meta: unknown, single = false): Buffer {
  const out: Buffer[] = [Buffer.from(single ? '{"data":' : '{"data":[')];
  if (single) out.push(...(items as Buffer[]));
  else (items as Buffer[][]).forEach((chunks, i) => {
    if (i > 0) out.push(Buffer.from(','));
    out.push(...chunks);
  });
  out.push(Buffer.from(`${single ? '' : ']'},"meta":${JSON.stringify(meta)}}`));
  return Buffer.concat(out);
}

export function renderProduct(db: StoreDb, cdn: string, p: ProductRow, view: ProductView): Buffer {
  const out: Buffer[] = [];
  pushProduct(db, cdn, p, view, out);
  return envelope(out, {}, true);
}

export function renderProducts(db: StoreDb, cdn: string, rows: readonly ProductRow[], view: ProductView, meta: unknown): Buffer {
  return envelope(rows.map((p) => {
    const out: Buffer[] = [];
    pushProduct(db, cdn, p, view, out);
    return out;
  }), meta);
}
