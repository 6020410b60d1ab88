import { z } from 'zod';
import { method } from './define';

export const PaperSize = z.enum(['A4', 'Letter']);
export type PaperSize = z.infer<typeof PaperSize>;

export const PrintParams = z.object({ paper: PaperSize }).strict();

/** A file name only (no folders): the save dialog starts with it. */
const FileName = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[^/\\:*?"<>|\p{Cc}]+\.pdf$/iu, 'a file name ending in .pdf, without folders');

export const SavePdfParams = z.object({ paper: PaperSize, suggestedName: FileName }).strict();

export const printMethods = {
  'print.print': method(
    PrintParams,
    z.object({ printed: z.boolean() }),
    "Desktop window: the system print dialog for the window's print layout (printed: false when cancelled). Browser mode refuses it: the browser prints itself.",
  ),
  'print.savePdf': method(
    SavePdfParams,
    z.object({ path: z.string().nullable() }),
    'Desktop window: the print layout as a PDF file the user picks in a save dialog (path null when cancelled). Browser mode refuses it.',
  ),
};
