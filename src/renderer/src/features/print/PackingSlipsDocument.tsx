import { memo } from 'react';
import type { PackingSlip, PackingSlips } from '../../../../shared/contract/picklists';
import type { PaperSize } from '../../../../shared/contract/print';
import { Barcode } from './Barcode';
import { addressLines, pageRule, printedAt } from './layout';

/** Packing slips as they print: one page per order (a long order runs on, its header row repeated). */
export const PackingSlipsDocument = memo(function PackingSlipsDocument({ slips, paper }: { slips: PackingSlips; paper: PaperSize }) {
  const sender = [slips.store.name, ...slips.store.address.split(/\r?\n|,\s*/), slips.store.country].map((s) => s.trim()).filter(Boolean);
  return (
    <article className="print-doc print-slips" aria-label="Packing slips document">
      <style>{pageRule(paper, `Packing slips · ${slips.store.name}`)}</style>
      {slips.slips.length === 0 && (
        <div className="print-page">
          <p className="print-empty">No orders to pack.</p>
        </div>
      )}
      {slips.slips.map((slip) => (
        <Slip key={slip.orderId} slip={slip} sender={sender} contact={[slips.store.email, slips.store.phone].filter(Boolean).join(' · ')} />
      ))}
    </article>
  );
});

function Slip({ slip, sender, contact }: { slip: PackingSlip; sender: string[]; contact: string }) {
  return (
    <section className="print-page print-slip" aria-label={`Packing slip for order ${slip.orderId}`}>
      <header className="print-head">
        <address className="print-sender">
          {sender.map((l, i) => (
            <div key={i} className={i === 0 ? 'print-store' : undefined}>
              {l}
            </div>
          ))}
          {contact && <div>{contact}</div>}
        </address>
        <div className="print-slip-order">
          <div className="print-title">Packing slip</div>
          <div className="print-order-no">Order #{slip.orderId}</div>
          <Barcode value={String(slip.orderId)} moduleMm={0.3} heightMm={10} />
          <div>Ordered {printedAt(slip.dateCreated)}</div>
        </div>
      </header>
      {slip.shipments.map((s, i) => (
        <div key={i} className="print-shipment">
          <div className="print-shipto">
            <div className="print-label">Ship to</div>
            <address>
              {addressLines(s.shipTo).map((l, j) => (
                <div key={j}>{l}</div>
              ))}
            </address>
            {s.shippingMethod && <div className="print-method">{s.shippingMethod}</div>}
          </div>
          <table className="print-table">
            <thead>
              <tr>
                <th>SKU</th>
                <th>Item</th>
                <th className="num">Qty</th>
              </tr>
            </thead>
            <tbody>
              {s.lines.map((l, j) => (
                <tr key={j}>
                  <td className="print-sku-text">{l.sku}</td>
                  <td>
                    <div className="print-name">{l.name}</div>
                    {l.options.length > 0 && <div className="print-options">{l.options.join(' · ')}</div>}
                  </td>
                  <td className="num print-qty">
                    {l.quantity}
                    {l.shipped > 0 && <div className="print-options">{l.shipped} shipped earlier</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {slip.customerMessage.trim() && (
        <div className="print-message">
          <div className="print-label">Message from the customer</div>
          <p>{slip.customerMessage}</p>
        </div>
      )}
    </section>
  );
}
