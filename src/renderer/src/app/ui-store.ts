import { create } from 'zustand';

export const SECTIONS = [
  { id: 'products', label: 'Products', hint: 'Products, variants, prices and stock in a spreadsheet grid.' },
  { id: 'orders', label: 'Orders', hint: 'Status changes and shipments for many orders at once.' },
  { id: 'customers', label: 'Customers', hint: 'Customer edits and customer groups.' },
  { id: 'picklists', label: 'Pick lists', hint: 'Items of the selected orders, summed by SKU, sorted by bin.' },
  { id: 'compare', label: 'Compare', hint: 'Price and stock of SKUs across stores, and copying them between stores.' },
  { id: 'webhooks', label: 'Webhooks', hint: 'Store webhooks and live store events.' },
  { id: 'activity', label: 'Activity', hint: 'Bulk jobs: progress, per-row results, undo and retry.' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

function sectionFromHash(): SectionId {
  const id = window.location.hash.replace(/^#\/?/, '');
  return SECTIONS.some((s) => s.id === id) ? (id as SectionId) : 'products';
}

interface UiState {
  section: SectionId;
  go(section: SectionId): void;
}

export const useUi = create<UiState>((set) => ({
  section: sectionFromHash(),
  go(section) {
    window.history.replaceState(null, '', `#/${section}`);
    set({ section });
  },
}));

window.addEventListener('hashchange', () => useUi.setState({ section: sectionFromHash() }));
