/*
 * Ledger arithmetic and caps as pure rules: `lineBalance` is the reference computation from a
 * line's movements; the line's running totals (fund_lines.spent_cents…, kept by the statements that
 * append movements) must always equal it, and `refusalOf` is the rule the booking statement applies
 * in SQL to those totals under the line's row lock. Invariant: for every line,
 *   spent + open commitments + budgets of child lines ≤ min(budget, cap)
 * so a line is never overspent and a cap never exceeded. Amounts are integer cents.
 */

export const MOVEMENT_KINDS = ['commitment', 'expense', 'reversal', 'adjustment'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export const SOURCE_TYPES = ['contribution', 'cofinancing', 'donations'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const ACTION_KINDS = [
  'personal_budget',
  'community_lab',
  'company_pact',
  'civic_centre',
  'training',
  'fundraising',
  'home_care',
  'other',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/**
 * Default caps by action kind, from seed 004 (Fare Legami); a programme may configure its own.
 * Company pacts are "di circa 6.000 euro": taken as a cap of €6,000.
 */
export const DEFAULT_CAPS_CENTS: Partial<Record<ActionKind, number>> = {
  // Cap from the inclusion pacts of Fare Legami: €2,000 per beneficiary.
  personal_budget: 200_000,
  // Community labs: at most €12,000 each, managed by the implementing body the lab names.
  community_lab: 1_200_000,
  company_pact: 600_000,
};

export interface LedgerMovement {
  id: string;
  kind: MovementKind;
  /** Positive for commitment, expense and reversal; signed for an adjustment of the budget. */
  amountCents: number;
  /** The movement a reversal cancels. */
  reversesId?: string | null;
  /** The commitment an expense draws on. */
  commitmentId?: string | null;
  /** Date of the fact (YYYY-MM-DD): an expense's date, a commitment's date. */
  date: string;
}

export interface LineBalance {
  /** Initial budget plus adjustments. */
  budgetCents: number;
  /** Expenses not reversed. */
  spentCents: number;
  /** Commitments not reversed, minus what expenses have drawn on them (never below zero). */
  committedCents: number;
  /** Budgets of the lines opened from this one (a beneficiary's line from an action). */
  childrenCents: number;
  /** The lower of budget and cap. */
  limitCents: number;
  /** What can still be committed or spent. */
  availableCents: number;
}

/**
 * The balance of a line from its initial budget, cap and movements, optionally as of a date.
 * Adjustments count whatever their date (they change the budget, not the spending).
 */
export function lineBalance(
  line: { budgetCents: number; capCents: number | null; childrenCents?: number },
  movements: readonly LedgerMovement[],
  asOf?: string,
): LineBalance {
  const reversed = new Set(movements.filter((m) => m.kind === 'reversal').map((m) => m.reversesId));
  let budget = line.budgetCents;
  let spent = 0;
  const commitments = new Map<string, number>();
  const drawn = new Map<string, number>();
  for (const m of movements) {
    if (m.kind === 'adjustment') budget += m.amountCents;
    if (reversed.has(m.id) || (asOf !== undefined && m.date > asOf)) continue;
    if (m.kind === 'commitment') commitments.set(m.id, m.amountCents);
    if (m.kind === 'expense') {
      spent += m.amountCents;
      if (m.commitmentId) drawn.set(m.commitmentId, (drawn.get(m.commitmentId) ?? 0) + m.amountCents);
    }
  }
  let committed = 0;
  for (const [id, amount] of commitments) committed += Math.max(0, amount - (drawn.get(id) ?? 0));
  const children = line.childrenCents ?? 0;
  const limit = line.capCents === null ? budget : Math.min(budget, line.capCents);
  return {
    budgetCents: budget,
    spentCents: spent,
    committedCents: committed,
    childrenCents: children,
    limitCents: limit,
    availableCents: limit - spent - committed - children,
  };
}

/** A line's running totals as fund_lines stores them (budget_cents is the initial budget). */
export interface LineTotals {
  budgetCents: number;
  capCents: number | null;
  /** Sum of the line's adjustments. */
  adjustedCents: number;
  spentCents: number;
  committedCents: number;
  childrenCents: number;
}

/** The balance of a line today from its running totals (what `lineBalance` gives from its movements). */
export function balanceOfTotals(t: LineTotals): LineBalance {
  const budget = t.budgetCents + t.adjustedCents;
  const limit = limitOf({ budgetCents: budget, capCents: t.capCents });
  return {
    budgetCents: budget,
    spentCents: t.spentCents,
    committedCents: t.committedCents,
    childrenCents: t.childrenCents,
    limitCents: limit,
    availableCents: limit - t.spentCents - t.committedCents - t.childrenCents,
  };
}

export type SpendRefusal =
  | { code: 'BUDGET_CAP_EXCEEDED'; remainingCents: number; capCents: number }
  | { code: 'BUDGET_LINE_OVERSPENT'; remainingCents: number }
  | { code: 'COMMITMENT_CLOSED' };

/**
 * A line's figures just before a spend, as the ledger's statement reads them under the line's lock:
 * its balance plus what the expense's commitment still reserves.
 */
export interface SpendFigures {
  budgetCents: number;
  capCents: number | null;
  spentCents: number;
  committedCents: number;
  childrenCents: number;
  /** For an expense drawn on a commitment: what that commitment still reserves; null when it is not open. */
  reservedCents: number | null;
}

export interface Spend {
  kind: 'commitment' | 'expense';
  amountCents: number;
  commitmentId?: string | null;
}

const drawsOnCommitment = (spend: Spend): boolean => spend.kind === 'expense' && !!spend.commitmentId;

const limitOf = (f: { budgetCents: number; capCents: number | null }) =>
  f.capCents === null ? f.budgetCents : Math.min(f.budgetCents, f.capCents);

/**
 * Whether a spend fits the line's figures: the one rule, which the ledger's statement applies in
 * SQL (funds.repository `spendIfWithin`) and which names the refusal from the figures it returns.
 * @returns null when it fits, otherwise why not with the amount that remains.
 */
export function refusalOf(figures: SpendFigures, spend: Spend): SpendRefusal | null {
  if (drawsOnCommitment(spend) && figures.reservedCents === null) return { code: 'COMMITMENT_CLOSED' };
  const reserved = drawsOnCommitment(spend) ? figures.reservedCents! : 0;
  const used = figures.spentCents + figures.committedCents + figures.childrenCents;
  const available = limitOf(figures) - used;
  // An expense drawn on an open commitment needs headroom only beyond what that commitment reserves.
  const needed = spend.amountCents - Math.min(spend.amountCents, reserved);
  if (needed <= available) return null;
  const remainingCents = Math.max(0, available + reserved);
  // Which limit the request breaks: the cap (a personal budget's €2,000) or the line's own budget.
  if (figures.capCents !== null && used + needed > figures.capCents)
    return { code: 'BUDGET_CAP_EXCEEDED', remainingCents, capCents: figures.capCents };
  return { code: 'BUDGET_LINE_OVERSPENT', remainingCents };
}

/** The line's balance once an accepted spend is booked on figures read before it. */
export function balanceAfter(figures: SpendFigures, spend: Spend): LineBalance {
  const drawn = drawsOnCommitment(spend) ? Math.min(spend.amountCents, figures.reservedCents ?? 0) : 0;
  const spent = figures.spentCents + (spend.kind === 'expense' ? spend.amountCents : 0);
  const committed = figures.committedCents + (spend.kind === 'commitment' ? spend.amountCents : 0) - drawn;
  const limit = limitOf(figures);
  return {
    budgetCents: figures.budgetCents,
    spentCents: spent,
    committedCents: committed,
    childrenCents: figures.childrenCents,
    limitCents: limit,
    availableCents: limit - spent - committed - figures.childrenCents,
  };
}

/**
 * Whether a new commitment or expense fits the line, from its movements. An expense drawn on one
 * of the line's open commitments needs headroom only for the part beyond what that commitment
 * still reserves.
 * @returns null when it fits, otherwise why not with the amount that remains.
 */
export function checkSpend(
  line: { budgetCents: number; capCents: number | null; childrenCents?: number },
  movements: readonly LedgerMovement[],
  spend: Spend,
): SpendRefusal | null {
  const balance = lineBalance(line, movements);
  let reservedCents: number | null = null;
  if (drawsOnCommitment(spend)) {
    const isReversed = (id: string) => movements.some((m) => m.kind === 'reversal' && m.reversesId === id);
    const commitment = movements.find((m) => m.id === spend.commitmentId && m.kind === 'commitment');
    if (commitment && !isReversed(commitment.id)) {
      const drawn = movements
        .filter((m) => m.kind === 'expense' && m.commitmentId === commitment.id && !isReversed(m.id))
        .reduce((s, m) => s + m.amountCents, 0);
      reservedCents = Math.max(0, commitment.amountCents - drawn);
    }
  }
  return refusalOf({ ...balance, capCents: line.capCents, reservedCents }, spend);
}

/**
 * Whether a line's budget may be set to `budgetCents` under a cap (a lab's line above €12,000 is refused).
 * @returns the cap exceeded, or null.
 */
export function budgetOverCap(budgetCents: number, capCents: number | null): number | null {
  return capCents !== null && budgetCents > capCents ? capCents : null;
}

/** Whether a movement may be reversed: not a reversal itself, not already reversed. */
export function mayReverse(target: LedgerMovement, movements: readonly LedgerMovement[]): boolean {
  if (target.kind === 'reversal' || target.kind === 'adjustment') return false;
  return !movements.some((m) => m.kind === 'reversal' && m.reversesId === target.id);
}

/** € 1.234,56 — Italian formatting of cents, for messages and documents. */
export function formatEuro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${euros},${String(abs % 100).padStart(2, '0')}`;
}

/** Percentage with one decimal, 0 when the base is 0. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;
}
