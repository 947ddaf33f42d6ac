import { describe, expect, it } from 'vitest';
import type { Comune } from '../../../../shared/src/territory/territory.schemas';
import {
  birthplaceOf,
  codiceFiscaleError,
  decodeCodiceFiscale,
  givenNameCode,
  normalizeCodiceFiscale,
  splitFullName,
  surnameCode,
} from './codiceFiscale';

const TODAY = new Date(Date.UTC(2026, 10, 22));

describe('decodeCodiceFiscale', () => {
  it('reads the birth date and sex of a man', () => {
    expect(decodeCodiceFiscale('RSSMRA80A01D150J', TODAY)).toEqual({
      birthDate: '1980-01-01',
      sex: 'M',
      birthplaceCode: 'D150',
    });
  });

  it('reads a woman from the day plus forty', () => {
    expect(decodeCodiceFiscale('BNCLRA92E45H501X', TODAY)).toEqual({
      birthDate: '1992-05-05',
      sex: 'F',
      birthplaceCode: 'H501',
    });
  });

  it('puts a two-digit year in the latest century that is not in the future', () => {
    expect(decodeCodiceFiscale('RSSMRA10A01D150J', TODAY)?.birthDate).toBe('2010-01-01');
    expect(decodeCodiceFiscale('RSSMRA30A01D150J', TODAY)?.birthDate).toBe('1930-01-01');
  });

  it('understands omocodia letters in place of digits', () => {
    expect(decodeCodiceFiscale('RSSMRAULA0MD150J', TODAY)).toEqual({
      birthDate: '1980-01-01',
      sex: 'M',
      birthplaceCode: 'D150',
    });
    expect(decodeCodiceFiscale('RSSMRA80A01D1R0J', TODAY)?.birthplaceCode).toBe('D150');
  });

  it('ignores spaces and lower case', () => {
    expect(normalizeCodiceFiscale(' rss mra80a01d150j ')).toBe('RSSMRA80A01D150J');
    expect(decodeCodiceFiscale('rss mra80a01d150j', TODAY)?.sex).toBe('M');
  });

  it('refuses a code whose check character does not match the other fifteen', () => {
    expect(codiceFiscaleError('BNVTRS47C54D150X')).toBe('checkCharacter');
    expect(codiceFiscaleError('rss mra80a01d150j')).toBeNull();
    expect(codiceFiscaleError('RSSMRA80A01D150')).toBe('format');
  });

  it('names the birthplace from its cadastral code among the known comuni', () => {
    const comuni = [{ name: 'Cremona', cadastralCode: 'D150' }] as Comune[];
    expect(birthplaceOf('D150', comuni)).toBe('Cremona');
    expect(birthplaceOf('F205', comuni)).toBeNull();
  });

  it('returns null for a code that is not well formed or names an impossible day', () => {
    expect(decodeCodiceFiscale('RSSMRA80A01', TODAY)).toBeNull();
    expect(decodeCodiceFiscale('RSSMRA80B31D150J', TODAY)).toBeNull();
  });
});

describe('splitFullName', () => {
  // RSS MRA: Rossi Mario; BNC LRA: Bianchi Laura.
  it('finds the surname in either order from the first six characters of the code', () => {
    expect(splitFullName('Mario Rossi', 'RSSMRA80A01D150J')).toEqual({
      givenName: 'Mario',
      familyName: 'Rossi',
    });
    expect(splitFullName('rossi mario', 'RSSMRA80A01D150J')).toEqual({
      givenName: 'mario',
      familyName: 'rossi',
    });
  });

  it('keeps compound surnames and names together', () => {
    // De Luca → DLC; Anna Maria → NMR (consonants N N M R: 1st, 3rd, 4th).
    expect(splitFullName('Anna Maria De Luca', 'DLCNMR50C41D150X')).toEqual({
      givenName: 'Anna Maria',
      familyName: 'De Luca',
    });
  });

  it('folds accents and apostrophes as the code does', () => {
    expect(surnameCode("D'Amico")).toBe('DMC');
    expect(givenNameCode('Nicolò')).toBe('NCL');
    expect(surnameCode('Fo')).toBe('FOX');
  });

  it('gives up when the name does not agree with the code, or with a single word', () => {
    expect(splitFullName('Mario Bianchi', 'RSSMRA80A01D150J')).toBeNull();
    expect(splitFullName('Rossi', 'RSSMRA80A01D150J')).toBeNull();
    expect(splitFullName('Mario Rossi', '')).toBeNull();
  });
});
