/*
 * The codice fiscale's own rules, shared by the server and the browser: its shape (omocodia
 * allowed) and its check character (DM 23/12/1976: odd and even positions weighted, sum mod 26).
 */

export const CODICE_FISCALE_FORMAT =
  /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

// Weights of the characters in odd positions (1st, 3rd, …): digits and letters alike, 0/A … 9/J, K … Z.
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function value(c: string): number {
  return c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65;
}

/** The check character of the first fifteen characters of a code (upper case). */
export function codiceFiscaleCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const v = value(first15.charAt(i));
    sum += i % 2 === 0 ? (ODD[v] ?? 0) : v;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/**
 * What is wrong with a normalised code (upper case, no spaces), if anything: its shape, or a
 * last character that does not match the other fifteen (a typing error).
 */
export function codiceFiscaleProblem(cf: string): 'format' | 'checkCharacter' | null {
  if (!CODICE_FISCALE_FORMAT.test(cf)) return 'format';
  return codiceFiscaleCheckCharacter(cf.slice(0, 15)) === cf.charAt(15) ? null : 'checkCharacter';
}
