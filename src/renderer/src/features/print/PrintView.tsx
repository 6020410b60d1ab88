import { useRef } from 'react';
import { call, hostMode } from '../../api/client';
import { useToasts } from '../../components/toast-store';
import { useOrderStatuses } from '../orders/useOrderStatuses';
import { useActiveStore } from '../stores/StoreSwitcher';
import { pdfFileName, plural } from './layout';
import { PackingSlipsDocument } from './PackingSlipsDocument';
import { MoveOrders } from './MoveOrders';
import { PickListDocument } from './PickListDocument';
import { PrintControls } from './PrintControls';
import { DEFAULT_STATUS_IDS, usePrint, type PrintRequest } from './print-store';
import { usePageGuides } from './usePageGuides';
import { usePackingSlips, usePickList } from './usePrintData';
import './print.css';

/** Pick lists and packing slips: choose, preview exactly what prints, print or save a PDF. */
export function PrintView() {
  const store = useActiveStore();
  if (!store) return <p className="panel-message">Select a store.</p>;
  return <StorePrint key={store.id} storeId={store.id} storeName={store.connection?.storeName || store.name} />;
}

function StorePrint({ storeId, storeName }: { storeId: string; storeName: string }) {
  const { request: asked, paper, groupByZone } = usePrint();
  const request: PrintRequest = asked?.storeId === storeId ? asked : { kind: 'pickList', storeId, statusIds: DEFAULT_STATUS_IDS };
  const pick = usePickList(request, groupByZone);
  const slips = usePackingSlips(request);
  const query = request.kind === 'pickList' ? pick : slips;
  const naming = useOrderStatuses(storeId);
  const sheet = useRef<HTMLDivElement>(null);
  const guides = usePageGuides(sheet, paper, request.kind === 'pickList' ? pick.data : null);
  const scope = request.orderIds ? plural(request.orderIds.length, 'chosen order') : `Orders in ${naming.names(request.statusIds ?? DEFAULT_STATUS_IDS)}`;
  const ready = query.data !== undefined && !query.isFetching;
  return (
    <div className="print-view">
      <div className="print-toolbar">
        <PrintControls request={request} />
        <div className="print-actions">
          <span className="muted" aria-live="polite">
            {query.isFetching ? 'Building…' : summary(request, pick.data?.totals, slips.data?.slips.length, guides.pages)}
          </span>
          <button type="button" className="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
            Rebuild
          </button>
          <PrintButtons kind={request.kind} disabled={!ready} />
          {ready && <MoveOrders storeId={storeId} orders={request.kind === 'pickList' ? (pick.data?.orderStatuses ?? []) : (slips.data?.slips ?? []).map((s) => ({ orderId: s.orderId, statusId: s.statusId }))} />}
        </div>
      </div>
      {query.error && (
        <p className="form-error" role="alert">
          {query.error.message}
        </p>
      )}
      <div className="print-scroll">
        <div ref={sheet} className={`print-preview paper-${paper}`} aria-label="Print preview" role="region" aria-busy={query.isFetching}>
          {request.kind === 'pickList' && pick.data && <PickListDocument list={pick.data} storeName={storeName} scope={scope} paper={paper} />}
          {request.kind === 'packingSlips' && slips.data && <PackingSlipsDocument slips={slips.data} paper={paper} />}
          {request.kind === 'pickList' &&
            guides.guides.map((g) => (
              <div key={g.page} className="print-guide" style={{ top: g.top }} aria-hidden>
                <span>Page {g.page}</span>
              </div>
            ))}
        </div>
      </div>
    </div>
  );
}

function summary(request: PrintRequest, totals: { orders: number; lines: number; units: number } | undefined, slips: number | undefined, pages: number): string {
  if (request.kind === 'pickList') return totals ? `${plural(totals.orders, 'order')} · ${plural(totals.lines, 'line')} · ${plural(totals.units, 'unit')} · about ${plural(pages, 'page')}` : '';
  return slips === undefined ? '' : plural(slips, 'packing slip');
}

/** The desktop window prints through main (system dialog, Save as PDF); a browser prints itself with the same print stylesheet. */
function PrintButtons({ kind, disabled }: { kind: PrintRequest['kind']; disabled: boolean }) {
  const paper = usePrint((s) => s.paper);
  const push = useToasts((s) => s.push);
  const fail = (error: unknown) => push('error', error instanceof Error ? error.message : String(error));
  if (hostMode === 'browser') {
    return (
      <button type="button" className="button primary" disabled={disabled} onClick={() => window.print()} title="The browser's print dialog; choose Save as PDF there for a file">
        Print…
      </button>
    );
  }
  return (
    <>
      <button type="button" className="button primary" disabled={disabled} onClick={() => void call('print.print', { paper }).catch(fail)}>
        Print…
      </button>
      <button
        type="button"
        className="button"
        disabled={disabled}
        onClick={() =>
          void call('print.savePdf', { paper, suggestedName: pdfFileName(kind, new Date()) })
            .then(({ path }) => path && push('info', `Saved ${path}`))
            .catch(fail)
        }
      >
        Save as PDF…
      </button>
    </>
  );
}
