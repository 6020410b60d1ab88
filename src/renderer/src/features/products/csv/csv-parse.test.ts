import { describe, expect, it } from 'vitest';
import { parseCsv, type ParsedChunk } from './csv-parse';

async function parse(text: string) {
  const chunks: ParsedChunk[] = [];
  const summary = await parseCsv(text, (c) => chunks.push(c));
  return { ...summary, rows: chunks.flatMap((c) => c.rows), firstRow: chunks[0]?.firstRow, problems: chunks.flatMap((c) => c.problems) };
}

describe('parseCsv', () => {
  it.each([
    ['comma', ','],
    ['semicolon', ';'],
    ['tab', '\t'],
  ])('detects a %s separator', async (_name, sep) => {
    const out = await parse(['SKU', 'Price', 'Name'].join(sep) + '\n' + ['A-1', '12,50', 'Mug'].join(sep) + '\n' + ['A-2', '3,00', 'Tee'].join(sep) + '\n');
    expect(out.delimiter).toBe(sep);
    expect(out.header).toEqual(['SKU', 'Price', 'Name']);
    // The comma separator splits an unquoted "12,50": such files quote it, as spreadsheets do.
    if (sep !== ',') expect(out.rows.slice(0, 2)).toEqual([['A-1', '12,50', 'Mug'], ['A-2', '3,00', 'Tee']]);
  });

  it('keeps quoted separators, doubled quotes and line breaks inside a field', async () => {
    const out = await parse('SKU,Name\r\n"A,1","Mug ""big""\r\nsecond line"\r\nB,Tee\r\n');
    expect(out.rows.slice(0, 2)).toEqual([['A,1', 'Mug "big"\r\nsecond line'], ['B', 'Tee']]);
  });

  it('drops a BOM; works the same without one', async () => {
    expect((await parse('\uFEFFSKU,Price\nA,1\n')).header).toEqual(['SKU', 'Price']);
    expect((await parse('SKU,Price\nA,1\n')).header).toEqual(['SKU', 'Price']);
  });

  it('numbers rows as a spreadsheet does (header = 1), blank lines included, and reports an unclosed quote', async () => {
    const out = await parse('SKU,Price\nA,1\n\nB,"2\n');
    expect(out.firstRow).toBe(2);
    expect(out.rows[2]).toEqual(['B', '2\n']);
    expect(out.problems).toEqual([{ row: 4, message: 'a quoted field is never closed' }]);
  });

  it('reads in chunks with progress', async () => {
    const text = 'SKU,Price\n' + Array.from({ length: 2000 }, (_, i) => `S-${i},${i}.00`).join('\n');
    const chunks: ParsedChunk[] = [];
    await parseCsv(text, (c) => chunks.push(c), 4096);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.flatMap((c) => c.rows)).toHaveLength(2000);
    expect(chunks.at(-1)!.progress).toBe(1);
    expect(chunks[1]!.firstRow).toBe(2 + chunks[0]!.rows.length);
  });
});
