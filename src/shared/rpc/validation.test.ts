import { describe, expect, it } from 'vitest';
import { StartJobInputSchema } from '../contract/jobs-schema';
import { validationError } from './validation';

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

  it('calls an issue about the whole input "(params)" and keeps at most 100', () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ path: [i], message: 'bad' }));
    const error = validationError('Invalid params for x.y', [{ path: [], message: 'expected an object' }, ...many]);
    expect(error.message).toBe('Invalid params for x.y: (params): expected an object');
    expect((error.details as { issues: unknown[] }).issues).toHaveLength(100);
  });
});
