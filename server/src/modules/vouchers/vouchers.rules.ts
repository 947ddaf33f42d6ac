import { AppError, conflict, invalid } from '../../platform/errors.js';

/*
 * Pure rules of vouchers and economic-support programmes: who is eligible, how much, what a
 * redemption leaves, the voucher code and its check character, the distance that raises a
 * fraud signal. All money is integer cents.
 */

/**
 * A programme's rule, the same shape for shopping vouchers, the solidarity fund and the rent fund.
 * Thresholds are inclusive: an ISEE equal to the ceiling is eligible, one cent more is not.
 */
export interface ProgrammeRule {
  /** ISTAT codes where the household must reside; null: anywhere in the programme's territory. */
  residenceComuni: readonly string[] | null;
  minHouseholdSize: number;
  maxHouseholdSize: number | null;
  /** ISEE ceiling in cents; null: no ceiling. */
  iseeMaxCents: number | null;
  /** When true an application without ISEE is not eligible; otherwise it is, at the lowest band. */
  iseeRequired: boolean;
  /** Amount by household size: index 0 is one person; larger households take the last entry. */
  amountBySizeCents: readonly number[];
  /** ISEE bands in ascending order: up to `upToCents` the amount is `percent`% of the table. */
  iseeBands: readonly { upToCents: number; percent: number }[];
  /** Ceiling on the amount of one household; null: none. */
  maxAmountCents: number | null;
}

export interface Applicant {
  comuneCode: string;
  householdSize: number;
  /** ISEE in cents, null when not (yet) available. */
  iseeCents: number | null;
}

export interface EligibilityProblem {
  code: 'RESIDENCE' | 'HOUSEHOLD_TOO_SMALL' | 'HOUSEHOLD_TOO_LARGE' | 'ISEE_TOO_HIGH' | 'ISEE_MISSING';
  message: string;
}

/** Every reason the applicant is not eligible; an empty list means eligible. */
export function eligibilityProblems(rule: ProgrammeRule, applicant: Applicant): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  if (rule.residenceComuni && !rule.residenceComuni.includes(applicant.comuneCode))
    problems.push({ code: 'RESIDENCE', message: 'Il nucleo non risiede in un comune del programma.' });
  if (applicant.householdSize < rule.minHouseholdSize)
    problems.push({
      code: 'HOUSEHOLD_TOO_SMALL',
      message: `Il programma è per nuclei di almeno ${rule.minHouseholdSize} persone.`,
    });
  if (rule.maxHouseholdSize !== null && applicant.householdSize > rule.maxHouseholdSize)
    problems.push({
      code: 'HOUSEHOLD_TOO_LARGE',
      message: `Il programma è per nuclei di al massimo ${rule.maxHouseholdSize} persone.`,
    });
  if (applicant.iseeCents === null) {
    if (rule.iseeRequired)
      problems.push({ code: 'ISEE_MISSING', message: 'Il programma richiede l’attestazione ISEE.' });
  } else if (rule.iseeMaxCents !== null && applicant.iseeCents > rule.iseeMaxCents) {
    problems.push({
      code: 'ISEE_TOO_HIGH',
      message: `L’ISEE supera la soglia del programma (${formatEuro(rule.iseeMaxCents)}).`,
    });
  }
  return problems;
}

/**
 * The amount for a household: the size table, scaled by the ISEE band (floored to the cent), capped.
 * An unknown ISEE takes the last (least generous) band.
 */
export function amountFor(
  rule: ProgrammeRule,
  applicant: Pick<Applicant, 'householdSize' | 'iseeCents'>,
): number {
  const table = rule.amountBySizeCents;
  if (table.length === 0 || applicant.householdSize < 1) return 0;
  const base = table[Math.min(applicant.householdSize, table.length) - 1]!;
  let percent = 100;
  if (rule.iseeBands.length > 0) {
    const isee = applicant.iseeCents;
    const band =
      isee === null
        ? rule.iseeBands[rule.iseeBands.length - 1]!
        : rule.iseeBands.find((b) => isee <= b.upToCents);
    percent = band ? band.percent : 0;
  }
  const scaled = Math.floor((base * percent) / 100);
  return rule.maxAmountCents === null ? scaled : Math.min(scaled, rule.maxAmountCents);
}

