import { describe, expect, it } from 'vitest';
import { TestCredentialsParams } from '../../../../shared/contract';
import { AppError } from '../../../../shared/rpc';
import { formErrorText, splitDetails } from './form-error';

describe('formErrorText', () => {
  it("turns a VALIDATION error's field issues into sentences", () => {
    const parsed = TestCredentialsParams.safeParse({ storeHash: 'abc123', token: 'long-enough-token', apiOrigin: 'http://shop.example.com' });
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    const error = new AppError('VALIDATION', 'Invalid params for stores.testCredentials: apiOrigin: the API origin must be …', { issues });
    expect(formErrorText(error)).toBe('The API origin must be an https:// origin such as https://api.bigcommerce.com (http:// only on this computer)');
  });

  it('keeps the message of other errors and of details it does not know', () => {
    expect(formErrorText(new AppError('AUTH', 'The store refused this access token.'))).toBe('The store refused this access token.');
    expect(formErrorText(new AppError('VALIDATION', 'Bad.', { something: 1 }))).toBe('Bad.');
    expect(formErrorText(new Error('plain'))).toBe('plain');
  });
});

describe('splitDetails', () => {
  it("puts the keychain's own words apart from the sentence for the merchant", () => {
    const message = 'Stockroom keeps API tokens only in the OS keychain (Secret Service). Install one. (zbus error: Failed to connect (os error 2))';
    expect(splitDetails(message)).toEqual({ text: 'Stockroom keeps API tokens only in the OS keychain (Secret Service). Install one.', details: 'zbus error: Failed to connect (os error 2)' });
    expect(splitDetails('Just a sentence.')).toEqual({ text: 'Just a sentence.' });
  });
});
