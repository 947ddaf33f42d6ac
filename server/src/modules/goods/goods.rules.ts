import { AppError, invalid } from '../../platform/errors.js';
import { addDays } from '../../platform/time.js';
import { ageOn } from '../people/index.js';

/*
 * Pure rules of goods: which lots a withdrawal takes, what is near expiry, one parcel per household
 * per period, loan due dates, the VAT number of a company donor. No database here.
 */

/** A lot with what is left of it at a point. Expiry is null for goods that do not expire. */
export interface LotStock {
  lotId: string;
  quantity: number;
  expiryDate: string | null;
  receivedOn: string;
}

export interface LotTake {
  lotId: string;
  quantity: number;
}

/** Days before expiry when a lot is flagged on the point's page. */
export const NEAR_EXPIRY_DAYS = 7;

/** A lot past its expiry date may not be handed out: it is only written off. */
export function isExpired(expiryDate: string | null, today: string): boolean {
  return expiryDate !== null && expiryDate < today;
}

/** Within NEAR_EXPIRY_DAYS of expiry (and not yet expired). */
export function isNearExpiry(expiryDate: string | null, today: string, days = NEAR_EXPIRY_DAYS): boolean {
  return expiryDate !== null && !isExpired(expiryDate, today) && expiryDate <= addDays(today, days);
}

/**
 * FEFO order (first expired, first out): earliest expiry first, lots without expiry last, then the
 * oldest received, then the id so the order is total and the same on every call.
 */
export function fefoOrder<T extends LotStock>(lots: readonly T[]): T[] {
  return [...lots].sort((a, b) => {
    if (a.expiryDate !== b.expiryDate) {
      if (a.expiryDate === null) return 1;
      if (b.expiryDate === null) return -1;
      return a.expiryDate < b.expiryDate ? -1 : 1;
    }
    if (a.receivedOn !== b.receivedOn) return a.receivedOn < b.receivedOn ? -1 : 1;
    return a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : 0;
  });
}

/**
 * The lots a withdrawal of `needed` units takes, FEFO, skipping expired and empty lots.
 * @throws 422 STOCK_INSUFFICIENT with what is available when the lots do not cover it.
 */
export function chooseLotsFefo(lots: readonly LotStock[], needed: number, today: string): LotTake[] {
  if (!Number.isInteger(needed) || needed <= 0)
    throw invalid('QUANTITY_INVALID', 'La quantità deve essere un numero intero maggiore di zero.', {
      field: 'quantity',
    });
  const takes: LotTake[] = [];
  let missing = needed;
  for (const lot of fefoOrder(lots)) {
    if (missing === 0) break;
    if (lot.quantity <= 0 || isExpired(lot.expiryDate, today)) continue;
    const quantity = Math.min(lot.quantity, missing);
    takes.push({ lotId: lot.lotId, quantity });
    missing -= quantity;
  }
  if (missing > 0) {
    const available = needed - missing;
    throw invalid(
      'STOCK_INSUFFICIENT',
      `Scorta insufficiente: servono ${needed} unità, ne sono disponibili ${available} non scadute.`,
      { field: 'quantity', needed, available },
    );
  }
  return takes;
}

export type ParcelPeriod = 'week' | 'month';

