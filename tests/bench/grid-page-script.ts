/**
 * Measuring helpers installed in the page (an init script, as plain JavaScript text: tsx's name
 * helpers would not exist in the page if these were functions handed to page.evaluate).
 * Methods follow ../shared/perf-recipes.md §2: times end at the next paint (a frame, then a task),
 * scrolling is rAF-driven at a fixed speed while rAF deltas are sampled, and input latency comes
 * from Event Timing entries matched to the real keydown/click by their timestamp.
 */
export const PAGE_SCRIPT = String.raw`
(() => {
  const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const grid = () => document.querySelector('[role="grid"][aria-label="Products"]');
  const waitFor = (test) => new Promise((resolve) => {
    const hit = test();
    if (hit) return resolve(hit);
    const mo = new MutationObserver(() => { const h = test(); if (h) { mo.disconnect(); resolve(h); } });
    mo.observe(document, { childList: true, subtree: true, characterData: true });
  });
  const timing = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) timing.push({ name: e.name, start: e.startTime, duration: e.duration }); })
    .observe({ type: 'event', durationThreshold: 16, buffered: true });
  const inputs = [];
  for (const type of ['keydown', 'click']) window.addEventListener(type, (e) => { if (e.isTrusted) inputs.push({ type, key: e.key ?? '', t: e.timeStamp }); }, true);
  const colIndex = (label) => document.querySelector('[role="grid"][aria-label="Products"] [role="columnheader"][aria-label="' + label + '"]')?.getAttribute('aria-colindex');

  window.__bench = {
    /** Click a section link and time it to the first Products cell painted. */
    async openProducts(viaSection) {
      if (viaSection) {
        document.querySelector('nav[aria-label="Sections"] a[href="#/' + viaSection + '"]').click();
        await waitFor(() => !grid());
        await nextPaint();
      }
      const t0 = performance.now();
      document.querySelector('nav[aria-label="Sections"] a[href="#/products"]').click();
      await waitFor(() => grid()?.querySelector('[role="gridcell"]'));
      await nextPaint();
      return performance.now() - t0;
    },
    /** rAF deltas while idle (the calibration baseline) or while scrolling the grid at px/s. */
    async frames(ms, speed) {
      const el = grid();
      const deltas = [];
      const t0 = performance.now();
      const y0 = el.scrollTop;
      let last = t0;
      await new Promise((resolve) => {
        const step = (t) => {
          deltas.push(t - last);
          last = t;
          if (speed) el.scrollTop = y0 + (speed * (t - t0)) / 1000;
          if (t - t0 < ms) requestAnimationFrame(step);
          else resolve();
        };
        requestAnimationFrame(step);
      });
      deltas.shift();
      return { deltas, moved: el.scrollTop - y0 };
    },
    scrollTop() { grid().scrollTo({ top: 0, left: 0 }); return nextPaint(); },
    /** The SKUs of the rendered rows, top to bottom. */
    skus() {
      const at = colIndex('SKU');
      return [...grid().querySelectorAll('[role="row"]')]
        .map((row) => ({ top: row.getBoundingClientRect().top, sku: row.querySelector('[role="gridcell"][aria-colindex="' + at + '"]')?.textContent ?? '' }))
        .filter((r) => r.sku).sort((a, b) => a.top - b.top).map((r) => r.sku);
    },
    cellText(sku, label) {
      const at = colIndex(label);
      const skuAt = colIndex('SKU');
      const row = [...grid().querySelectorAll('[role="row"]')].find((r) => r.querySelector('[role="gridcell"][aria-colindex="' + skuAt + '"]')?.textContent === sku);
      return row?.querySelector('[role="gridcell"][aria-colindex="' + at + '"]')?.textContent ?? null;
    },
    /** Event Timing durations of the trusted inputs since the last call (type, key); under 16 ms is not reported, counted as 16. */
    latencies(type, key) {
      const picked = inputs.splice(0).filter((i) => i.type === type && (key === undefined || i.key === key));
      const out = picked.map((i) => timing.find((e) => e.name === type && Math.abs(e.start - i.t) < 0.5)?.duration ?? 16);
      timing.length = 0;
      return out;
    },
    /** A paste of TSV text on the grid, to the next paint. */
    async paste(text) {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const t0 = performance.now();
      grid().dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      await nextPaint();
      return performance.now() - t0;
    },
    /** The quick filter set to a text (one input event, as a paste into it), to the next paint. */
    async quickFilter(text) {
      const box = document.querySelector('input[aria-label="Quick filter"]');
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const t0 = performance.now();
      set.call(box, text);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await nextPaint();
      return { ms: performance.now() - t0, rows: Number(grid().getAttribute('aria-rowcount')) - 1 };
    },
    async rpc(method, params) {
      const res = await fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 1, method, params }) });
      const body = await res.json();
      if (!body.ok) throw new Error(method + ': ' + body.error.message);
      return body.value;
    },
  };
})();
`;
