import { describe, expect, it } from 'vitest';
import { splitRange } from './fetch-pages';

describe('splitRange', () => {
  it.each([
    [250, 300, 1, [[250, 300]]],
    [0, 10, 3, [[0, 4], [4, 8], [8, 10]]],
    [100, 103, 8, [[100, 101], [101, 102], [102, 103]]],
    [5, 5, 3, []],
    [9, 5, 2, []],
  ])('(%i, %i] in %i lanes', (after, upTo, count, expected) => {
    expect(splitRange(after, upTo, count)).toEqual(expected);
  });
});
