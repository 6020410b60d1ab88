import { useState, type FormEvent } from 'react';
import type { CustomerGroup } from '../../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { useCustomerGroups, useGroupActions } from './useCustomers';

interface Props {
  storeId: string;
  onClose(): void;
}

const customers = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'customer' : 'customers'}`;

/** The store's customer groups with their member counts: create, rename, delete. */
export function GroupsDialog({ storeId, onClose }: Props) {
  const groups = useCustomerGroups(storeId);
  const actions = useGroupActions(storeId);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fail = (e: Error) => setError(e.message);
  const create = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    actions.create.mutate(name, { onSuccess: () => setName(''), onError: fail });
  };
  return (
    <Dialog title="Customer groups" onClose={onClose} wide>
      <table className="table groups-table" aria-label="Customer groups">
        <thead>
          <tr>
            <th>Name</th>
            <th className="num">Members</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {(groups.data ?? []).map((group) => (
            <GroupRow key={group.id} group={group} onRename={(next) => actions.rename.mutate({ id: group.id, name: next }, { onError: fail })} onDelete={() => actions.remove.mutate(group.id, { onError: fail })} />
          ))}
        </tbody>
      </table>
      {groups.isPending && <p className="muted">Reading the groups…</p>}
      {groups.error && <p className="form-error">{groups.error.message}</p>}
      <form className="group-create" onSubmit={create}>
        <label>
          New group
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={255} placeholder="e.g. Trade" />
        </label>
        <button type="submit" className="button" disabled={!name.trim() || actions.create.isPending}>
          Create group
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

function GroupRow({ group, onRename, onDelete }: { group: CustomerGroup; onRename(name: string): void; onDelete(): void }) {
  const [editing, setEditing] = useState<string | null>(null);
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (editing && editing.trim() && editing.trim() !== group.name) onRename(editing);
    setEditing(null);
  };
  const remove = () => {
    const holds = group.members === 0 ? 'It holds no customers.' : `It holds ${customers(group.members)}; they will be in no group.`;
    if (window.confirm(`Delete the group “${group.name}”? ${holds}`)) onDelete();
  };
  return (
    <tr>
      <td>
        {editing === null ? (
          group.name
        ) : (
          <form onSubmit={save}>
            <input aria-label={`New name for ${group.name}`} value={editing} autoFocus maxLength={255} onChange={(e) => setEditing(e.target.value)} onBlur={save} />
          </form>
        )}
        {group.is_default && <span className="chip">default</span>}
      </td>
      <td className="num">{group.members.toLocaleString()}</td>
      <td className="group-actions">
        <button type="button" className="button small" aria-label={`Rename ${group.name}`} onClick={() => setEditing(group.name)}>
          Rename
        </button>
        <button type="button" className="button small danger" aria-label={`Delete ${group.name}`} onClick={remove}>
          Delete
        </button>
      </td>
    </tr>
  );
}
