import { z } from 'zod';
import { compareMoney, isMoney, MONEY_PATTERN } from '../money';
import { describeValue, issueSink } from './issues';
import { StoreHash, StoreId } from './stores';

/**
 * The edits a bulk job applies, and the allow-list of fields each entity may edit with their
 * wire types. Shared: the renderer builds edits with these types, main validates them.
 *
 * Value conventions (GUIDE §1): money and other decimals are decimal strings ("87.99"), stock and
 * ids are integers, flags booleans. `from` is the value the merchant saw (the job refuses to write
 * when the server no longer has it), `to` the value to write; both follow the field's type, and
 * `null` only where the API itself allows null (variant prices that inherit the product's).
 */
export const ENTITIES = ['product', 'variant', 'customer', 'order'] as const;
export type Entity = (typeof ENTITIES)[number];

export type FieldSpec =
  | { kind: 'money' | 'decimal'; nullable?: boolean }
  | { kind: 'integer'; min: number; max: number; nullable?: boolean }
  | { kind: 'string'; minLength?: number; maxLength?: number; nullable?: boolean }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[] };

const INT32_MAX = 2_147_483_647;
const money: FieldSpec = { kind: 'money' };
const moneyOrNull: FieldSpec = { kind: 'money', nullable: true };
const stock: FieldSpec = { kind: 'integer', min: 0, max: INT32_MAX };
const text = (maxLength: number, minLength = 0, nullable = false): FieldSpec => ({ kind: 'string', maxLength, minLength, nullable });
const flag: FieldSpec = { kind: 'boolean' };

// Limits from the copied OpenAPI files (products_catalog.v3.yml product_Base,
// product-variants_catalog.v3.yml productVariant_Base, customers.v3.yml customer_Put).
export const EDITABLE_FIELDS: { readonly [E in Entity]: Readonly<Record<string, FieldSpec>> } = {
  product: {
    name: text(250, 1),
    sku: text(255),
    price: money,
    sale_price: money,
    cost_price: money,
    retail_price: money,
    map_price: money,
    inventory_level: stock,
    inventory_warning_level: stock,
    is_visible: flag,
    is_featured: flag,
    is_free_shipping: flag,
    bin_picking_number: text(255),
    weight: { kind: 'decimal' },
    width: { kind: 'decimal' },
    height: { kind: 'decimal' },
    depth: { kind: 'decimal' },
    upc: text(14),
    mpn: text(255),
    gtin: text(14),
    availability: { kind: 'enum', values: ['available', 'disabled', 'preorder'] },
    sort_order: { kind: 'integer', min: -INT32_MAX - 1, max: INT32_MAX },
  },
  variant: {
    price: moneyOrNull,
    sale_price: moneyOrNull,
    cost_price: moneyOrNull,
    retail_price: moneyOrNull,
    map_price: moneyOrNull,
    inventory_level: { kind: 'integer', min: 0, max: INT32_MAX, nullable: true },
    inventory_warning_level: { kind: 'integer', min: 0, max: INT32_MAX, nullable: true },
    sku: text(255, 1),
    bin_picking_number: text(255, 0, true),
    upc: text(14, 0, true),
    weight: { kind: 'decimal', nullable: true },
    purchasing_disabled: flag,
  },
  customer: {
    first_name: text(100, 1),
    last_name: text(100, 1),
    email: text(255, 3),
    company: text(255),
    phone: text(50),
    customer_group_id: { kind: 'integer', min: 0, max: INT32_MAX },
    notes: { kind: 'string' },
    tax_exempt_category: text(255),
    accepts_product_review_abandoned_cart_emails: flag,
  },
  order: {
    // Order statuses 0-14 (orders.v2.oas2.yml orderStatusCollection_Resp, facts §7).
    status_id: { kind: 'integer', min: 0, max: 14 },
    staff_notes: { kind: 'string' },
    customer_message: { kind: 'string' },
  },
};

export function fieldSpec(entity: Entity, field: string): FieldSpec | undefined {
  const fields = EDITABLE_FIELDS[entity];
  return Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
}

/** Every editable field is a scalar; the field's own type is checked by valueProblem. */
export type JsonValue = string | number | boolean | null;
const SCALAR_TYPES = new Set(['string', 'number', 'boolean']);
// z.custom rather than a union: 10,000 edits validate in a few ms instead of ~100 ms.
export const JsonValueSchema = z.custom<JsonValue>((v) => v === null || SCALAR_TYPES.has(typeof v), {
  message: 'must be a string, number, boolean or null',
});

/**
 * Whether two values of a field are the same to the store, both in job convention: money and
 * decimals as exact decimals ("79.99" equals "79.990"), and an empty optional text as either null
 * or "" (the API hands back both). Used by the conflict check, staging and the grid alike.
 */
