import { z } from 'zod';
import { MONEY_PATTERN } from '../money';
import { event, method } from './define';
import { StoreId } from './stores';

const Id = z.number().int().positive();
const GroupId = z.number().int().min(0).max(2_147_483_647);

/**
 * One customer as the Customers grid shows it (Customers V3 with `include=storecredit`). Store credit
 * is the sum of `store_credit_amounts` as a decimal string; dates as BigCommerce sends them (ISO).
 * `customer_group_id` 0 means no group.
 */
export const CustomerRowSchema = z.object({
  id: Id,
  first_name: z.string(),
  last_name: z.string(),
  email: z.string(),
  company: z.string(),
  phone: z.string(),
  customer_group_id: GroupId,
  notes: z.string(),
  tax_exempt_category: z.string(),
  accepts_product_review_abandoned_cart_emails: z.boolean(),
  store_credit: z.string().regex(MONEY_PATTERN),
  date_created: z.string(),
  date_modified: z.string(),
});
export type CustomerRowData = z.infer<typeof CustomerRowSchema>;

export const CustomersStatus = z.object({
  storeId: StoreId,
  /** Null until the first load has finished. */
  syncedAt: z.string().nullable(),
  customers: z.number().int(),
});
export type CustomersStatus = z.infer<typeof CustomersStatus>;

export const CustomersSyncResult = z.object({
  storeId: StoreId,
  mode: z.enum(['full', 'delta']),
  customers: z.number().int(),
  at: z.string(),
  upserted: z.number().int(),
  removed: z.number().int(),
});
export type CustomersSyncResult = z.infer<typeof CustomersSyncResult>;

export const CUSTOMERS_PAGE_MAX = 50_000;
export const CustomerPage = z.object({ total: z.number().int(), offset: z.number().int(), customers: z.array(CustomerRowSchema) });

/** customers.v3.yml customer_Post limits; checked in the form before sending and by main. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const required = (label: string, max: number) =>
  z.string().trim().min(1, `${label} is required.`).max(max, `${label} must be at most ${max} characters.`);
export const NewCustomerSchema = z
  .object({
    first_name: required('First name', 100),
    last_name: required('Last name', 100),
    email: z.string().trim().min(1, 'Email is required.').max(255, 'Email must be at most 255 characters.').regex(EMAIL, 'Enter an email address such as name@example.com.'),
    company: z.string().max(255, 'Company must be at most 255 characters.').optional(),
    phone: z.string().max(50, 'Phone must be at most 50 characters.').optional(),
    notes: z.string().max(10_000, 'Notes must be at most 10,000 characters.').optional(),
    customer_group_id: GroupId.optional(),
    accepts_product_review_abandoned_cart_emails: z.boolean().optional(),
  })
  .strict();
export type NewCustomer = z.input<typeof NewCustomerSchema>;
/** The form fields a create error can name. */
export type NewCustomerField = keyof NewCustomer;

export const CustomerGroupSchema = z.object({
  id: Id,
  name: z.string(),
  is_default: z.boolean(),
  /** Customers in the group, as the store counts them (`customer_group_id:in`). */
  members: z.number().int().min(0),
});
export type CustomerGroup = z.infer<typeof CustomerGroupSchema>;

const GroupName = z.string().trim().min(1, 'A group needs a name.').max(255, 'A group name must be at most 255 characters.');

export const customersMethods = {
  'customers.list': method(
    z.object({ storeId: StoreId, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(CUSTOMERS_PAGE_MAX).default(CUSTOMERS_PAGE_MAX) }).strict(),
    CustomerPage,
    'Customers from the local cache, by position (sorted by id).',
  ),
  'customers.getStatus': method(z.object({ storeId: StoreId }).strict(), CustomersStatus, 'What the local customers cache holds for a store.'),
  'customers.sync': method(
    z.object({ storeId: StoreId, mode: z.enum(['refresh', 'full']).default('refresh') }).strict(),
    CustomersSyncResult,
    'Load the customers (first time), refresh them by delta (date_modified:min), or reload them fully.',
  ),
  'customers.create': method(
    z.object({ storeId: StoreId, customer: NewCustomerSchema }).strict(),
    CustomerRowSchema,
    'Create one customer (POST /v3/customers, never blindly retried); a 422 comes back with the field it names.',
  ),
  'customers.listGroups': method(z.object({ storeId: StoreId }).strict(), z.array(CustomerGroupSchema), 'Customer groups (V2) with how many customers each holds.'),
  'customers.createGroup': method(z.object({ storeId: StoreId, name: GroupName }).strict(), CustomerGroupSchema, 'Create a customer group.'),
  'customers.renameGroup': method(z.object({ storeId: StoreId, id: Id, name: GroupName }).strict(), CustomerGroupSchema, 'Rename a customer group.'),
  'customers.deleteGroup': method(
    z.object({ storeId: StoreId, id: Id }).strict(),
    z.object({ id: Id, unassigned: z.number().int().min(0) }),
    'Delete a customer group; its customers end up in no group.',
  ),
};

export const customersEvents = {
  'customers.syncProgressed': event(z.object({ storeId: StoreId, loaded: z.number().int(), total: z.number().int() }), 'Progress of a customers load (throttled).'),
  'customers.synced': event(CustomersSyncResult, 'A customers sync finished.'),
  'customers.syncFailed': event(z.object({ storeId: StoreId, message: z.string(), code: z.string() }), 'A customers sync failed; the previous cache is kept.'),
};
