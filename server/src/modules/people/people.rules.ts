import { CodiceFiscale } from './codice-fiscale.js';
import { invalid } from '../../platform/errors.js';

// Positions 7-8, 10-11 and 13-15 may hold letters instead of digits (omocodia).
const CF_FORMAT = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** Upper case without spaces: how a codice fiscale is stored and compared. */
export function normalizeCodiceFiscale(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/**
 * Checks a codice fiscale: format (omocodia allowed), check character, and agreement with
 * the declared birth date and sex.
 * @returns the normalised code.
 * @throws 422 CF_FORMAT, CF_CHECK_CHARACTER, CF_BIRTH_DATE_MISMATCH or CF_SEX_MISMATCH with an Italian message.
 */
export function validateCodiceFiscale(
  value: string,
  declared: { birthDate: string; sex: 'M' | 'F' },
): string {
  const cf = normalizeCodiceFiscale(value);
  if (!CF_FORMAT.test(cf)) {
    throw invalid(
      'CF_FORMAT',
      'Il codice fiscale deve avere 16 caratteri: 6 lettere, 2 cifre, 1 lettera, 2 cifre, 1 lettera, 3 cifre e 1 lettera (es. RSSMRA80A01D150J).',
      { field: 'codiceFiscale' },
    );
  }
  if (!CodiceFiscale.check(cf)) {
    throw invalid(
      'CF_CHECK_CHARACTER',
      "Il codice fiscale non è valido: l'ultimo carattere (di controllo) non corrisponde. Verifica di averlo trascritto correttamente.",
      { field: 'codiceFiscale' },
    );
  }
  const decoded = new CodiceFiscale(cf);
  const birthDate = `${String(decoded.year).padStart(4, '0')}-${String(decoded.month).padStart(2, '0')}-${String(decoded.day).padStart(2, '0')}`;
  // The code holds only the last two digits of the year: compare those with the day and month.
  if (birthDate.slice(2) !== declared.birthDate.slice(2)) {
    throw invalid(
      'CF_BIRTH_DATE_MISMATCH',
      'Il codice fiscale non corrisponde alla data di nascita indicata.',
      {
        field: 'codiceFiscale',
      },
    );
  }
  if (decoded.gender !== declared.sex) {
    throw invalid('CF_SEX_MISMATCH', 'Il codice fiscale non corrisponde al sesso indicato.', {
      field: 'codiceFiscale',
    });
  }
  return cf;
}

/** Lower case, no accents, single spaces: "Nicolò D'Àrco" → "nicolo d'arco". */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The indexed search key: family name then given name, folded. */
export function searchNameOf(givenName: string, familyName: string): string {
  return `${foldName(familyName)} ${foldName(givenName)}`;
}

export function phoneDigits(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length > 0 ? digits : null;
}

/** Completed years on `today` (calendar dates, ISO yyyy-mm-dd; today is `todayInRome()`). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

// "Over 65" is the fragility threshold used by CremonAiuta for masks and deliveries.
export const ELDERLY_AGE = 65;

/** @throws 422 for a birth date in the future or implausibly far in the past. */
export function validateBirthDate(birthDate: string, today: string): void {
  if (birthDate > today) {
    throw invalid('BIRTH_DATE_FUTURE', 'La data di nascita non può essere nel futuro.', {
      field: 'birthDate',
    });
  }
  if (ageOn(birthDate, today) > 120) {
    throw invalid('BIRTH_DATE_IMPLAUSIBLE', 'La data di nascita indica più di 120 anni: verificala.', {
      field: 'birthDate',
    });
  }
}

/** What a search string looks like, to pick the right index. */
export function classifyQuery(q: string): { kind: 'codiceFiscale' | 'phone' | 'name'; value: string } {
  const trimmed = q.trim();
  if (/^[+0-9 ./()-]{5,}$/.test(trimmed) && /\d{5,}/.test(trimmed.replace(/\D/g, ''))) {
    return { kind: 'phone', value: trimmed.replace(/\D/g, '') };
  }
  // A surname like "Mastromarino" also starts with six letters: a code prefix must hold a digit.
  const compact = normalizeCodiceFiscale(trimmed);
  if (!/\s/.test(trimmed) && (/^[A-Z]{6}\d/.test(compact) || CF_FORMAT.test(compact))) {
    return { kind: 'codiceFiscale', value: compact };
  }
  return { kind: 'name', value: foldName(trimmed) };
}
