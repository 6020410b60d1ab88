import { BigCommerceError } from '../errors';
import { caughtAs } from '../../test-support/caught';

/** The BigCommerceError a promise rejects with; fails the test if it resolves or rejects otherwise. */
export const caught = (p: Promise<unknown>): Promise<BigCommerceError> => caughtAs(BigCommerceError, p);
