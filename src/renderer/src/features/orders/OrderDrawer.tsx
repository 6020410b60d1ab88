import type { OrderAddress, OrderDetail } from '../../../../shared/contract';
import { statusTone } from './order-columns';
import { leftOf } from './ship-plan';
import { useOrderDetail } from './useOrders';
import { useOrderStatuses } from './useOrderStatuses';

interface Props {
  storeId: string;
  orderId: number;
  onShip(detail: OrderDetail): void;
  onClose(): void;
}

const money = (v: string) => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v).toFixed(2) : v);

/** One order beside the grid: its lines (with bins from the catalog), addresses, shipments and notes. */
export function OrderDrawer({ storeId, orderId, onShip, onClose }: Props) {
  const detail = useOrderDetail(storeId, orderId);
  const naming = useOrderStatuses(storeId);
  const d = detail.data;
  const left = d ? d.lines.filter((l) => l.physical).reduce((n, l) => n + leftOf(l), 0) : 0;
  return (
    <aside className="order-drawer" aria-label={`Order #${orderId}`}>
      <header className="drawer-header">
        <h2>Order #{orderId}</h2>
        {d && <span className={`cell-tone tone-${statusTone(d.order.status_id)}`}>{naming.name(d.order.status_id)}</span>}
        <span className="spacer" />
        <button type="button" className="button small primary" disabled={!d || left === 0} onClick={() => d && onShip(d)}>
          Ship items…
        </button>
        <button type="button" className="icon-button" aria-label="Close order details" onClick={onClose}>
          ×
        </button>
      </header>
      {detail.isPending && <p className="pad muted">Reading the order from the store…</p>}
      {detail.error && <p className="pad error-text">{detail.error.message}</p>}
      {d && <DrawerBody detail={d} />}
    </aside>
  );
}

function DrawerBody({ detail }: { detail: OrderDetail }) {
  const { order } = detail;
  return (
    <div className="drawer-body">
      <p className="muted small">
        {new Date(order.date_created).toLocaleString()} · {order.customer_name} · {order.email} · {money(order.total_inc_tax)} {order.currency_code} · {order.payment_method} ({order.payment_status || 'no payment status'})
      </p>
      <section aria-label="Items">
        <h3>Items</h3>
        <div className="drawer-scroll">
        <table className="table drawer-lines">
          <thead>
            <tr>
              <th>SKU</th>
              <th>Item</th>
              <th className="num">Qty</th>
              <th className="num">Price</th>
              <th className="num">Shipped</th>
              <th>Bin</th>
            </tr>
          </thead>
          <tbody>
            {detail.lines.map((l) => (
              <tr key={l.id}>
                <td>{l.sku}</td>
                <td>
                  {l.name}
                  {l.options.length > 0 && <div className="muted small">{l.options.join(', ')}</div>}
                  {l.quantity_refunded > 0 && <div className="warning-text-inline small">{l.quantity_refunded} refunded</div>}
                </td>
                <td className="num">{l.quantity}</td>
                <td className="num">{money(l.price_inc_tax)}</td>
                <td className="num">{l.quantity_shipped}</td>
                <td>{l.bin ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </section>
      <div className="drawer-addresses">
        <section aria-label="Billing address">
          <h3>Billing address</h3>
          <Address a={detail.billing_address} />
        </section>
        {detail.shipping_addresses.map((a) => (
          <section key={a.id} aria-label={detail.shipping_addresses.length > 1 ? `Shipping address ${a.id}` : 'Shipping address'}>
            <h3>Ship to</h3>
            <Address a={a} />
            <p className="muted small">{a.shipping_method}</p>
          </section>
        ))}
      </div>
      <section aria-label="Shipments">
        <h3>Shipments</h3>
        {detail.shipments.length === 0 ? (
          <p className="muted small">None yet.</p>
        ) : (
          <ul className="shipment-list">
            {detail.shipments.map((s) => (
              <li key={s.id}>
                <strong>{s.tracking_link ? <a href={s.tracking_link} target="_blank" rel="noreferrer">{s.tracking_number}</a> : s.tracking_number || 'No tracking number'}</strong>{' '}
                <span className="muted small">
                  {[s.shipping_provider || s.tracking_carrier, s.shipping_method, new Date(s.date_created).toLocaleDateString()].filter(Boolean).join(' · ')} · {s.items.reduce((n, i) => n + i.quantity, 0)} items
                </span>
                {s.comments && <div className="small">{s.comments}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Customer message">
        <h3>Customer message</h3>
        <p className="small">{order.customer_message || <span className="muted">None.</span>}</p>
      </section>
      <section aria-label="Staff notes">
        <h3>Staff notes</h3>
        <p className="small">{order.staff_notes || <span className="muted">None (edit them in the grid).</span>}</p>
      </section>
    </div>
  );
}

function Address({ a }: { a: OrderAddress }) {
  const lines = [`${a.first_name} ${a.last_name}`.trim(), a.company, a.street_1, a.street_2, [a.zip, a.city].filter(Boolean).join(' '), [a.state, a.country].filter(Boolean).join(', '), a.phone, a.email];
  return (
    <address className="small">
      {lines.filter(Boolean).map((line, i) => (
        <div key={i}>{line}</div>
      ))}
    </address>
  );
}