/** Checks a rule an operator writes: sizes, percentages and amounts that make sense. */
export function validateRule(rule: ProgrammeRule): void {
  const bad = (field: string, message: string) => invalid('PROGRAMME_RULE_INVALID', message, { field });
  if (
    rule.amountBySizeCents.length === 0 ||
    rule.amountBySizeCents.some((c) => !Number.isInteger(c) || c < 0)
  )
    throw bad(
      'amountBySizeCents',
      'Gli importi per ampiezza del nucleo devono essere in centesimi, non negativi.',
    );
  if (!Number.isInteger(rule.minHouseholdSize) || rule.minHouseholdSize < 1)
    throw bad('minHouseholdSize', 'L’ampiezza minima del nucleo è almeno 1.');
  if (rule.maxHouseholdSize !== null && rule.maxHouseholdSize < rule.minHouseholdSize)
    throw bad('maxHouseholdSize', 'L’ampiezza massima non può essere minore della minima.');
  let previous = -1;
  for (const band of rule.iseeBands) {
    if (band.upToCents <= previous || band.percent < 0 || band.percent > 100)
      throw bad('iseeBands', 'Le fasce ISEE vanno in ordine crescente, con percentuali da 0 a 100.');
    previous = band.upToCents;
  }
}

/**
 * A redemption of `amountCents` against a balance: what remains.
 * @throws 409 VOUCHER_FULLY_REDEEMED when nothing is left; 422 for a non-positive amount or
 * one above the balance (the message says the balance).
 */
export function redeem(balanceCents: number, amountCents: number): { remainingCents: number } {
  if (!Number.isInteger(amountCents) || amountCents <= 0)
    throw invalid('AMOUNT_INVALID', 'L’importo deve essere in centesimi, maggiore di zero.', {
      field: 'amountCents',
    });
  if (balanceCents <= 0) throw voucherFullyRedeemed();
  if (amountCents > balanceCents)
    throw invalid(
      'AMOUNT_EXCEEDS_BALANCE',
      `L’importo supera il credito residuo del buono (${formatEuro(balanceCents)}).`,
      { field: 'amountCents', balanceCents },
    );
  return { remainingCents: balanceCents - amountCents };
}

export const voucherFullyRedeemed = (): AppError =>
  conflict('VOUCHER_FULLY_REDEEMED', 'Il buono è già stato speso per intero.', { remainingCents: 0 });

/** € 1.234,56 */
export function formatEuro(cents: number): string {
  const euros = Math.trunc(cents / 100);
  const rest = String(Math.abs(cents % 100)).padStart(2, '0');
  return `€ ${euros.toLocaleString('it-IT')},${rest}`;
}

// Crockford's base 32: no I, L, O, U, so a code read aloud or typed from paper is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += ALPHABET.indexOf(body[i]!) * (i + 1);
  return ALPHABET[sum % 32]!;
}

/**
 * A voucher code from 8 random bytes: "BS-XXXX-XXXX-C", the last character a check on the others
 * so a mistyped code is refused before any lookup. The social market's cards use prefix "EM".
 */
export function voucherCode(randomBytes: Uint8Array, prefix: CodePrefix = 'BS'): string {
  if (randomBytes.length < 8) throw new Error('voucherCode needs 8 random bytes');
  let body = '';
  for (let i = 0; i < 8; i++) body += ALPHABET[randomBytes[i]! % 32];
  return `${prefix}-${body.slice(0, 4)}-${body.slice(4)}-${checkCharacter(body)}`;
}

/** BS: buono spesa; EM: tessera dell’emporio solidale. */
export type CodePrefix = 'BS' | 'EM';

/**
 * The canonical code from what a shop typed (case, spaces, dashes, O for 0, I/L for 1).
 * @returns null when it cannot be a voucher code (wrong length or check character).
 */
export function normaliseVoucherCode(input: string, prefix: CodePrefix = 'BS'): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(new RegExp(`^${prefix}`), '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{9}$/.test(cleaned)) return null;
  const body = cleaned.slice(0, 8);
  if (checkCharacter(body) !== cleaned[8]) return null;
  return `${prefix}-${body.slice(0, 4)}-${body.slice(4)}-${cleaned[8]}`;
}

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

// The province is about 90 km long; a shop more than 30 km from the household's comune is unusual.
export const FAR_REDEMPTION_KM = 30;

export function isFarRedemption(
  householdComune: { lat: number; lon: number },
  shop: { lat: number; lon: number },
): boolean {
  return distanceKm(householdComune, shop) > FAR_REDEMPTION_KM;
}

/** Whether a voucher can be spent on a date. */
export function voucherUsableOn(
  voucher: { validFrom: string; validUntil: string; status: string },
  today: string,
): { ok: true } | { ok: false; code: 'VOUCHER_NOT_YET_VALID' | 'VOUCHER_EXPIRED' | 'VOUCHER_CANCELLED' } {
  if (voucher.status === 'cancelled') return { ok: false, code: 'VOUCHER_CANCELLED' };
  if (today < voucher.validFrom) return { ok: false, code: 'VOUCHER_NOT_YET_VALID' };
  if (today > voucher.validUntil) return { ok: false, code: 'VOUCHER_EXPIRED' };
  return { ok: true };
}
