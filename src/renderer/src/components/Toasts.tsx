import { fades, useToasts, type Toast } from './toast-store';

/** Errors shown at once; older ones fold into a "more" line so the stack stays small. */
const SHOWN_ERRORS = 3;

/**
 * Bottom left, over the sidebar: never over the grids or the Apply button. Information fades;
 * errors stay, newest at the bottom, until dismissed.
 */
export function Toasts() {
  const { toasts, dismiss, dismissErrors } = useToasts();
  const sticky = toasts.filter((t) => !fades(t.level));
  const hidden = Math.max(0, sticky.length - SHOWN_ERRORS);
  const shown = toasts.filter((t) => fades(t.level) || sticky.indexOf(t) >= hidden);
  return (
    <div className="toasts" role="region" aria-label="Notifications">
      {hidden > 0 && (
        <div className="toast toast-more">
          <span>
            {hidden} earlier {hidden === 1 ? 'message' : 'messages'}
          </span>
          <button type="button" className="link-button" onClick={dismissErrors}>
            Dismiss all
          </button>
        </div>
      )}
      {shown.map((t) => (
        <ToastItem key={t.id} toast={t} onDismiss={() => dismiss(t.id)} />
      ))}
    </div>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss(): void }) {
  return (
    <div className={`toast toast-${toast.level}${fades(toast.level) ? ' fading' : ''}`} role={toast.level === 'error' ? 'alert' : 'status'}>
      <span className="toast-text" title={toast.message}>
        {toast.message}
        {toast.count > 1 && <span className="toast-count"> ×{toast.count}</span>}
      </span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
