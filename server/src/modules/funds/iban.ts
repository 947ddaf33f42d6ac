/*
 * IBAN validation (ISO 13616, check digits by ISO 7064 mod 97-10) and, for Italian IBANs,
 * the CIN letter of the BBAN. The CremonAiuta account of seed 000 is IT32 E 05034 11401 000000191919.
 */

/** Spaces removed, upper case. */
export function normalizeIban(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

function mod97(digits: string): number {
  let remainder = 0;
  for (const ch of digits) remainder = (remainder * 10 + Number(ch)) % 97;
  return remainder;
}

function toDigits(s: string): string {
  return [...s].map((ch) => (/[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch)).join('');
}

// The Italian CIN: odd/even position tables of the ABI/CAB/account check character.
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function italianCin(abiCabAccount: string): string {
  let sum = 0;
  [...abiCabAccount].forEach((ch, i) => {
    const v = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65;
    sum += i % 2 === 0 ? ODD[v]! : v;
  });
  return String.fromCharCode(65 + (sum % 26));
}

/** Why an IBAN is not valid, in Italian, or null when it is. */
export function ibanProblem(value: string): string | null {
  const iban = normalizeIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return 'L’IBAN non ha il formato corretto.';
  if (iban.startsWith('IT')) {
    if (!/^IT\d{2}[A-Z]\d{10}[A-Z0-9]{12}$/.test(iban))
      return 'Un IBAN italiano ha 27 caratteri: IT, 2 cifre, CIN, ABI, CAB e conto.';
    if (italianCin(iban.slice(5)) !== iban[4])
      return 'Il carattere di controllo CIN dell’IBAN non è corretto.';
  }
  if (mod97(toDigits(iban.slice(4) + iban.slice(0, 4))) !== 1)
    return 'Le cifre di controllo dell’IBAN non sono corrette.';
  return null;
}

/** IT32 E050 3411 4010 0000 0191 919: groups of four for display. */
export function formatIban(value: string): string {
  return normalizeIban(value)
    .replace(/(.{4})/g, '$1 ')
    .trim();
}
