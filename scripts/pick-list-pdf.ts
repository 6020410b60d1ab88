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

export async function pickListPdf(list: PickList, paper: PaperSize): Promise<{ pdf: Buffer; pdfMs: number; htmlMs: number }> {
  const t0 = performance.now();
  const body = renderToStaticMarkup(createElement(PickListDocument, { list, storeName: 'Bench store', scope: 'Orders in Awaiting Fulfillment', paper }));
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${await readFile(CSS, 'utf8')}</style></head><body style="margin:0">${body}</body></html>`;
  const htmlMs = performance.now() - t0;
  const browser = await chromium.launch({ executablePath: await resolveChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // Timed from the markup to the PDF's bytes: layout, barcodes, pagination and printing.
    const t1 = performance.now();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    return { pdf, pdfMs: Math.round(performance.now() - t1), htmlMs: Math.round(htmlMs) };
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [input, paper = 'A4', out] = process.argv.slice(2);
  const list = JSON.parse(await readFile(input!, 'utf8')) as PickList;
  const { pdf, pdfMs, htmlMs } = await pickListPdf(list, paper as PaperSize);
  if (out) await writeFile(out, pdf);
  console.log(JSON.stringify({ pdfMs, htmlMs, bytes: pdf.length }));
}
