import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWindowPrinter, pdfOptions, pdfPath, printOutcome, systemPrintOptions, type PdfOptions, type PrintSurface, type SystemPrintOptions } from './window-printer';

/**
 * Electron cannot run here, so its window is stood in for by a surface that records what it is
 * asked; the file system is real.
 */
function surface(answers: { printed?: boolean; reason?: string; chosen?: string | null } = {}) {
  const calls: { print: SystemPrintOptions[]; pdf: PdfOptions[]; dialog: string[] } = { print: [], pdf: [], dialog: [] };
  const s: PrintSurface = {
    print: async (options) => (calls.print.push(options), { printed: answers.printed ?? true, reason: answers.reason ?? '' }),
    printToPdf: async (options) => (calls.pdf.push(options), new TextEncoder().encode(`%PDF-1.7 ${options.pageSize}`)),
    chooseSavePath: async (defaultPath) => (calls.dialog.push(defaultPath), answers.chosen === undefined ? null : answers.chosen),
    documentsDir: () => '/home/ada/Documents',
  };
  return { s, calls };
}

describe('printing from the desktop window', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stockroom-print-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives Electron the paper and lets the document’s @page win in the PDF', () => {
    expect(systemPrintOptions('Letter')).toEqual({ silent: false, printBackground: true, pageSize: 'Letter' });
    expect(pdfOptions('A4')).toEqual({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  });

  it('prints through the system dialog; a cancelled dialog is not an error, a failure says why', async () => {
    const ok = surface();
    expect(await createWindowPrinter(ok.s).print({ paper: 'A4' })).toEqual({ printed: true });
    expect(ok.calls.print).toEqual([systemPrintOptions('A4')]);
    expect(await createWindowPrinter(surface({ printed: false, reason: 'Print job canceled' }).s).print({ paper: 'A4' })).toEqual({ printed: false });
    await expect(createWindowPrinter(surface({ printed: false, reason: 'Printer is offline' }).s).print({ paper: 'A4' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The system did not print: Printer is offline.',
    });
    expect(() => printOutcome(false, '')).toThrow('The system did not print: no reason given.');
  });

  it('saves the PDF where the user chose, starting in Documents with the suggested name', async () => {
    const chosen = join(dir, 'pick-list-2026-12-03-0905.pdf');
    const { s, calls } = surface({ chosen });
    expect(await createWindowPrinter(s).savePdf({ paper: 'Letter', suggestedName: 'pick-list-2026-12-03-0905.pdf' })).toEqual({ path: chosen });
    expect(calls.dialog).toEqual([join('/home/ada/Documents', 'pick-list-2026-12-03-0905.pdf')]);
    expect(calls.pdf).toEqual([pdfOptions('Letter')]);
    expect(await readFile(chosen, 'utf8')).toBe('%PDF-1.7 Letter');
  });

  it('adds .pdf when the dialog returns a name without it; a cancelled dialog makes no PDF', async () => {
    expect(pdfPath('/tmp/list')).toBe('/tmp/list.pdf');
    expect(pdfPath('/tmp/list.PDF')).toBe('/tmp/list.PDF');
    const bare = surface({ chosen: join(dir, 'slips') });
    expect(await createWindowPrinter(bare.s).savePdf({ paper: 'A4', suggestedName: 'x.pdf' })).toEqual({ path: join(dir, 'slips.pdf') });
    const cancelled = surface({ chosen: null });
    expect(await createWindowPrinter(cancelled.s).savePdf({ paper: 'A4', suggestedName: 'x.pdf' })).toEqual({ path: null });
    expect(cancelled.calls.pdf).toEqual([]);
  });

  it('a file that cannot be written is refused with a sentence, not INTERNAL', async () => {
    const missing = join(dir, 'no-such-folder', 'list.pdf');
    await expect(createWindowPrinter(surface({ chosen: missing }).s).savePdf({ paper: 'A4', suggestedName: 'x.pdf' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: `The PDF could not be saved to ${missing}: the folder does not exist.`,
    });
    const locked = join(dir, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o500);
    const target = join(locked, 'list.pdf');
    // root ignores permissions: then the write succeeds and there is nothing to refuse.
    const asRoot = process.getuid?.() === 0;
    const saving = createWindowPrinter(surface({ chosen: target }).s).savePdf({ paper: 'A4', suggestedName: 'x.pdf' });
    if (asRoot) await expect(saving).resolves.toEqual({ path: target });
    else await expect(saving).rejects.toMatchObject({ code: 'BAD_REQUEST', message: `The PDF could not be saved to ${target}: permission denied.` });
    await chmod(locked, 0o700);
  });
});
