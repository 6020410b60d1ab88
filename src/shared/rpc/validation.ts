import type { z } from 'zod';
import { omittedBy } from '../contract/issues';
import { AppError } from './errors';

/** One bad field: its dotted path inside the params ("edits.3.to"; "(params)" for the whole). */
export interface ValidationIssue {
  field: string;
  message: string;
}

/** The one shape of a VALIDATION error's details, wherever main validates (dispatcher or service). */
export interface ValidationDetails {
  /** The first MAX_LISTED_ISSUES problems. */
  issues: ValidationIssue[];
  /** How many more there were, when any. */
  more?: number;
}

/** Validation errors list the first issues only: 100,000 junk keys once made an 8 MB answer. */
export const MAX_LISTED_ISSUES = 20;
const MAX_TEXT = 200;

/** A caller's text, cut to 200 characters for an error message. */
export const clip = (text: string): string => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

/**
 * A VALIDATION AppError whose message names the first bad field (and how many more) and whose
 * details list the first ones. Marker issues of capped lists (contract/issues.ts) count, unlisted.
 */
export function validationError(what: string, problems: readonly z.core.$ZodIssue[]): AppError {
  const listed = problems.filter((issue) => omittedBy(issue) === 0);
  const total = problems.reduce((sum, issue) => sum + (omittedBy(issue) || 1), 0);
  const issues: ValidationIssue[] = listed.slice(0, MAX_LISTED_ISSUES).map((issue) => ({
    field: issue.path.length ? clip(issue.path.map(String).join('.')) : '(params)',
    message: clip(issue.message),
  }));
  const more = total - issues.length;
  const first = issues[0];
  const summary = (first ? `${first.field}: ${first.message}` : 'invalid input') + (more > 0 ? ` (and ${more} more)` : '');
  const details: ValidationDetails = more > 0 ? { issues, more } : { issues };
  return new AppError('VALIDATION', `${what}: ${summary}`, details);
}
