import { expect } from 'vitest';

/** The error of type `type` a promise rejects with; fails the test if it resolves or rejects otherwise. */
export async function caughtAs<E extends Error>(type: abstract new (...args: never[]) => E, p: Promise<unknown>): Promise<E> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(type);
    return e as E;
  }
  throw new Error('expected a rejection');
}
