import { AppError } from './errors';

/** One bad field: its dotted path inside the params ("edits.3.to"; "(params)" for the whole). */
export interface ValidationIssue {
  field: string;
  message: string;
}

/** The one shape of a VALIDATION error's details, wherever main validates (dispatcher or service). */
export interface ValidationDetails {
  issues: ValidationIssue[];
}

/** What a schema library reports per problem (zod's issues have this shape). */
interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

const MAX_ISSUES = 100;

/** A VALIDATION AppError whose message names the first bad field and whose details list up to 100. */
export function validationError(what: string, problems: readonly SchemaIssue[]): AppError {
  const issues: ValidationIssue[] = problems.slice(0, MAX_ISSUES).map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(params)',
    message: issue.message,
  }));
  const first = issues[0];
  const details: ValidationDetails = { issues };
  return new AppError('VALIDATION', `${what}: ${first ? `${first.field}: ${first.message}` : 'invalid input'}`, details);
}
