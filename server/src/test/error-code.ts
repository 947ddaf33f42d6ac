import { AppError } from '../platform/errors.js';

/** The AppError code `fn` throws; 'unexpected' for any other error, undefined when it does not throw. */
export function errorCodeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : 'unexpected';
  }
  return undefined;
}
