import { Fragment, memo } from 'react';
import type { PickLine, PickList } from '../../../../shared/contract/picklists';
import type { PaperSize } from '../../../../shared/contract/print';
import { Barcode } from './Barcode';
import { formatOrders, pageRule, plural, printedAt } from './layout';

interface Props {
  list: PickList;
  storeName: string;
  /** What the list covers, e.g. "Awaiting Fulfillment" or "12 chosen orders". */
  scope: string;
  paper: PaperSize;
}

/**
 * The pick list as it prints: one table sorted by bin (zones as sub-headings when grouped), a tick
 * box per line, the SKU as text and Code 128. The header row repeats on every printed page
 * (`thead` is a table-header-group) and the page margin box numbers the pages.
 */
export const PickListDocument = memo(function PickListDocument({ list, storeName, scope, paper }: Props) {
  const zones = new Map((list.zones ?? []).map((z) => [z.zone, z]));
  return (
    <article className="print-doc print-picklist" aria-label="Pick list document">
      <style>{pageRule(paper, `Pick list · ${storeName}`)}</style>
      <div className="print-page">
        <header className="print-head">
          <div>
            <div className="print-title">Pick list</div>
            <div className="print-store">{storeName}</div>
          </div>
          <dl className="print-facts">
            <dt>Printed</dt>
            <dd>{printedAt(list.builtAt)}</dd>
            <dt>Orders</dt>
            <dd>{list.totals.orders}</dd>
            <dt>Lines</dt>
            <dd>{list.totals.lines}</dd>
            <dt>Units</dt>
            <dd>{list.totals.units}</dd>
          </dl>
        </header>
        <p className="print-scope">
          {scope}
          {list.missingOrderIds.length > 0 && ` · not found on the store: ${list.missingOrderIds.map((id) => `#${id}`).join(', ')}`}
          {list.catalogSyncedAt === null && ' · no local catalog: bins unknown (load the catalog under Products)'}
        </p>
        {list.lines.length === 0 ? (
          <p className="print-empty">Nothing to pick: these orders have no items left to ship.</p>
        ) : (
          <table className="print-table">
            <colgroup>
              <col className="c-tick" />
              <col className="c-bin" />
              <col className="c-sku" />
              <col className="c-item" />
              <col className="c-qty" />
              <col className="c-orders" />
            </colgroup>
            <thead>
              <tr>
                <th aria-label="Picked" />
                <th>Bin</th>
                <th>SKU</th>
                <th>Item</th>
                <th className="num">Qty</th>
                <th>Orders</th>
              </tr>
            </thead>
            <tbody>
              {list.lines.map((line, i) => {
                const zoneStarts = list.zones && (i === 0 || list.lines[i - 1]!.zone !== line.zone);
                const zone = zones.get(line.zone);
                return (
                  <Fragment key={`${line.sku}|${line.productId}|${line.variantId ?? ''}`}>
                    {zoneStarts && zone && (
                      <tr className="print-zone">
                        <th colSpan={6} scope="rowgroup">
                          Zone {line.zone ?? '(no bin)'} · {plural(zone.lines, 'line')} · {plural(zone.units, 'unit')}
                        </th>
                      </tr>
                    )}
                    <PickRow line={line} />
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </article>
  );
});

function PickRow({ line }: { line: PickLine }) {
  return (
    <tr className={line.deleted ? 'print-line deleted' : 'print-line'}>
      <td>
        <span className="print-tick" aria-hidden />
      </td>
      <td className="print-bin">{line.bin ?? '—'}</td>
      <td className="print-sku">
        <div className="print-sku-text">{line.sku || '(no SKU)'}</div>
        {line.sku && <Barcode value={line.sku} />}
      </td>
      <td>
        <div className="print-name">{line.name}</div>
        {line.options.length > 0 && <div className="print-options">{line.options.join(' · ')}</div>}
        {line.deleted && <div className="print-deleted">Deleted from the catalog</div>}
      </td>
      <td className="num print-qty">{line.quantity}</td>
      <td className="print-orders">{formatOrders(line.orders)}</td>
    </tr>
  );
}