export function sameFieldValue(spec: FieldSpec, a: JsonValue, b: JsonValue): boolean {
  if (spec.kind === 'money' || spec.kind === 'decimal') {
    if (a === null || b === null) return a === b;
    if (typeof a !== 'string' || typeof b !== 'string' || !isMoney(a) || !isMoney(b)) return a === b;
    return compareMoney(a, b) === 0;
  }
  if (spec.kind === 'string' && spec.nullable) return (a ?? '') === (b ?? '');
  return a === b;
}

/** Why `value` does not fit `spec`, or null when it does. */
export function valueProblem(spec: FieldSpec, value: JsonValue): string | null {
  if (value === null) return 'nullable' in spec && spec.nullable ? null : 'must not be null';
  switch (spec.kind) {
    case 'money':
    case 'decimal':
      if (typeof value !== 'string' || !MONEY_PATTERN.test(value)) return 'must be a decimal string such as "12.50"';
      return value.startsWith('-') && /[1-9]/.test(value) ? 'must not be negative' : null;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be an integer';
      return value < spec.min || value > spec.max ? `must be between ${spec.min} and ${spec.max}` : null;
    case 'string':
      if (typeof value !== 'string') return 'must be a string';
      if (spec.minLength !== undefined && value.length < spec.minLength) return `must be at least ${spec.minLength} characters`;
      if (spec.maxLength !== undefined && value.length > spec.maxLength) return `must be at most ${spec.maxLength} characters`;
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? null : `must be one of ${spec.values.join(', ')}`;
  }
}

const id = z.number().int().positive();
const EDIT_KEYS = new Set(['entity', 'id', 'productId', 'field', 'from', 'to']);
const ENTITY_SET = new Set<string>(ENTITIES);
const isId = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/**
 * Everything wrong with one edit, as [path, message] pairs. Hand-written rather than zod per item:
 * a job carries up to 100,000 edits, and zod spends ~90 ms on 10,000 in a fresh process (this
 * loop ~20 ms), time the merchant waits before the first request. JobEditSchema uses it too, so
 * the single-edit schema and the bulk check cannot disagree.
 */
export function editProblems(edit: unknown): Array<[string, string]> {
  if (typeof edit !== 'object' || edit === null || Array.isArray(edit)) return [['', 'must be an object']];
  const e = edit as Record<string, unknown>;
  const problems: Array<[string, string]> = [];
  for (const key of Object.keys(e)) if (!EDIT_KEYS.has(key)) problems.push([key, 'unknown key']);
  if (typeof e.entity !== 'string' || !ENTITY_SET.has(e.entity)) problems.push(['entity', `must be one of ${ENTITIES.join(', ')}`]);
  if (!isId(e.id)) problems.push(['id', 'must be a positive integer']);
  if (e.productId !== undefined && (!isId(e.productId) || e.entity !== 'variant')) {
    problems.push(['productId', 'must be a positive integer, and only on variant edits']);
  }
  if (problems.length > 0) return problems;
  const spec = typeof e.field === 'string' ? fieldSpec(e.entity as Entity, e.field) : undefined;
  // Only values whose type is established reach a message: `field` may be anything a caller sent.
  if (!spec) return [['field', `${e.entity as string} field ${describeValue(e.field)} cannot be edited in bulk`]];
  for (const key of ['from', 'to'] as const) {
    const value = e[key];
    const scalar = value === null || SCALAR_TYPES.has(typeof value);
    const problem = scalar ? valueProblem(spec, value as JsonValue) : 'must be a string, number, boolean or null';
    if (problem) problems.push([key, `${e.field as string} ${problem}`]);
  }
  return problems;
}

/** The shape of one edit, for the contract and types; extended by staged edits. */
export const JobEditFields = z.strictObject({
  entity: z.enum(ENTITIES),
  id,
  /** The variant's product; optional (the batch endpoint needs only the variant id), shown in the UI. */
  productId: id.optional(),
  field: z.string().min(1),
  from: JsonValueSchema,
  to: JsonValueSchema,
});

/** Adds editProblems of the edit's job fields (the allow-list and value checks) as zod issues. */
export function refineEdit(edit: z.infer<typeof JobEditFields>, ctx: z.RefinementCtx): void {
  const { entity, id: editId, productId, field, from, to } = edit;
  const jobEdit = { entity, id: editId, ...(productId !== undefined ? { productId } : {}), field, from, to };
  for (const [path, message] of editProblems(jobEdit)) ctx.addIssue({ code: 'custom', path: path ? [path] : [], message });
}

/** One edit; the checks are editProblems. */
export const JobEditSchema = JobEditFields.superRefine(refineEdit);
export type JobEdit = z.infer<typeof JobEditSchema>;

/** One cell of one row, `${entity}:${id}:${field}`: the key of a staged edit, and what a job may edit once. */
export function cellKey(edit: Pick<JobEdit, 'entity' | 'id' | 'field'>): string {
  return `${edit.entity}:${edit.id}:${edit.field}`;
}

export const MAX_EDITS = 100_000;

