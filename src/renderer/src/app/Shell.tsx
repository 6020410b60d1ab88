import { ErrorBoundary } from '../components/ErrorBoundary';
import { ProductsView } from '../features/products/ProductsView';
import { CustomersView } from '../features/customers/CustomersView';
import { ActivityView } from '../features/jobs/ActivityView';
import { OrdersView } from '../features/orders/OrdersView';
import { WebhooksView } from '../features/webhooks/WebhooksView';
import { CompareView } from '../features/compare/CompareView';
import { PrintView } from '../features/print/PrintView';
import { Toasts } from '../components/Toasts';
import { StoreSwitcher, useActiveStore } from '../features/stores/StoreSwitcher';
import { StatusBar } from './StatusBar';
import { SECTIONS, useUi, type SectionId } from './ui-store';

export function Shell() {
  const { section, go } = useUi();
  const current = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0];
  const store = useActiveStore();
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden>
            ▦
          </span>
          Stockroom
        </div>
        <StoreSwitcher />
        <nav aria-label="Sections" className="section-nav">
          <div className="sidebar-heading">Workspace</div>
          <ul role="list">
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a
                  href={`#/${s.id}`}
                  className={`nav-item${s.id === section ? ' active' : ''}`}
                  aria-current={s.id === section ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    go(s.id);
                  }}
                >
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <main className="main" aria-labelledby="section-title">
        {/* The store every action here reads and writes, always in view: its colour over the whole screen's top edge. */}
        <header className="main-header" style={store ? { boxShadow: `inset 0 3px 0 ${store.color}` } : undefined}>
          <h1 id="section-title">{current.label}</h1>
          {store && (
            <span className="active-store" data-testid="active-store">
              <span className="store-dot" style={{ background: store.color }} aria-hidden />
              {store.name}
            </span>
          )}
        </header>
        <section className="main-body">
          <ErrorBoundary resetKey={section}>
            <SectionView section={section} hint={current.hint} />
          </ErrorBoundary>
        </section>
      </main>
      <StatusBar />
      <Toasts />
    </div>
  );
}

function SectionView({ section, hint }: { section: SectionId; hint: string }) {
  if (section === 'products') {
    return <ProductsView />;
  }
  if (section === 'customers') return <CustomersView />;
  if (section === 'orders') return <OrdersView />;
  if (section === 'activity') return <ActivityView />;
  if (section === 'webhooks') return <WebhooksView />;
  if (section === 'compare') return <CompareView />;
  if (section === 'picklists') return <PrintView />;
  return (
    <div className="panel-message">
      <p>{hint}</p>
    </div>
  );
}
