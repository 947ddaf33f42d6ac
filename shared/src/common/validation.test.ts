import { describe, expect, it } from 'vitest';
import { PersonInput } from '../people/people.schemas.js';
import { describeIssues, maxLengthOf, validateAgainst } from './validation.js';

const person = {
  codiceFiscale: null,
  givenName: 'Teresa',
  familyName: 'Benvenuti',
  birthDate: '1947-03-14',
  sex: 'F',
  comuneCode: '019036',
};

describe('validation messages', () => {
  it('says "almeno 1 carattere" as "obbligatorio", and counts in the singular and the plural', () => {
    const issues = describeIssues([
      { instancePath: '/givenName', keyword: 'minLength', params: { limit: 1 } },
      { instancePath: '/description', keyword: 'minLength', params: { limit: 5 } },
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      'Il campo «nome» è obbligatorio.',
      'Il campo «descrizione» deve avere almeno 5 caratteri.',
    ]);
  });

  it('reports a bad phone once, with the format it expects, in both languages', () => {
    const value = { ...person, phone: 'chiamami' };
    expect(validateAgainst(PersonInput, value, 'it')).toEqual({
      phone:
        'Non è valido: usa solo cifre, spazi e i segni + . / ( ) -, per esempio 0372 407111 o +39 333 1234567.',
    });
    expect(validateAgainst(PersonInput, value, 'en').phone).toBe(
      'Is not valid: use only digits, spaces and + . / ( ) -, e.g. 0372 407111 or +39 333 1234567.',
    );
  });

  it('gives every wrong field at once, each under its own name', () => {
    const errors = validateAgainst(
      PersonInput,
      { ...person, givenName: '', familyName: 'x'.repeat(81), birthDate: '1947-02-30x', sex: 'X' },
      'it',
    );
    expect(errors).toEqual({
      givenName: 'È obbligatorio.',
      familyName: 'Può avere al massimo 80 caratteri.',
      birthDate: 'Non è una data valida (giorno, mese e anno).',
      sex: 'Non è tra i valori ammessi.',
    });
  });

  it('names each missing property, as ajv and TypeBox report them differently', () => {
    const fromTypeBox = describeIssues([
      { instancePath: '', keyword: 'required', params: { requiredProperties: ['givenName', 'sex'] } },
    ]);
    const fromAjv = describeIssues([
      { instancePath: '', keyword: 'required', params: { missingProperty: 'givenName' } },
    ]);
    expect(fromTypeBox.map((i) => i.field)).toEqual(['givenName', 'sex']);
    expect(fromAjv[0]?.message).toBe('Il campo «nome» è obbligatorio.');
  });

  it('reads the server’s limits for the browser’s inputs', () => {
    expect(maxLengthOf(PersonInput, 'givenName')).toBe(80);
    expect(maxLengthOf(PersonInput, 'phone')).toBe(30);
    expect(maxLengthOf(PersonInput, 'sex')).toBeUndefined();
  });
});
