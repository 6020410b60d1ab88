import { expect } from 'vitest';
import { BigCommerceError } from '../errors';

/** The BigCommerceError a promise rejects with; fails the test if it resolves or rejects otherwise. */
export async function caught(p: Promise<unknown>): Promise<BigCommerceError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(BigCommerceError);
    return e as BigCommerceError;
  }
  throw new Error('expected a rejection');
}
