import { ApiError, type FieldIssue } from '../api/client';
import type { CoreMessages } from './it';

/**
 * The sentence to show for an error: the server's Italian message, or the English text for a
 * known code when the interface is in English (unknown codes fall back to the Italian message).
 */
export function describeError(error: unknown, t: CoreMessages): string {
  if (error instanceof ApiError) return t.apiErrors[error.code] ?? error.message;
  return t.common.unexpectedError;
}

/** Field → message, for the errors shown next to each field. */
export function fieldErrorsOf(error: unknown, t: CoreMessages): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const issues: FieldIssue[] = error.fieldIssues;
  const single = issues.length === 1 && typeof error.details.field === 'string';
  const result: Record<string, string> = {};
  for (const issue of issues) result[issue.field] = single ? describeError(error, t) : issue.message;
  return result;
}
