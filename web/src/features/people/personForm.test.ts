import { describe, expect, it } from 'vitest';
import { emptyPerson, toPersonInput } from './personForm';

describe('toPersonInput', () => {
  const values = {
    ...emptyPerson('019036'),
    codiceFiscale: ' rssmra80a01d150j ',
    givenName: ' Mario ',
    familyName: 'Rossi',
    disability: true,
  };

  it('normalises the codice fiscale and trims names', () => {
    const input = toPersonInput(values, { sensitive: true, confirmNotDuplicate: false });
    expect(input.codiceFiscale).toBe('RSSMRA80A01D150J');
    expect(input.givenName).toBe('Mario');
  });

  it('leaves blank required fields out so the server names them', () => {
    const input = toPersonInput(values, { sensitive: true, confirmNotDuplicate: false });
    expect(input).not.toHaveProperty('birthDate');
    expect(input).not.toHaveProperty('sex');
    expect(input.comuneCode).toBe('019036');
  });

  it('sends health markers only for who may see them', () => {
    expect(toPersonInput(values, { sensitive: true, confirmNotDuplicate: false }).disability).toBe(true);
    expect(toPersonInput(values, { sensitive: false, confirmNotDuplicate: false })).not.toHaveProperty(
      'disability',
    );
  });

  it('adds the confirmation only after the operator has seen the possible duplicates', () => {
    expect(toPersonInput(values, { sensitive: false, confirmNotDuplicate: true }).confirmNotDuplicate).toBe(
      true,
    );
    expect(toPersonInput(values, { sensitive: false, confirmNotDuplicate: false })).not.toHaveProperty(
      'confirmNotDuplicate',
    );
  });
});
