import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { en } from './en';
import type { Messages } from './it';
import { describeError, fieldErrorsOf } from './errors';
import { completeItalian } from './italian';
import { it as italian } from './it';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('dictionaries', () => {
  it('have the same keys in English as in Italian (server error codes aside)', async () => {
    const withoutErrors = (d: Messages) => keysOf({ ...d, apiErrors: {} }).sort();
    expect(withoutErrors(en)).toEqual(withoutErrors(await completeItalian()));
  });
});

describe('error messages', () => {
  const cfError = new ApiError(422, 'CF_CHECK_CHARACTER', 'Il codice fiscale non è valido.', {
    field: 'codiceFiscale',
  });

  it('shows the server message in Italian', () => {
    expect(describeError(cfError, italian)).toBe('Il codice fiscale non è valido.');
    expect(fieldErrorsOf(cfError, italian)).toEqual({ codiceFiscale: 'Il codice fiscale non è valido.' });
  });

  it('maps a known code to English, next to the field too', () => {
    expect(describeError(cfError, en)).toMatch(/check\) character/);
    expect(fieldErrorsOf(cfError, en).codiceFiscale).toMatch(/check\) character/);
  });

  it('falls back to the Italian message for a code English does not know', () => {
    const unknown = new ApiError(409, 'SOMETHING_NEW', 'Messaggio nuovo.');
    expect(describeError(unknown, en)).toBe('Messaggio nuovo.');
  });
});
