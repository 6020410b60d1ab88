import { useState, type FormEvent } from 'react';
import { SHIPPING_PROVIDERS, type OrderDetail, type OrderRowData, type ShipmentOutcome, type ShipmentRequest } from '../../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { leftOf, planShipment, requestFields, type ShipFields } from './ship-plan';
import { useCreateShipments } from './useOrders';

type Target = { kind: 'one'; detail: OrderDetail } | { kind: 'many'; orders: readonly OrderRowData[] };

interface Props {
  storeId: string;
  target: Target;
  onDone(message: string): void;
  onClose(): void;
}

const PROVIDER_LABELS: Record<string, string> = { '': 'None', auspost: 'Australia Post', canadapost: 'Canada Post', endicia: 'Endicia', usps: 'USPS', fedex: 'FedEx', royalmail: 'Royal Mail', ups: 'UPS', upsready: 'UPS Ready', shipperhq: 'ShipperHQ' };

/**
 * Ship one order (quantities per line, default: everything not yet shipped) or a selection ("ship
 * what is left"). Quantities are checked here and again in main before anything is sent; a
 * refusal or a failure is shown per order, and the orders that shipped update in the grid.
 */
export function ShipDialog({ storeId, target, onDone, onClose }: Props) {
  const [fields, setFields] = useState<ShipFields>({ trackingNumber: '', shippingProvider: '', trackingCarrier: '', shippingMethod: '', comments: '' });
  const [typed, setTyped] = useState<Map<number, string>>(new Map());
  const [problems, setProblems] = useState<string[]>([]);
  const [failures, setFailures] = useState<ShipmentOutcome[]>([]);
  const create = useCreateShipments(storeId);
  const set = (patch: Partial<ShipFields>) => setFields({ ...fields, ...patch });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let requests: ShipmentRequest[];
    if (target.kind === 'one') {
      const plan = planShipment(target.detail.order.id, target.detail.lines, typed, fields);
      if ('problems' in plan) return setProblems(plan.problems);
      requests = [plan.request];
    } else {
      requests = target.orders.map((o) => ({ orderId: o.id, ...requestFields(fields) }));
    }
    setProblems([]);
    try {
      const { results } = await create.mutateAsync(requests);
      const failed = results.filter((r) => !r.ok);
      const shipped = results.length - failed.length;
      if (failed.length === 0) return onDone(`${shipped} ${shipped === 1 ? 'order' : 'orders'} shipped.`);
      setFailures(failed);
    } catch (e) {
      setProblems([e instanceof Error ? e.message : String(e)]);
    }
  };
  const title = target.kind === 'one' ? `Ship order #${target.detail.order.id}` : `Ship what is left of ${target.orders.length} ${target.orders.length === 1 ? 'order' : 'orders'}`;
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {failures.length ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" form="ship-form" className="button primary" disabled={create.isPending || failures.length > 0}>
            {create.isPending ? 'Shipping…' : 'Create shipment'}
          </button>
        </>
      }
    >
      <form id="ship-form" className="form" onSubmit={submit}>
        <div className="rule-fields">
          <label>
            Tracking number
            <input value={fields.trackingNumber} maxLength={50} onChange={(e) => set({ trackingNumber: e.target.value })} />
          </label>
          <label>
            Shipping provider
            <select value={fields.shippingProvider} onChange={(e) => set({ shippingProvider: e.target.value })}>
              {SHIPPING_PROVIDERS.map((p) => (
                <option key={p} value={p}>
                  {PROVIDER_LABELS[p] ?? p}
                </option>
              ))}
            </select>
          </label>
          <label>
            Carrier (tracking)
            <input value={fields.trackingCarrier} placeholder="e.g. dhl" onChange={(e) => set({ trackingCarrier: e.target.value })} />
          </label>
          <label>
            Shipping method
            <input value={fields.shippingMethod} placeholder="as the order says" onChange={(e) => set({ shippingMethod: e.target.value })} />
          </label>
        </div>
        <label>
          Comments
          <textarea rows={2} value={fields.comments} onChange={(e) => set({ comments: e.target.value })} />
        </label>
        {target.kind === 'one' ? (
          <LineQuantities detail={target.detail} typed={typed} onType={(id, text) => setTyped(new Map(typed).set(id, text))} />
        ) : (
          <p className="muted small">Each order ships every item not yet shipped (nor refunded), one shipment per shipping address.</p>
        )}
        {problems.length > 0 && (
          <div className="form-error" role="alert">
            {problems.map((p) => (
              <p key={p}>{p}</p>
            ))}
          </div>
        )}
        {failures.length > 0 && (
          <div className="form-error" role="alert" aria-label="Orders not shipped">
            <p>{failures.length === 1 ? 'One order was not shipped:' : `${failures.length} orders were not shipped:`}</p>
            <ul>
              {failures.map((f) => (
                <li key={f.orderId}>{f.ok ? '' : f.message}</li>
              ))}
            </ul>
          </div>
        )}
      </form>
    </Dialog>
  );
}

function LineQuantities({ detail, typed, onType }: { detail: OrderDetail; typed: ReadonlyMap<number, string>; onType(id: number, text: string): void }) {
  const lines = detail.lines.filter((l) => l.physical);
  return (
    <table className="table ship-lines">
      <thead>
        <tr>
          <th>SKU</th>
          <th>Item</th>
          <th className="num">Ordered</th>
          <th className="num">Left</th>
          <th className="num">Ship</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.id}>
            <td>{l.sku}</td>
            <td>{l.name}</td>
            <td className="num">{l.quantity}</td>
            <td className="num">{leftOf(l)}</td>
            <td className="num">
              <input className="qty" aria-label={`Quantity to ship of ${l.sku || l.name}`} inputMode="numeric" value={typed.get(l.id) ?? String(leftOf(l))} onChange={(e) => onType(l.id, e.target.value)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
