import { describe, expect, it } from 'vitest';
import { formatClipboardText, parseClipboardText } from './clipboard';

describe('spreadsheet clipboard text', () => {
  it('reads rows and cells as Excel and Sheets write them (CRLF or LF, trailing line break)', () => {
    expect(parseClipboardText('SKU-1\t10.50\r\nSKU-2\t11\r\n')).toEqual([['SKU-1', '10.50'], ['SKU-2', '11']]);
    expect(parseClipboardText('a\tb\nc\td\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseClipboardText('12.99')).toEqual([['12.99']]);
    expect(parseClipboardText('')).toEqual([]);
  });

  it('keeps empty cells, including trailing ones', () => {
    expect(parseClipboardText('a\t\tc\r\n\t\t\r\n')).toEqual([['a', '', 'c'], ['', '', '']]);
  });

  it('unquotes cells holding tabs, line breaks and quotes, but leaves a quote inside a cell alone', () => {
    expect(parseClipboardText('"two\nlines"\t"a ""b"""\r\n5" screen\tx\r\n')).toEqual([['two\nlines', 'a "b"'], ['5" screen', 'x']]);
  });

  it('writes text that parses back to the same cells', () => {
    const cells = [['SKU-1', 'Mug, "large"', 'two\nlines'], ['', 'tab\there', '9.99']];
    const text = formatClipboardText(cells);
    expect(text).toBe('SKU-1\t"Mug, ""large"""\t"two\nlines"\r\n\t"tab\there"\t9.99\r\n');
    expect(parseClipboardText(text)).toEqual(cells);
  });
});
