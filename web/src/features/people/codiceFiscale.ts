import { CODICE_FISCALE_FORMAT, codiceFiscaleProblem } from '../../../../shared/src/people/codice-fiscale';
import type { Comune } from '../../../../shared/src/territory/territory.schemas';

/*
 * Reading the birth date, sex and birthplace out of a codice fiscale, to pre-fill the intake
 * form, and refusing a mistyped one as soon as it is typed. The server checks it again
 * (format, check character, agreement with the birth date and sex).
 */

const MONTHS = 'ABCDEHLMPRST';
// Omocodia: when two people share a code, digits are replaced by these letters (0–9).
const OMOCODIA = 'LMNPQRSTUV';

export function normalizeCodiceFiscale(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

function digits(value: string): number {
  return Number([...value].map((c) => (OMOCODIA.includes(c) ? String(OMOCODIA.indexOf(c)) : c)).join(''));
}

/** What is wrong with a code as typed (spaces and case aside): its shape or its check character. */
export function codiceFiscaleError(value: string): 'format' | 'checkCharacter' | null {
  return codiceFiscaleProblem(normalizeCodiceFiscale(value));
}

/**
 * The birth date (yyyy-mm-dd), sex and birthplace's cadastral (Belfiore) code encoded in a
 * well-formed code, or null. The code holds two digits of the year: the century is the latest
 * one not in the future. Omocodia letters in the birthplace stand for digits too.
 */
export function decodeCodiceFiscale(
  value: string,
  today = new Date(),
): { birthDate: string; sex: 'M' | 'F'; birthplaceCode: string } | null {
  const cf = normalizeCodiceFiscale(value);
  if (!CODICE_FISCALE_FORMAT.test(cf)) return null;
  const yy = digits(cf.slice(6, 8));
  const month = MONTHS.indexOf(cf.charAt(8)) + 1;
  const dayCode = digits(cf.slice(9, 11));
  const sex = dayCode > 40 ? 'F' : 'M';
  const day = sex === 'F' ? dayCode - 40 : dayCode;
  const currentYear = today.getUTCFullYear();
  let year = Math.floor(currentYear / 100) * 100 + yy;
  if (year > currentYear) year -= 100;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (day < 1 || date.getUTCMonth() !== month - 1) return null;
  const birthplaceCode = `${cf.charAt(11)}${String(digits(cf.slice(12, 15))).padStart(3, '0')}`;
  return { birthDate: date.toISOString().slice(0, 10), sex, birthplaceCode };
}

/** The comune a cadastral code names, among the comuni known to Legami (the province's). */
export function birthplaceOf(birthplaceCode: string, comuni: Comune[]): string | null {
  return comuni.find((c) => c.cadastralCode === birthplaceCode)?.name ?? null;
}

/** Letters only, upper case, accents folded: "D'Amico Nicolò" → "DAMICONICOLO". */
function letters(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

const consonantsOf = (s: string) => s.replace(/[AEIOU]/g, '');
const vowelsOf = (s: string) => s.replace(/[^AEIOU]/g, '');

/** The three letters a surname gives the code: consonants, then vowels, then X. */
export function surnameCode(familyName: string): string {
  const s = letters(familyName);
  return `${consonantsOf(s)}${vowelsOf(s)}XXX`.slice(0, 3);
}

/** The three letters a given name gives the code: with four consonants or more, the 1st, 3rd and 4th. */
export function givenNameCode(givenName: string): string {
  const s = letters(givenName);
  const consonants = consonantsOf(s);
  if (consonants.length >= 4) return `${consonants[0]}${consonants[2]}${consonants[3]}`;
  return `${consonants}${vowelsOf(s)}XXX`.slice(0, 3);
}

/**
 * Which words of "name and surname", typed in any order, are the surname: the split whose
 * letters give the first six characters of the codice fiscale. Null when no split or more
 * than one different split agrees with the code (the person then types them separately).
 */
export function splitFullName(
  fullName: string,
  codiceFiscale: string,
): { givenName: string; familyName: string } | null {
  const cf = normalizeCodiceFiscale(codiceFiscale);
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (cf.length < 6 || words.length < 2) return null;
  const found = new Map<string, { givenName: string; familyName: string }>();
  for (let cut = 1; cut < words.length; cut++) {
    const first = words.slice(0, cut).join(' ');
    const rest = words.slice(cut).join(' ');
    for (const [givenName, familyName] of [
      [first, rest],
      [rest, first],
    ] as const) {
      if (surnameCode(familyName) === cf.slice(0, 3) && givenNameCode(givenName) === cf.slice(3, 6))
        found.set(`${givenName}|${familyName}`, { givenName, familyName });
    }
  }
  return found.size === 1 ? [...found.values()][0]! : null;
}
