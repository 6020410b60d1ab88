/**
 * Spreadsheet clipboard text: what Excel, Google Sheets and LibreOffice put on the clipboard as
 * text/plain, and what they accept back. Rows end in "\n" or "\r\n", cells are separated by tabs,
 * and a cell holding a tab, a newline or a double quote is wrapped in double quotes with inner
 * quotes doubled ("a ""b"""), the same rules as CSV with a tab delimiter.
 */

/** Cells by row. A trailing line break (every app adds one) does not make an empty last row. */
export function parseClipboardText(text: string): string[][] {
  if (text === '') return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  // A cell is quoted only when its first character is a quote (Sheets: `5" screen` stays as is).
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (atCellStart && ch === '"') {
      quoted = true;
      atCellStart = false;
      i++;
      continue;
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (!atCellStart || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function quoteCell(cell: string): string {
  return /[\t\r\n"]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** The text a spreadsheet pastes back as the same block of cells. */
export function formatClipboardText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteCell).join('\t')).join('\r\n') + (rows.length ? '\r\n' : '');
}
