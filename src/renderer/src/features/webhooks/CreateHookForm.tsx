import { useState, type FormEvent } from 'react';
import { WEBHOOK_SCOPES, type ReceiverInfo } from '../../../../shared/contract';
import { parseHeaders } from './headers';
import { useCreateHook } from './useWebhooks';

export function CreateHookForm({ storeId, receiver }: { storeId: string; receiver: ReceiverInfo }) {
  const create = useCreateHook(storeId);
  const [scope, setScope] = useState<(typeof WEBHOOK_SCOPES)[number]>('store/product/updated');
  const [target, setTarget] = useState<'receiver' | 'url'>(receiver.destination ? 'receiver' : 'url');
  const [url, setUrl] = useState('');
  const [headerText, setHeaderText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseHeaders(headerText);
    if ('error' in parsed) return setLocalError(parsed.error);
    setLocalError(null);
    const headers = Object.keys(parsed.headers).length ? parsed.headers : undefined;
    create.mutate({ scope, headers, ...(target === 'url' ? { destination: url.trim() } : {}) }, { onSuccess: () => setHeaderText('') });
  };
  const error = localError ?? create.error?.message;

  return (
    <section aria-labelledby="create-hook-heading" className="webhooks-section webhooks-create">
      <h2 id="create-hook-heading">New webhook</h2>
      <form className="form webhooks-form" onSubmit={submit} aria-labelledby="create-hook-heading">
        <label>
          Scope
          <select value={scope} onChange={(e) => setScope(e.target.value as typeof scope)}>
            {WEBHOOK_SCOPES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <fieldset className="webhooks-target">
          <legend>Destination</legend>
          <label className="inline">
            <input type="radio" name="target" checked={target === 'receiver'} onChange={() => setTarget('receiver')} disabled={!receiver.destination} />
            Stockroom’s receiver {receiver.destination ? <code>{receiver.destination}</code> : <span className="muted">(enter a public URL below first)</span>}
          </label>
          <label className="inline">
            <input type="radio" name="target" checked={target === 'url'} onChange={() => setTarget('url')} />
            Another URL
          </label>
          {target === 'url' && (
            <label>
              Destination URL
              <input value={url} onChange={(e) => setUrl(e.target.value)} required placeholder="https://example.com/webhooks" spellCheck={false} />
            </label>
          )}
        </fieldset>
        <label>
          Custom headers
          <textarea value={headerText} onChange={(e) => setHeaderText(e.target.value)} rows={2} placeholder="X-Example: value (one per line)" spellCheck={false} />
        </label>
        {target === 'receiver' && <p className="muted small">Stockroom adds its secret header {receiver.secretHeader} itself; the receiver refuses deliveries without it.</p>}
        <div>
          <button type="submit" className="button primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create webhook'}
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
