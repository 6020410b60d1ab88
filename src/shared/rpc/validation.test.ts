import { describe, expect, it } from 'vitest';
import { StartJobInputSchema } from '../contract/jobs-schema';
import { MAX_LISTED_ISSUES, validationError } from './validation';

describe('validationError', () => {
  it('names the first bad field in the message and lists every issue as {field, message}', () => {
    const parsed = StartJobInputSchema.safeParse({ storeId: 'Bad Id', storeHash: 'abc', title: '', edits: [] });
    expect(parsed.success).toBe(false);
    const error = validationError('Invalid job', parsed.error!.issues);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^Invalid job: storeId: a store id is/);
    expect(error.details).toEqual({ issues: expect.arrayContaining([{ field: 'storeId', message: expect.any(String) }, { field: 'title', message: expect.any(String) }]) });
    expect(error.toData().details).toEqual(error.details);
  });

  it('calls an issue about the whole input "(params)", lists the first ones and counts the rest', () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ code: 'custom' as const, path: [i], message: 'bad', input: null }));
    const error = validationError('Invalid params for x.y', [{ code: 'custom', path: [], message: 'expected an object', input: null }, ...many]);
    expect(error.message).toBe(`Invalid params for x.y: (params): expected an object (and ${151 - MAX_LISTED_ISSUES} more)`);
    expect(error.details).toMatchObject({ more: 151 - MAX_LISTED_ISSUES });
    expect((error.details as { issues: unknown[] }).issues).toHaveLength(MAX_LISTED_ISSUES);
  });
});
