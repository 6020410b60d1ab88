import type { Webhook } from '../../../../shared/contract';
import { useDeleteHook, useSetHookActive } from './useWebhooks';

const dateTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function HooksTable({ storeId, hooks }: { storeId: string; hooks: Webhook[] }) {
  const setActive = useSetHookActive(storeId);
  const remove = useDeleteHook(storeId);
  const inactive = hooks.filter((h) => !h.isActive);
  if (hooks.length === 0) return <p className="muted">This store has no webhooks for Stockroom’s API account yet. Create one below.</p>;
  return (
    <>
      {inactive.length > 0 && (
        <div className="webhooks-alert" role="alert">
          <span>
            {inactive.length === 1 ? 'One webhook is' : `${inactive.length} webhooks are`} inactive: the store delivers nothing for{' '}
            {inactive.length === 1 ? 'it' : 'them'}. BigCommerce switches a hook off when its deliveries keep failing; what changed meanwhile
            arrives with the next catalog refresh.
          </span>
          <button type="button" className="button small" disabled={setActive.isPending} onClick={() => inactive.forEach((h) => setActive.mutate({ id: h.id, isActive: true }))}>
            Reactivate {inactive.length === 1 ? 'it' : 'all'}
          </button>
        </div>
      )}
      <div className="webhooks-table-wrap">
        <table className="table" aria-label="Webhooks">
          <thead>
            <tr>
              <th>Scope</th>
              <th>Destination</th>
              <th>Status</th>
              <th>Created</th>
              <th>
                <span className="webhooks-sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {hooks.map((hook) => (
              <tr key={hook.id}>
                <td>
                  <code>{hook.scope}</code>
                </td>
                <td className="webhooks-destination" title={headerSummary(hook)}>
                  {hook.toReceiver && <span className="badge">Stockroom</span>} {hook.destination}
                </td>
                <td>
                  <span className={`status ${hook.isActive ? 'status-completed' : 'status-failed'}`}>{hook.isActive ? 'Active' : 'Inactive'}</span>
                </td>
                <td>{dateTime.format(new Date(hook.createdAt))}</td>
                <td className="job-actions">
                  <button
                    type="button"
                    className="button small"
                    aria-label={`${hook.isActive ? 'Deactivate' : 'Activate'} ${hook.scope} webhook`}
                    disabled={setActive.isPending}
                    onClick={() => setActive.mutate({ id: hook.id, isActive: !hook.isActive })}
                  >
                    {hook.isActive ? 'Deactivate' : 'Activate'}
                  </button>
                  <button
                    type="button"
                    className="button small danger"
                    aria-label={`Delete ${hook.scope} webhook`}
                    disabled={remove.isPending}
                    onClick={() => window.confirm(`Delete the ${hook.scope} webhook to ${hook.destination}?`) && remove.mutate(hook.id)}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function headerSummary(hook: Webhook): string {
  const names = Object.keys(hook.headers);
  return names.length ? `Custom headers: ${names.join(', ')}` : 'No custom headers';
}
