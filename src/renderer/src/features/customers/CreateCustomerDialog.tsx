import { useState, type FormEvent, type ReactNode } from 'react';
import type { CustomerGroup, CustomerRowData } from '../../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { checkDraft, createErrors, EMPTY_DRAFT, type CustomerDraft, type FieldErrors } from './new-customer';
import { useCreateCustomer } from './useCustomers';

interface Props {
  storeId: string;
  groups: readonly CustomerGroup[];
  onCreated(customer: CustomerRowData): void;
  onClose(): void;
}

type TextField = 'first_name' | 'last_name' | 'email' | 'company' | 'phone' | 'notes';

/** New customer: required fields and the email are checked before sending; the store's refusal lands on its field. */
export function CreateCustomerDialog({ storeId, groups, onCreated, onClose }: Props) {
  const [draft, setDraft] = useState<CustomerDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateCustomer(storeId);
  const set = (field: keyof CustomerDraft, value: string | boolean) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined, form: undefined }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDraft(draft);
    if ('errors' in checked) return setErrors(checked.errors);
    create.mutate(checked.customer, { onSuccess: onCreated, onError: (error) => setErrors(createErrors(error)) });
  };
  const input = (field: TextField, label: string, extra: { type?: string; required?: boolean; autoFocus?: boolean } = {}): ReactNode => (
    // The message sits outside the label, so the field's name stays its label alone.
    <div className="form-field">
      <label>
        <span>
          {label}
          {extra.required && <span aria-hidden> *</span>}
        </span>
        <input
          name={field}
          type={extra.type ?? 'text'}
          value={draft[field]}
          autoFocus={extra.autoFocus}
          aria-required={extra.required}
          aria-invalid={!!errors[field]}
          aria-describedby={errors[field] ? `${field}-error` : undefined}
          onChange={(e) => set(field, e.target.value)}
        />
      </label>
      {errors[field] && (
        <span id={`${field}-error`} className="field-error" role="alert">
          {errors[field]}
        </span>
      )}
    </div>
  );
  return (
    <Dialog
      title="New customer"
      onClose={onClose}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="customer-form" className="button primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create customer'}
          </button>
        </>
      }
    >
      <form id="customer-form" className="form customer-form" noValidate onSubmit={submit}>
        <div className="form-row">
          {input('first_name', 'First name', { required: true, autoFocus: true })}
          {input('last_name', 'Last name', { required: true })}
        </div>
        {input('email', 'Email', { type: 'email', required: true })}
        <div className="form-row">
          {input('company', 'Company')}
          {input('phone', 'Phone')}
        </div>
        <label>
          Customer group
          <select name="customer_group_id" value={draft.customer_group_id} onChange={(e) => set('customer_group_id', e.target.value)}>
            <option value="">Not set (the store decides)</option>
            {groups.map((g) => (
              <option key={g.id} value={String(g.id)}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        {input('notes', 'Notes')}
        <label className="checkbox">
          <input type="checkbox" checked={draft.accepts_product_review_abandoned_cart_emails} onChange={(e) => set('accepts_product_review_abandoned_cart_emails', e.target.checked)} />
          Accepts marketing emails
        </label>
        {errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
      </form>
    </Dialog>
  );
}