/** The period a date falls in: ISO week ("2026-W49") or month ("2026-12"). */
export function periodKey(date: string, period: ParcelPeriod): string {
  if (period === 'month') return date.slice(0, 7);
  const d = new Date(`${date}T12:00:00Z`);
  const day = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  // The ISO week belongs to the year of its Thursday.
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const year = d.getUTCFullYear();
  const week = Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * One parcel per household per period, unless an operator overrides with a reason.
 * @param previousDates dates of the household's parcels not cancelled.
 * @throws 409 PARCEL_ALREADY_IN_PERIOD without a reason; 422 when the reason is blank.
 */
export function checkParcelAllowed(
  previousDates: readonly string[],
  date: string,
  period: ParcelPeriod,
  overrideReason: string | null | undefined,
): { overridden: boolean } {
  const key = periodKey(date, period);
  const clash = previousDates.find((d) => periodKey(d, period) === key);
  if (!clash) return { overridden: false };
  if (overrideReason === undefined || overrideReason === null)
    throw new ParcelClash(clash, period === 'week' ? 'questa settimana' : 'questo mese');
  if (overrideReason.trim().length < 3)
    throw invalid('OVERRIDE_REASON_REQUIRED', 'Indica il motivo per cui serve un secondo pacco.', {
      field: 'overrideReason',
    });
  return { overridden: true };
}

/** 409: the household already had a parcel in the period. */
export class ParcelClash extends AppError {
  constructor(previous: string, period: string) {
    super(
      409,
      'PARCEL_ALREADY_IN_PERIOD',
      `Il nucleo ha già ricevuto un pacco ${period} (il ${previous}): per darne un altro indica il motivo.`,
      { field: 'overrideReason', previous },
    );
  }
}

/** Loans of equipment: default length by kind, in days. */
export const LOAN_DAYS = { tablet: 120, wheelchair: 90, telecare: 365, other: 30 } as const;
export type AssetKind = keyof typeof LOAN_DAYS;

/** The date a loan is due back: `days` after the start, or the default for the kind. */
export function loanDueDate(start: string, kind: AssetKind, days?: number): string {
  const length = days ?? LOAN_DAYS[kind];
  if (!Number.isInteger(length) || length < 1 || length > 730)
    throw invalid('LOAN_DAYS_INVALID', 'La durata del prestito va da 1 a 730 giorni.', { field: 'days' });
  return addDays(start, length);
}

export type LoanState = 'out' | 'overdue' | 'returned';

/** Out until the due date included, overdue from the day after, returned once back. */
export function loanState(loan: { dueDate: string; returnedOn: string | null }, today: string): LoanState {
  if (loan.returnedOn !== null) return 'returned';
  return today > loan.dueDate ? 'overdue' : 'out';
}

/** A reminder goes out three days before the due date and on every day it is overdue. */
export function loanNeedsReminder(
  loan: { dueDate: string; returnedOn: string | null },
  today: string,
): boolean {
  return loan.returnedOn === null && today >= addDays(loan.dueDate, -3);
}

/**
 * Italian VAT number (partita IVA): 11 digits, the last a Luhn-style check digit.
 * @returns the normalised number. @throws 422 naming the field.
 */
export function validateVatNumber(input: string): string {
  const vat = input.replace(/\s+/g, '').replace(/^IT/i, '');
  if (!/^[0-9]{11}$/.test(vat))
    throw invalid('VAT_FORMAT', 'La partita IVA deve avere 11 cifre.', { field: 'vatNumber' });
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(vat[i]);
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  if ((10 - (sum % 10)) % 10 !== Number(vat[10]))
    throw invalid('VAT_CHECK_DIGIT', 'La partita IVA non è valida: la cifra di controllo non torna.', {
      field: 'vatNumber',
    });
  return vat;
}

/** Who a campaign reaches: everyone, or people of at least an age, optionally in some comuni. */
export interface CampaignRule {
  minAge: number | null;
  comuni: readonly string[] | null;
}

export function campaignEligible(
  rule: CampaignRule,
  person: { birthDate: string; comuneCode: string },
  today: string,
): boolean {
  if (rule.comuni && !rule.comuni.includes(person.comuneCode)) return false;
  return rule.minAge === null || ageOn(person.birthDate, today) >= rule.minAge;
}

/** Progress as thousandths (integer, floored), 0 when nobody is eligible. */
export function permille(reached: number, eligible: number): number {
  return eligible <= 0 ? 0 : Math.floor((reached * 1000) / eligible);
}

/**
 * The parcel template for a household size: the one whose range holds it, the narrowest first.
 * @returns null when none does.
 */
export function templateForSize<T extends { minHouseholdSize: number; maxHouseholdSize: number | null }>(
  templates: readonly T[],
  size: number,
): T | null {
  const fitting = templates.filter(
    (t) => size >= t.minHouseholdSize && (t.maxHouseholdSize === null || size <= t.maxHouseholdSize),
  );
  const width = (t: T) => (t.maxHouseholdSize ?? 1000) - t.minHouseholdSize;
  return [...fitting].sort((a, b) => width(a) - width(b))[0] ?? null;
}

// Social market (emporio solidale, seed 003): points a household receives each month, by its size.
// One point is worth about a euro of goods at the till; larger households take the last entry.
export const MARKET_POINTS_BY_SIZE = [40, 60, 75, 90, 100] as const;

export function marketPointsFor(householdSize: number): number {
  const index = Math.min(Math.max(householdSize, 1), MARKET_POINTS_BY_SIZE.length) - 1;
  return MARKET_POINTS_BY_SIZE[index]!;
}

/**
 * Spending `points` from a card's balance: what remains.
 * @throws 409 MARKET_POINTS_INSUFFICIENT (with the balance) when the card does not cover it.
 */
export function spendPoints(balance: number, points: number): { remaining: number } {
  if (!Number.isInteger(points) || points <= 0)
    throw invalid('POINTS_INVALID', 'I punti devono essere un numero intero maggiore di zero.', {
      field: 'points',
    });
  if (points > balance)
    throw new AppError(
      409,
      'MARKET_POINTS_INSUFFICIENT',
      `La tessera ha ${balance} punti: non bastano per ${points}.`,
      { field: 'points', balance },
    );
  return { remaining: balance - points };
}
