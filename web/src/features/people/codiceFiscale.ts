/*
 * Reading the birth date and sex out of a codice fiscale, to pre-fill the intake form.
 * Only a convenience: the server validates the code (format, check character, agreement).
 */

const MONTHS = 'ABCDEHLMPRST';
// Omocodia: when two people share a code, digits are replaced by these letters (0–9).
const OMOCODIA = 'LMNPQRSTUV';
const FORMAT = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

export function normalizeCodiceFiscale(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

function digits(value: string): number {
  return Number([...value].map((c) => (OMOCODIA.includes(c) ? String(OMOCODIA.indexOf(c)) : c)).join(''));
}

/**
 * The birth date (yyyy-mm-dd) and sex encoded in a well-formed code, or null.
 * The code holds two digits of the year: the century is the latest one not in the future.
 */
export function decodeCodiceFiscale(
  value: string,
  today = new Date(),
): { birthDate: string; sex: 'M' | 'F' } | null {
  const cf = normalizeCodiceFiscale(value);
  if (!FORMAT.test(cf)) return null;
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
  return { birthDate: date.toISOString().slice(0, 10), sex };
}
