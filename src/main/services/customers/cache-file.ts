import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { readOptionalFile, writeFileAtomic } from '../fs/atomic-file';
import type { CustomerRow } from './normalize';

/**
 * The customers cache of one store: `cache/<storeId>/customers.json`, one JSON document
 * {header…, rows: [[id, first_name, …], …]} written atomically (temp file, fsync, rename), so a
 * crash leaves the previous cache. Rows are tuples in FIELDS order (that order is the schema:
 * change it → bump SCHEMA and old files are reloaded). Why not the catalog's binary codec: a store
 * has a few thousand customers, not 490k rows; 10,000 customers are ~1.5 MB of JSON, parsed in
 * tens of ms, and the format stays readable.
 */
export const CUSTOMERS_CACHE_FILE = 'customers.json';
const FORMAT = 'stockroom-customers';
const SCHEMA = 1;

const FIELDS = [
  'id', 'first_name', 'last_name', 'email', 'company', 'phone', 'customer_group_id', 'notes', 'tax_exempt_category',
  'accepts_product_review_abandoned_cart_emails', 'store_credit', 'date_created', 'date_modified',
] as const satisfies ReadonlyArray<keyof CustomerRow>;

const Header = z.object({
  format: z.literal(FORMAT),
  schema: z.literal(SCHEMA),
  storeId: z.string(),
  storeHash: z.string(),
  syncedAt: z.string(),
  /** Server time (epoch ms) at the start of the last sync: the next delta starts there (minus a margin). */
  deltaFrom: z.number().int(),
  decimalPlaces: z.number().int().min(0).max(10),
  rows: z.array(z.array(z.unknown()).length(FIELDS.length)),
});

export type CustomersCacheMeta = Omit<z.infer<typeof Header>, 'format' | 'schema' | 'rows'>;
export type CustomersCacheRead = { ok: true; meta: CustomersCacheMeta; rows: CustomerRow[] } | { ok: false; reason: string } | null;

const TYPES: Record<(typeof FIELDS)[number], 'number' | 'string' | 'boolean'> = {
  id: 'number', first_name: 'string', last_name: 'string', email: 'string', company: 'string', phone: 'string',
  customer_group_id: 'number', notes: 'string', tax_exempt_category: 'string', accepts_product_review_abandoned_cart_emails: 'boolean',
  store_credit: 'string', date_created: 'string', date_modified: 'string',
};

function fromTuple(tuple: readonly unknown[]): CustomerRow | null {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < FIELDS.length; i++) {
    const field = FIELDS[i]!;
    if (typeof tuple[i] !== TYPES[field]) return null;
    row[field] = tuple[i];
  }
  return row as unknown as CustomerRow;
}

export async function readCustomersCache(path: string): Promise<CustomersCacheRead> {
  const file = await readOptionalFile(path);
  if (!file?.ok) return file;
  let json: unknown;
  try {
    json = JSON.parse(file.data.toString('utf8'));
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = Header.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'header or schema invalid' };
  const { format: _f, schema: _s, rows: tuples, ...meta } = parsed.data;
  const rows: CustomerRow[] = [];
  for (const tuple of tuples) {
    const row = fromTuple(tuple);
    if (!row) return { ok: false, reason: 'a row of the wrong shape' };
    rows.push(row);
  }
  return { ok: true, meta, rows };
}

export async function writeCustomersCache(path: string, meta: CustomersCacheMeta, rows: readonly CustomerRow[]): Promise<void> {
  const tuples = rows.map((row) => FIELDS.map((field) => row[field]));
  await writeFileAtomic(path, JSON.stringify({ format: FORMAT, schema: SCHEMA, ...meta, rows: tuples }));
}

export async function removeCustomersCache(path: string): Promise<void> {
  await rm(path, { force: true });
}
