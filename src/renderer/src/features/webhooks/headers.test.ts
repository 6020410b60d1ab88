import { describe, expect, it } from 'vitest';
import { parseHeaders } from './headers';

describe('parseHeaders', () => {
  it('reads one "Name: value" per line, skipping blank lines and keeping colons in values', () => {
    expect(parseHeaders('X-Team: ops\n\n  Authorization: Basic a:b  ')).toEqual({ headers: { 'X-Team': 'ops', Authorization: 'Basic a:b' } });
  });

  it('names the first line that is not a header', () => {
    expect(parseHeaders('X-Team: ops\nno colon here')).toEqual({ error: 'Line 2: write a header as “Name: value”.' });
    expect(parseHeaders(': value')).toEqual({ error: 'Line 1: write a header as “Name: value”.' });
  });
});
