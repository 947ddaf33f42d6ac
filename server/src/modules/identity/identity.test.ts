import { describe, expect, it } from 'vitest';
import { codiceFiscaleOf, safeReturnPath } from './identity.rules.js';

describe('identity rules', () => {
  it('reads the codice fiscale from the fiscal_number claim', () => {
    expect(codiceFiscaleOf('TINIT-FRRGPP45B52D150T')).toBe('FRRGPP45B52D150T');
    expect(codiceFiscaleOf('tinit-frrgpp45b52d150t')).toBe('FRRGPP45B52D150T');
  });

  it('refuses a claim that is missing, foreign or not a codice fiscale', () => {
    expect(codiceFiscaleOf(undefined)).toBeNull();
    expect(codiceFiscaleOf('FRRGPP45B52D150T')).toBeNull();
    expect(codiceFiscaleOf('TINFR-FRRGPP45B52D150T')).toBeNull();
    expect(codiceFiscaleOf('TINIT-12345678901')).toBeNull();
  });

  it('returns only to a path of this site', () => {
    expect(safeReturnPath('/chiedi-aiuto')).toBe('/chiedi-aiuto');
    expect(safeReturnPath('//evil.example/x')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath(undefined)).toBe('/');
  });
});
