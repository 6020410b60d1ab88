import { getDocumentProxy } from 'unpdf';

export interface PdfItem {
  str: string;
  x: number;
  /** From the page's bottom, in points. */
  y: number;
}

/** Each page's text pieces with where they sit (pdf.js through unpdf). */
export async function pdfPages(pdf: Uint8Array): Promise<PdfItem[][]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const pages: PdfItem[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const items = content.items.flatMap((i) => ('str' in i && i.str.trim() ? [{ str: i.str.trim(), x: i.transform[4] as number, y: i.transform[5] as number }] : []));
    pages.push(items);
  }
  return pages;
}
