import { z } from 'zod';
import { ProductRowSchema } from './catalog';
import { CustomerRowSchema } from './customers';
import { event } from './define';
import { OrderRowSchema } from './orders';
import { StoreId } from './stores';

const Id = z.number().int().positive();

/**
 * What changed the rows: a job main ran (apply, undo, retry), the store said so (a webhook
 * delivery), a contract call that wrote to the store directly (customers.create,
 * customers.deleteGroup), or a shipment Stockroom made (items shipped, status).
 */
export const RowsChangedCause = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('job'), jobId: z.string().max(64) }),
  z.strictObject({ kind: z.literal('webhook') }),
  z.strictObject({ kind: z.literal('call'), method: z.string().max(64) }),
  z.strictObject({ kind: z.literal('shipment') }),
]);

/**
 * One shape for "these rows of a store are now this": full rows, so the renderer replaces its
 * cached rows in place without asking main again, and the ids of rows that are gone. A variant
 * lives inside its product's row, so a variant change travels as that product's row. Products,
 * customers and orders each have their member; jobs, webhooks, calls and shipments all use it.
 */
export const RowsChangedSchema = z.discriminatedUnion('entity', [
  z.strictObject({
    storeId: StoreId,
    entity: z.literal('product'),
    rows: z.array(ProductRowSchema),
    removedIds: z.array(Id).optional(),
    cause: RowsChangedCause,
  }),
  z.strictObject({
    storeId: StoreId,
    entity: z.literal('customer'),
    rows: z.array(CustomerRowSchema),
    removedIds: z.array(Id).optional(),
    cause: RowsChangedCause,
  }),
  z.strictObject({
    storeId: StoreId,
    entity: z.literal('order'),
    rows: z.array(OrderRowSchema),
    removedIds: z.array(Id).optional(),
    cause: RowsChangedCause,
  }),
]);
export type RowsChanged = z.infer<typeof RowsChangedSchema>;

export const dataEvents = {
  'data.rowsChanged': event(RowsChangedSchema, 'Rows of a store changed (full new rows, removed ids), e.g. after a job applied, undid or retried edits.'),
};
