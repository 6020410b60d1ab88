import { z } from 'zod';
import { MONEY_PATTERN } from '../money';
import { event, method } from './define';
import { StoreId } from './stores';
import { CatalogJobRowSchema, JOB_STATUSES } from './jobs-schema';

/**
 * Creating and deleting products and variants (issue 11). These are staged like cell edits, reviewed,
 * and applied as one catalog job with progress; undo runs the inverse job. Limits from
 * products_catalog.v3.yml (product_Base: name 1–250, sku ≤ 255) and product-variants_catalog.v3.yml.
 */
const INT32_MAX = 2_147_483_647;
const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Money = z.string().max(32).regex(MONEY_PATTERN, 'must be a decimal such as "12.50"').refine((v) => !v.startsWith('-'), 'must not be negative');
const Stock = z.number().int().min(0).max(INT32_MAX);
const Sku = z.string().trim().min(1, 'a SKU is required').max(255);
const Label = z.string().trim().min(1).max(255);

export const PRODUCT_TYPES = ['physical', 'digital'] as const;
export const INVENTORY_TRACKING = ['none', 'product', 'variant'] as const;

export const OptionValueRefSchema = z.strictObject({ option_display_name: Label, label: Label });
export type OptionValueRef = z.infer<typeof OptionValueRefSchema>;

export const NewVariantSchema = z.strictObject({
  option_values: z.array(OptionValueRefSchema).min(1).max(3),
  sku: Sku,
  /** null: the variant takes the product's price. */
  price: Money.nullable(),
  inventory_level: Stock,
  bin_picking_number: z.string().max(255),
});
export type NewVariant = z.infer<typeof NewVariantSchema>;

export const NewProductSchema = z.strictObject({
  name: z.string().trim().min(1, 'a name is required').max(250, 'a name has at most 250 characters'),
  type: z.enum(PRODUCT_TYPES),
  sku: Sku,
  price: Money,
  weight: Money,
  categories: z.array(Id).max(100),
  brand_id: z.number().int().min(0).max(INT32_MAX),
  inventory_level: Stock,
  inventory_tracking: z.enum(INVENTORY_TRACKING),
  is_visible: z.boolean(),
  variants: z.array(NewVariantSchema).max(250),
});
export type NewProduct = z.infer<typeof NewProductSchema>;
/** A new product's own fields; its variants travel beside it (see ChangeInputSchema). */
export const NewProductFieldsSchema = NewProductSchema.omit({ variants: true });

/** The product a createProduct change makes, variants included. */
export const productOf = (change: { product: z.infer<typeof NewProductFieldsSchema>; variants: NewVariant[] }): NewProduct => ({ ...change.product, variants: change.variants });

// Variants beside the product, not inside it: a call nests at most 8 levels (src/main/rpc/limits.ts),
// and envelope → params → changes → change → variants → variant → option_values → value is 8.
export const ChangeInputSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('createProduct'), product: NewProductFieldsSchema, variants: z.array(NewVariantSchema).max(250) }),
  z.strictObject({ op: z.literal('createVariants'), productId: Id, variants: z.array(NewVariantSchema).min(1).max(250) }),
  z.strictObject({ op: z.literal('deleteProduct'), productId: Id }),
  z.strictObject({ op: z.literal('deleteVariant'), productId: Id, variantId: Id }),
]);
export type ChangeInput = z.infer<typeof ChangeInputSchema>;
export type ChangeOp = ChangeInput['op'];

export const StagedChangeSchema = z.intersection(
  ChangeInputSchema,
  z.object({
    key: z.string(),
    /** "New product “Blue mug” (MUG-1)", "Delete “Blue mug” (MUG-1)". */
    label: z.string(),
    stagedAt: z.string(),
    /** What the last job said about it when it failed. */
    message: z.string().optional(),
  }),
);
export type StagedChange = z.infer<typeof StagedChangeSchema>;

export { CatalogJobRowSchema, type CatalogJobRow } from './jobs-schema';

export const CatalogJobSchema = z.object({
  id: z.string(),
  storeId: z.string(),
  title: z.string(),
  kind: z.enum(['apply', 'undo', 'retry']),
  undoOf: z.string().optional(),
  status: z.enum(JOB_STATUSES),
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  /** Whether an undo job can still be started for it (applied rows, not undone yet). */
  undoable: z.boolean(),
  /** What an undo could not bring back (ids change; reviews, order links), when it recreated anything. */
  notRestored: z.array(z.string()),
  rows: z.array(CatalogJobRowSchema),
});
export type CatalogJob = z.infer<typeof CatalogJobSchema>;

export const TaxonomySchema = z.object({
  categories: z.array(z.object({ id: z.number().int(), name: z.string(), parent_id: z.number().int() })),
  brands: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type Taxonomy = z.infer<typeof TaxonomySchema>;

const ChangeKey = z.string().min(1).max(80).regex(/^[a-z]+(:[a-z0-9-]+){1,3}$/, 'not a staged change key');
const StagedList = z.object({ changes: z.array(StagedChangeSchema) });
const JobId = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/);

export const authoringMethods = {
  'authoring.list': method(z.strictObject({ storeId: StoreId }), StagedList, 'The product and variant creates and deletes staged for a store.'),
  'authoring.stage': method(
    z.strictObject({ storeId: StoreId, changes: z.array(ChangeInputSchema).min(1).max(100) }),
    StagedList,
    'Stage creates and deletes (checked against the local catalog: unique SKUs, the store’s decimal places).',
  ),
  'authoring.discard': method(z.strictObject({ storeId: StoreId, keys: z.array(ChangeKey).min(1).max(1000).optional() }), StagedList, 'Unstage these creates and deletes (all when omitted).'),
  'authoring.apply': method(z.strictObject({ storeId: StoreId, title: z.string().trim().min(1).max(200) }), CatalogJobSchema, 'Apply every staged create and delete as one catalog job.'),
  'authoring.jobs': method(z.strictObject({ storeId: StoreId }), z.array(CatalogJobSchema), 'The catalog jobs of a store, newest first.'),
  'authoring.undo': method(z.strictObject({ jobId: JobId }), CatalogJobSchema, 'Undo a catalog job: delete what it created, recreate what it deleted.'),
  'authoring.taxonomy': method(z.strictObject({ storeId: StoreId }), TaxonomySchema, 'The store’s categories and brands, to pick by name.'),
};

export const authoringEvents = {
  'authoring.changed': event(z.object({ storeId: StoreId, count: z.number().int().nonnegative() }), 'The staged creates and deletes of a store changed.'),
  'authoring.progressed': event(CatalogJobSchema, 'A catalog job made progress or finished.'),
};
