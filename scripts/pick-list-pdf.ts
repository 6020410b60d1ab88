// The pick list's print layout as a PDF in headless Chromium: the same React component and print
// stylesheet the preview uses, rendered to static HTML (no app, no server), then `page.pdf()`.
// The pickList bench runs it (`pdfMs`); run it alone with a pick list JSON:
//   TSX_TSCONFIG_PATH=tsconfig.web.json npx tsx scripts/pick-list-pdf.ts list.json [A4|Letter] [out.pdf]
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium } from './chromium.mjs';
import { PickListDocument } from '../src/renderer/src/features/print/PickListDocument';
import type { PickList } from '../src/shared/contract/picklists';
import type { PaperSize } from '../src/shared/contract/print';

const CSS = fileURLToPath(new URL('../src/renderer/src/features/print/print.css', import.meta.url));

export async function pickListPdf(list: PickList, paper: PaperSize): Promise<{ pdf: Buffer; pdfMs: number; layoutMs: number; htmlMs: number; pages: number }> {
  const t0 = performance.now();
  const body = renderToStaticMarkup(createElement(PickListDocument, { list, storeName: 'Bench store', scope: 'Orders in Awaiting Fulfillment', paper }));
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${await readFile(CSS, 'utf8')}</style></head><body style="margin:0">${body}</body></html>`;
  const htmlMs = performance.now() - t0;
  const browser = await chromium.launch({ executablePath: await resolveChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // The preview is on screen before anyone prints: `layoutMs` is that (markup to laid-out page),
    // `pdfMs` the print itself (print layout, pagination, barcodes, the PDF's bytes).
    const t1 = performance.now();
    await page.setContent(html, { waitUntil: 'load' });
    const t2 = performance.now();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pdfMs = Math.round(performance.now() - t2);
    return { pdf, pdfMs, layoutMs: Math.round(t2 - t1), htmlMs: Math.round(htmlMs), pages: countPages(pdf) };
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [input, paper = 'A4', out] = process.argv.slice(2);
  const list = JSON.parse(await readFile(input!, 'utf8')) as PickList;
  const { pdf, ...figures } = await pickListPdf(list, paper as PaperSize);
  if (out) await writeFile(out, pdf);
  console.log(JSON.stringify({ ...figures, bytes: pdf.length }));
}

/** Chromium writes one `/Type /Page` object per page (and `/Type /Pages` for the tree). */
function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}
