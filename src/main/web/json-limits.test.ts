import { describe, expect, it } from 'vitest';
import { RPC_LIMITS, shapeProblem } from '../rpc/limits';
import { createJsonScanner } from './json-limits';

const small = { ...RPC_LIMITS, maxBytes: 1000, maxDepth: 3, maxValues: 10, maxContainers: 4, maxObjectMembers: 3 };
const scan = (text: string, chunkSize = text.length || 1) => {
  const scanner = createJsonScanner(small);
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += chunkSize) {
    const refusal = scanner.push(bytes.subarray(i, i + chunkSize));
    if (refusal) return refusal;
  }
  return null;
};

describe('the raw-body scan', () => {
  it('passes a call within the limits, whatever the chunking', () => {
    const body = '{"a":[1,2],"b":{"c":"x"}}';
    for (const size of [1, 2, 5, body.length]) expect(scan(body, size)).toBeNull();
  });

  it('refuses nesting past the limit with 400', () => {
    expect(scan('[[[1]]]')).toBeNull();
    expect(scan('[[[[1]]]]')).toMatchObject({ status: 400, reason: expect.stringMatching(/deeper than 3 levels/) });
  });

  it('ignores brackets, braces, commas and escaped quotes inside strings', () => {
    expect(scan('["[[[[{{{{,,,,,,,,,,,,", "\\"[[[[[", "\\\\"]')).toBeNull();
    // The escaped backslash ends before the quote: the string closes, and the brackets after it count.
    expect(scan('["\\\\",[[[1]]]]')).toMatchObject({ status: 400 });
  });

  it('refuses too many values, containers or object members with 400', () => {
    expect(scan(`[${'0,'.repeat(10)}0]`)).toMatchObject({ status: 400, reason: expect.stringMatching(/values/) });
    expect(scan('[{},{},{},{}]')).toMatchObject({ status: 400, reason: expect.stringMatching(/objects and arrays/) });
    expect(scan('{"a":1,"b":2,"c":3}')).toBeNull();
    expect(scan('{"a":1,"b":2,"c":3,"d":4}')).toMatchObject({ status: 400, reason: expect.stringMatching(/members/) });
    expect(scan('[1,2,3,4,5]')).toBeNull();
  });

  it('refuses a body over the size with 413, multi-byte characters counted as bytes', () => {
    expect(scan(`"${'é'.repeat(500)}"`)).toMatchObject({ status: 413 });
    expect(scan(`"${'e'.repeat(998)}"`)).toBeNull();
  });
});

describe('the parsed-value check (every host)', () => {
  it('agrees with the raw scan on depth, width and count', () => {
    expect(shapeProblem([[[1]]], small)).toBeNull();
    expect(shapeProblem([[[[1]]]], small)).toMatch(/deeper than 3 levels/);
    expect(shapeProblem({ a: 1, b: 2, c: 3, d: 4 }, small)).toMatch(/members/);
    expect(shapeProblem([{}, {}, {}, {}], small)).toMatch(/objects and arrays/);
    expect(shapeProblem(new Array(11).fill(0), small)).toMatch(/values/);
  });

  it('stops at the first broken limit, however deep the value goes', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(shapeProblem(deep)).toMatch(/deeper than 8 levels/);
  });
});
