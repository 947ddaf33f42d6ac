import { createHash } from 'node:crypto';
import { parseItalianDate, type CsvRecord } from '../../platform/http/csv.js';

/*
 * A campaign's bank statement, as the bank's home banking exports it (CSV, `;` and decimal comma in
 * Italy), reconciled against the donations recorded by hand: a credit line matches a bank-transfer
 * donation of the same amount received within a few days, the donor's name in the description
 * deciding between several. What cannot be decided is left to the operator, never guessed.
 */

/** One credit of the statement: the money that came in. */
export interface StatementLine {
  /** Stable identity of the line across re-imports of the same or of overlapping statements. */
  key: string;
  /** The line of the file, for the report. */
  fileLine: number;
  bookedOn: string;
  valueOn: string | null;
  amountCents: number;
  description: string;
}

export interface StatementProblem {
  fileLine: number;
  message: string;
}

/** The column names banks use, folded to lower case without accents. */
const COLUMNS = {
  bookedOn: ['data contabile', 'data operazione', 'data registrazione', 'data'],
  valueOn: ['data valuta', 'valuta'],
  amount: ['importo', 'importo eur', 'importo (eur)', 'importo in euro'],
  credit: ['accrediti', 'entrate', 'avere', 'importo avere'],
  debit: ['addebiti', 'uscite', 'dare', 'importo dare'],
  description: ['descrizione', 'causale', 'descrizione operazione', 'dettagli', 'causale descrizione'],
} as const;

const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Euro amounts as banks write them: `1.234,56`, `-25,00`, `+10`, `25.00`, `€ 1.000`.
 * @returns cents, or null when the text is not an amount.
 */
export function parseEuroCents(text: string): number | null {
  const t = text.replace(/[€\s]|EUR/gi, '');
  if (!/^[+-]?[\d.,]+$/.test(t)) return null;
  const sign = t.startsWith('-') ? -1 : 1;
  const digits = t.replace(/^[+-]/, '');
  // The last separator followed by one or two digits is the decimal one; every other is a thousands mark.
  const m = /^(.*?)(?:[.,](\d{1,2}))?$/.exec(digits)!;
  const whole = m[1]!.replace(/[.,]/g, '');
  if (!/^\d+$/.test(whole)) return null;
  const cents = Number(whole) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? sign * cents : null;
}

function columnIndex(header: readonly string[], names: readonly string[]): number {
  for (const name of names) {
    const i = header.findIndex((h) => fold(h) === name);
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Reads the credits of a statement. The header is the first row naming a date and an amount
 * (banks put the account holder and the period above it); debits and blank rows are skipped.
 * @returns null when no such header exists (not a bank statement).
 */
export function readBankStatement(
  records: readonly CsvRecord[],
): { lines: StatementLine[]; problems: StatementProblem[] } | null {
  const headerAt = records.findIndex((r) => {
    const has = (names: readonly string[]) => columnIndex(r.cells, names) >= 0;
    return has(COLUMNS.bookedOn) && (has(COLUMNS.amount) || has(COLUMNS.credit));
  });
  if (headerAt < 0) return null;
  const header = records[headerAt]!.cells;
  const at = {
    bookedOn: columnIndex(header, COLUMNS.bookedOn),
    valueOn: columnIndex(header, COLUMNS.valueOn),
    amount: columnIndex(header, COLUMNS.amount),
    credit: columnIndex(header, COLUMNS.credit),
    debit: columnIndex(header, COLUMNS.debit),
    descriptions: header
      .map((h, i) => ((COLUMNS.description as readonly string[]).includes(fold(h)) ? i : -1))
      .filter((i) => i >= 0),
  };
  const lines: StatementLine[] = [];
  const problems: StatementProblem[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of records.slice(headerAt + 1)) {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    if (cells.every((c) => !c.trim())) continue;
    const bookedOn = parseItalianDate(cell(at.bookedOn));
    const amountText = at.amount >= 0 ? cell(at.amount) : cell(at.credit);
    if (at.amount < 0 && !amountText && cell(at.debit)) continue; // a debit in a two-column layout
    const amountCents = parseEuroCents(amountText);
    if (!bookedOn || amountCents === null) {
      problems.push({ fileLine: line, message: 'Riga non leggibile: mancano la data o l’importo.' });
      continue;
    }
    if (amountCents <= 0) continue;
    const description = at.descriptions.map(cell).filter(Boolean).join(' — ').replace(/\s+/g, ' ');
    const valueOn = parseItalianDate(cell(at.valueOn));
    // Two identical lines (two gifts of €10 from the same person on the same day) are two lines.
    const base = [bookedOn, valueOn ?? '', amountCents, fold(description)].join('|');
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    const key = createHash('sha256').update(`${base}|${occurrence}`).digest('hex').slice(0, 32);
    lines.push({ key, fileLine: line, bookedOn, valueOn, amountCents, description });
  }
  return { lines, problems };
}

/** A bank-transfer donation not yet reconciled, as matching sees it. */
export interface OpenDonation {
  id: string;
  amountCents: number;
  receivedOn: string;
  donorName: string | null;
}

export interface StatementMatch {
  lineKey: string;
  donationId: string;
}

/** How far the booking date of a transfer may be from the date the donation was recorded. */
export const MATCH_WINDOW_DAYS = 5;

const daysBetween = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

/** How well a donor's name appears in a description: the share of its words found there. */
function nameScore(donorName: string | null, description: string): number {
  if (!donorName) return 0;
  const words = fold(donorName)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);
  if (words.length === 0) return 0;
  const text = ` ${fold(description).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return words.filter((w) => text.includes(` ${w} `)).length / words.length;
}

/**
 * Pairs credit lines with open donations: same amount, within MATCH_WINDOW_DAYS of the booking or
 * value date, the donor named in the description (unless anonymous), each donation used once. Among candidates the best name score wins, then the nearest
 * date; a tie at the top is ambiguous and the line stays for the operator. Lines are taken in date
 * order, so the outcome does not depend on the order of the file.
 */
export function matchStatement(
  lines: readonly Omit<StatementLine, 'fileLine'>[],
  donations: readonly OpenDonation[],
): StatementMatch[] {
  const taken = new Set<string>();
  const matches: StatementMatch[] = [];
  const ordered = [...lines].sort(
    (a, b) => a.bookedOn.localeCompare(b.bookedOn) || a.key.localeCompare(b.key),
  );
  for (const line of ordered) {
    const candidates = donations
      .filter((d) => !taken.has(d.id) && d.amountCents === line.amountCents)
      .map((d) => ({
        d,
        days: Math.min(
          daysBetween(d.receivedOn, line.bookedOn),
          line.valueOn ? daysBetween(d.receivedOn, line.valueOn) : Infinity,
        ),
        name: nameScore(d.donorName, line.description),
      }))
      // A named donor must be named in the description: a mere equal amount is not proof enough.
      .filter((c) => c.days <= MATCH_WINDOW_DAYS && (c.d.donorName === null || c.name > 0))
      .sort((a, b) => b.name - a.name || a.days - b.days);
    const [best, second] = candidates;
    if (!best) continue;
    if (second && second.name === best.name && second.days === best.days) continue;
    taken.add(best.d.id);
    matches.push({ lineKey: line.key, donationId: best.d.id });
  }
  return matches;
}
