import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../test/error-code.js';
import { ageOn, classifyQuery, foldName, validateBirthDate, validateCodiceFiscale } from './people.rules.js';

const mario = { birthDate: '1980-01-01', sex: 'M' as const };

describe('validateCodiceFiscale', () => {
  it('accepts a valid code and normalises case and spaces', () => {
    expect(validateCodiceFiscale('rssmra 80a01 d150j', mario)).toBe('RSSMRA80A01D150J');
  });

  it('accepts an omocodic variant of a valid code', () => {
    expect(validateCodiceFiscale('RSSMRAU0A01D150G', mario)).toBe('RSSMRAU0A01D150G');
  });

  it('rejects a code of the wrong shape', () => {
    expect(errorCodeOf(() => validateCodiceFiscale('RSSMRA80A01D150', mario))).toBe('CF_FORMAT');
    expect(errorCodeOf(() => validateCodiceFiscale('RSSMRA80Z01D150J', mario))).toBe('CF_FORMAT');
  });

  it('rejects a wrong check character with an Italian message', () => {
    expect(errorCodeOf(() => validateCodiceFiscale('RSSMRA80A01D150X', mario))).toBe('CF_CHECK_CHARACTER');
    expect(() => validateCodiceFiscale('RSSMRA80A01D150X', mario)).toThrow(/carattere \(di controllo\)/);
  });

  it('rejects a code that disagrees with the declared birth date', () => {
    expect(
      errorCodeOf(() => validateCodiceFiscale('RSSMRA80A01D150J', { birthDate: '1980-01-02', sex: 'M' })),
    ).toBe('CF_BIRTH_DATE_MISMATCH');
  });

  it('rejects a code that disagrees with the declared sex', () => {
    expect(
      errorCodeOf(() => validateCodiceFiscale('RSSMRA80A01D150J', { birthDate: '1980-01-01', sex: 'F' })),
    ).toBe('CF_SEX_MISMATCH');
  });
});

describe('search helpers', () => {
  it('folds accents, case and spaces out of names', () => {
    expect(foldName('  Nicolò   D’Àrco ')).toBe('nicolo d’arco');
  });

  it('tells a codice fiscale prefix from a surname', () => {
    expect(classifyQuery('rssmra80').kind).toBe('codiceFiscale');
    expect(classifyQuery('Mastromarino').kind).toBe('name');
    expect(classifyQuery('0372 123456')).toEqual({ kind: 'phone', value: '0372123456' });
    expect(classifyQuery('Rossi Mario')).toEqual({ kind: 'name', value: 'rossi mario' });
  });
});

describe('ages', () => {
  it('counts completed years', () => {
    expect(ageOn('1961-11-23', '2026-11-22')).toBe(64);
    expect(ageOn('1961-11-22', '2026-11-22')).toBe(65);
  });

  it('refuses a birth date in the future', () => {
    expect(errorCodeOf(() => validateBirthDate('2030-01-01', '2026-11-22'))).toBe('BIRTH_DATE_FUTURE');
  });
});
