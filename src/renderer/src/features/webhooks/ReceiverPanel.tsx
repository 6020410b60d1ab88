import { useState, type FormEvent } from 'react';
import type { ReceiverInfo } from '../../../../shared/contract';
import { useSetPublicUrl } from './useWebhooks';

/** Where deliveries go, and for a store on the internet, the forwarding URL it needs. */
export function ReceiverPanel({ storeId, receiver }: { storeId: string; receiver: ReceiverInfo }) {
  const save = useSetPublicUrl(storeId);
  const [publicUrl, setPublicUrl] = useState(receiver.publicUrl ?? '');
  const loopbackOnly = receiver.bindAddress === '127.0.0.1' || receiver.bindAddress === '::1';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(publicUrl.trim() || null);
  };
  return (
    <section aria-labelledby="receiver-heading" className="webhooks-section webhooks-receiver">
      <h2 id="receiver-heading">Stockroom’s receiver</h2>
      {receiver.localUrl ? (
        <p>
          Listening at <code>{receiver.localUrl}</code>
          {loopbackOnly ? ' — on this computer only.' : ` — reachable on ${receiver.bindAddress}, as you asked.`} It accepts only deliveries carrying the
          secret header <code>{receiver.secretHeader}</code> that Stockroom generated for this store and keeps in the OS keychain.
        </p>
      ) : (
        <p className="error-text">The receiver is not running (its port may be taken; see the log). Hooks to other URLs still work.</p>
      )}
      {receiver.isDemo ? (
        <p className="muted">This demo store runs on this computer and delivers straight to the receiver; Stockroom set up its hooks at start.</p>
      ) : (
        <form className="form webhooks-form" onSubmit={submit}>
          <p className="muted">
            BigCommerce delivers from the internet, over https on port 443, and cannot reach 127.0.0.1. Run a forwarding tunnel (for example a reverse proxy
            or a tunnel service) from a public https URL to the receiver’s address, and enter that URL here. Stockroom adds the path{' '}
            <code>/webhooks/{storeId}</code> to it. The receiver's port changes with each launch unless <code>STOCKROOM_WEBHOOK_PORT</code> fixes it.
          </p>
          <label>
            Public URL that forwards to the receiver
            <input value={publicUrl} onChange={(e) => setPublicUrl(e.target.value)} placeholder="https://hooks.example.com" spellCheck={false} />
          </label>
          <div>
            <button type="submit" className="button" disabled={save.isPending}>
              Save public URL
            </button>
          </div>
          {save.error && (
            <p className="form-error" role="alert">
              {save.error.message}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
