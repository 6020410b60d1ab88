import { AppError } from '../../../../shared/rpc';

/**
 * What a form shows for a failed call: for a VALIDATION error, each refused field's own message
 * as a sentence ("The API origin must be an https:// origin …."), not the dispatcher's summary
 * ("Invalid params for stores.testCredentials: apiOrigin: …"), which names methods and fields.
 */
export function formErrorText(error: Error): string {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION') return error.message;
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return error.message;
  const sentences = issues
    .map((issue) => (issue as { message?: unknown }).message)
    .filter((message): message is string => typeof message === 'string' && message.length > 0)
    .map(sentence);
  return sentences.length ? [...new Set(sentences)].join(' ') : error.message;
}

function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * A keychain message is a sentence for the merchant followed by the keychain's own words in
 * parentheses ("(zbus error: …)"); those belong under a Details toggle.
 */
export function splitDetails(message: string): { text: string; details?: string } {
  const match = /^([\s\S]*?[.!?])\s+\(([\s\S]*)\)$/.exec(message);
  return match ? { text: match[1]!, details: match[2]! } : { text: message };
}
