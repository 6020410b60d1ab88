import { useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { CustomerGroup } from '../../../../shared/contract';
import type { DataGridHandle } from '../../components/data-grid';
import { useToasts } from '../../components/toast-store';
import { NO_GROUP } from './customer-columns';

interface Props {
  grid: RefObject<DataGridHandle | null>;
  groups: readonly CustomerGroup[];
}

/**
 * Batch "Assign to group": every selected customer row gets the chosen group, staged as
 * customer_group_id edits in ONE grid step, so Ctrl+Z puts each customer's own group back (and
 * after Apply, the job's Undo does the same on the store).
 */
export function AssignGroup({ grid, groups }: Props) {
  const push = useToasts((s) => s.push);
  const [groupId, setGroupId] = useState('');
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const assign = async () => {
    close();
    const handle = grid.current;
    const rowIds = [...new Set((handle?.getSelectedCells() ?? []).map((cell) => cell.rowId))];
    if (!handle || rowIds.length === 0) return push('info', 'Select the customers to assign first (any of their cells).');
    const name = groupId === '0' ? NO_GROUP : (groups.find((g) => String(g.id) === groupId)?.name ?? groupId);
    const result = await handle.stageCells(rowIds.map((rowId) => ({ rowId, columnId: 'customer_group_id', text: name })));
    const refused = result.refused.length ? `; ${result.refused.length} refused: ${result.refused[0]!.message}` : '';
    if (result.staged === 0 && !refused) return push('info', `The ${rowIds.length === 1 ? 'customer is' : `${rowIds.length.toLocaleString()} customers are`} already in ${name} or staged for it: nothing changed.`);
    push('info', `Staged ${result.staged.toLocaleString()} group ${result.staged === 1 ? 'change' : 'changes'} to ${name} (Ctrl+Z takes them back)${refused}`);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    close();
  };
  // One small button in the grid's toolbar, the choice in a popover: a select and a button there
  // took 250 px and wrapped the toolbar onto two lines at 1024 px.
  return (
    <span className="popover-anchor">
      <button ref={toggle} type="button" className="button small" aria-haspopup="dialog" aria-expanded={open} title="Assign the selected customers to a group" onClick={() => setOpen(!open)}>
        Assign…
      </button>
      {open && (
        <div className="column-menu assign-group" role="dialog" aria-label="Assign to group" onKeyDown={onKeyDown}>
          <select aria-label="Group to assign" autoFocus value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            <option value="">Choose a group…</option>
            {groups.map((g) => (
              <option key={g.id} value={String(g.id)}>
                {g.name}
              </option>
            ))}
            <option value="0">{NO_GROUP}</option>
          </select>
          <button type="button" className="button small primary" disabled={groupId === ''} onClick={() => void assign()}>
            Assign to group
          </button>
        </div>
      )}
    </span>
  );
}