/**
 * All edits of a job; each field of each row at most once (two edits of one cell make `from` ambiguous).
 * Issues are capped (issueSink): a list of 100,000 bad edits must not cost seconds of zod issues.
 */
export const JobEditsSchema = z
  .array(z.unknown())
  .min(1)
  .max(MAX_EDITS)
  .superRefine((edits, ctx) => {
    if (edits.length > MAX_EDITS) return;
    const sink = issueSink(ctx);
    const seen = new Map<string, number>();
    edits.forEach((edit, index) => {
      const problems = editProblems(edit);
      for (const [path, message] of problems) sink.add(path ? [index, path] : [index], message);
      if (problems.length > 0) return;
      const key = cellKey(edit as JobEdit);
      const first = seen.get(key);
      if (first !== undefined) sink.add([index], `duplicate edit of ${key} (also edit ${first})`);
      else seen.set(key, index);
    });
    sink.close();
  })
  .transform((edits) => edits as JobEdit[]);

export const StartJobInputSchema = z.strictObject({
  storeId: StoreId,
  storeHash: StoreHash,
  title: z.string().min(1).max(200),
  edits: JobEditsSchema,
});
export type StartJobInput = z.output<typeof StartJobInputSchema>;

export const JOB_STATUSES = [
  'queued',
  'running',
  'paused',
  'completed',
  'completed_with_errors',
  'cancelled',
  'interrupted',
  'failed',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const ROW_STATUSES = ['pending', 'applied', 'failed', 'conflict', 'skipped'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

/** `undo` reverses a job's applied rows, `retry` re-runs its failed rows (see jobs.retry). */
export const JOB_KINDS = ['edit', 'undo', 'retry'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/**
 * Which rows a retry runs again: `failed` ones as they were (default), or `conflicts` expecting the
 * value the store reported, i.e. "overwrite what the store has now, if it still has that".
 */
export const RETRY_ROWS = ['failed', 'conflicts'] as const;
export type RetryRows = (typeof RETRY_ROWS)[number];

const count = z.number().int().nonnegative();

export const JobSummarySchema = z.object({
  id: z.string(),
  storeId: z.string(),
  storeHash: z.string(),
  title: z.string(),
  kind: z.enum(JOB_KINDS),
  /** For an undo job: the job it reverses. */
  undoOf: z.string().optional(),
  /** For a retry job: the job whose rows it runs again. */
  retryOf: z.string().optional(),
  status: z.enum(JOB_STATUSES),
  total: count,
  done: count,
  failed: count,
  conflicts: count,
  skipped: count,
  pending: count,
  /** HTTP requests this job asked the client for (retries inside the client not counted). */
  requests: count,
  /** Time requests waited on the store's quota while this job ran (store-wide limiter figure). */
  rateLimitWaitMs: count,
  /** Running time, pauses excluded. */
  elapsedMs: count,
  /** Estimated time to finish at the recent pace; null until there is a pace to go by. */
  etaMs: count.nullable(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  /** Why the job stopped, for `failed` and `interrupted`. */
  error: z.string().optional(),
  /** A job of product and variant creates and deletes (issue 11): its rows are `changes`, not edits. */
  catalog: z.boolean().optional(),
});
export type JobSummary = z.infer<typeof JobSummarySchema>;

export const RowResultSchema = z.object({
  index: count,
  edit: JobEditSchema,
  status: z.enum(ROW_STATUSES),
  message: z.string().optional(),
  /** For a conflict: what the store has now (same type conventions as the edit). */
  serverValue: JsonValueSchema.optional(),
});
export type RowResult = z.infer<typeof RowResultSchema>;

export const CATALOG_OPS = ['createProduct', 'createVariants', 'deleteProduct', 'deleteVariant'] as const;

/** One row of a catalog job: a create or delete, with what the store said and what it made or removed. */
export const CatalogJobRowSchema = z.object({
  key: z.string(),
  op: z.enum(CATALOG_OPS),
  label: z.string(),
  status: z.enum(ROW_STATUSES),
  /** The store's words for a refusal (409 duplicate SKU, 422 per field), or ours. */
  message: z.string().optional(),
  /** The field the store named, when it named one. */
  field: z.string().optional(),
  /** The product the row created, deleted or added variants to (after apply). */
  productId: z.number().int().optional(),
  variantIds: z.array(z.number().int()).optional(),
});
export type CatalogJobRow = z.infer<typeof CatalogJobRowSchema>;

/** `rows`: one per edit (empty for a catalog job); `changes`: one per create or delete of a catalog job. */
export const JobDetailSchema = JobSummarySchema.extend({ rows: z.array(RowResultSchema), changes: z.array(CatalogJobRowSchema).optional() });
export type JobDetail = z.infer<typeof JobDetailSchema>;

export const JobProgressedEventSchema = z.object({ type: z.literal('progressed'), job: JobSummarySchema });
export type JobEvent = z.infer<typeof JobProgressedEventSchema>;
