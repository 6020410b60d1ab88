import { NewCustomerSchema, type NewCustomer, type NewCustomerField } from '../../../../shared/contract';
import { AppError } from '../../../../shared/rpc';

/** The form's text fields as typed; the group as the select's value ('' = the store's default). */
export interface CustomerDraft {
  first_name: string;
  last_name: string;
  email: string;
  company: string;
  phone: string;
  notes: string;
  customer_group_id: string;
  accepts_product_review_abandoned_cart_emails: boolean;
}

export const EMPTY_DRAFT: CustomerDraft = {
  first_name: '', last_name: '', email: '', company: '', phone: '', notes: '', customer_group_id: '', accepts_product_review_abandoned_cart_emails: false,
};

export type FieldErrors = Partial<Record<NewCustomerField | 'form', string>>;

/** The draft checked by the contract's own schema before anything is sent: a customer, or each field's problem. */
export function checkDraft(draft: CustomerDraft): { customer: NewCustomer } | { errors: FieldErrors } {
  const { customer_group_id, company, phone, notes, ...rest } = draft;
  const input: NewCustomer = {
    ...rest,
    ...(company ? { company } : {}),
    ...(phone ? { phone } : {}),
    ...(notes ? { notes } : {}),
    ...(customer_group_id !== '' ? { customer_group_id: Number(customer_group_id) } : {}),
  };
  const parsed = NewCustomerSchema.safeParse(input);
  if (parsed.success) return { customer: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = (typeof issue.path[0] === 'string' ? issue.path[0] : 'form') as keyof FieldErrors;
    errors[field] ??= issue.message;
  }
  return { errors };
}

const FIELDS = new Set<string>(['first_name', 'last_name', 'email', 'company', 'phone', 'notes', 'customer_group_id', 'accepts_product_review_abandoned_cart_emails']);

/**
 * A failed create on the fields it names: the store's 422 (details.fields, e.g. a taken email),
 * or main's validation (issues under `customer.<field>`); anything else is the form's error.
 */
export function createErrors(error: Error): FieldErrors {
  const errors: FieldErrors = {};
  if (error instanceof AppError) {
    const details = (error.details ?? {}) as { fields?: Record<string, string>; issues?: Array<{ path?: unknown[]; message?: string }> };
    for (const [field, message] of Object.entries(details.fields ?? {})) if (FIELDS.has(field)) errors[field as NewCustomerField] ??= message;
    for (const issue of details.issues ?? []) {
      const field = issue.path?.[1];
      if (typeof field === 'string' && FIELDS.has(field) && issue.message) errors[field as NewCustomerField] ??= issue.message;
    }
  }
  if (Object.keys(errors).length === 0) errors.form = error.message;
  return errors;
}
