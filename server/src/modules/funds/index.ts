/*
 * What other modules may use of funds. The case files (personal budgets) and the catalogue
 * (subsidised orders) book their money here and nowhere else.
 *
 * Ledger functions take a `Tx` already inside the caller's scope (`withScope`), so row-level
 * security limits them to the caller's territory, plus the caller's `Context` for the audit trail
 * and who recorded the movement. The caller applies its own rules (who may spend for this
 * beneficiary); the ledger guarantees, under a row lock on the line, that no line is overspent
 * and no cap exceeded:
 *
 *   const line = await openChildLine(tx, ctx, { parentLineId: shareLineId, label: 'Budget personale',
 *     budgetCents: 200_000, kind: 'personal_budget', beneficiaryRef: caseId });   // cap €2,000
 *   await recordSpend(tx, ctx, line.id, { kind: 'commitment', amountCents: 80_000, occurredOn });
 *   await recordSpend(tx, ctx, line.id, { kind: 'expense', amountCents: 50_000, occurredOn,
 *     supplier, document, commitmentId });                      // 409 BUDGET_CAP_EXCEEDED if over
 *   await reverseMovement(tx, ctx, movementId, { reason });
 *   const balance = await lineBalanceOf(tx, line.id);           // budget, spent, committed, available
 */
import type { Tx } from '../../platform/db/database.js';
import * as repo from './funds.repository.js';
import { balanceOf } from './funds.ledger.js';
import type { LineBalance } from './funds.rules.js';

export {
  openChildLine,
  recordSpend,
  reverseMovement,
  type OpenLineInput,
  type SpendInput,
} from './funds.ledger.js';
export type { LineRow, MovementRow, ProjectRow } from './funds.repository.js';
// A line of a comune (or of a project's plan) in the caller's scope: a programme's budget line.
export { createPlanLine } from './funds.service.js';

/** A line visible to the caller, or null (unknown or outside the territory). */
export async function findLine(tx: Tx, id: string): Promise<repo.LineRow | null> {
  return repo.findLine(tx, id);
}

/** The balance of a line, optionally as of a date; null when the line is not visible. */
export async function lineBalanceOf(tx: Tx, lineId: string, asOf?: string): Promise<LineBalance | null> {
  const line = await repo.findLine(tx, lineId);
  return line ? balanceOf(tx, line, asOf) : null;
}

/** A project of the funds (money data, no territory), or null when unknown. */
export async function findProject(tx: Tx, id: string): Promise<repo.ProjectRow | null> {
  return repo.findProject(tx, id);
}

/**
 * A project's budget lines visible to the caller (row-level security hides other territories'
 * comune shares), beneficiaries' own lines left out, each with its balance today.
 */
export async function projectLinesWithBalance(
  tx: Tx,
  projectId: string,
): Promise<{ line: repo.LineRow; balance: LineBalance }[]> {
  const lines = (await repo.listLines(tx, { projectId })).filter((l) => l.beneficiaryRef === null);
  return Promise.all(lines.map(async (line) => ({ line, balance: await balanceOf(tx, line) })));
}

/** The lines opened for a beneficiary (by the caller's opaque reference). */
export async function linesOfBeneficiary(tx: Tx, beneficiaryRef: string): Promise<repo.LineRow[]> {
  return repo.listLinesOfBeneficiary(tx, beneficiaryRef);
}

/** The comune's lines of an allocation (its share), e.g. the PNRR home-care money of a comune. */
export async function shareLinesOfComune(tx: Tx, comuneCode: string): Promise<repo.LineRow[]> {
  return (await repo.listLines(tx, { comune: comuneCode })).filter((l) => l.allocationId !== null);
}

/**
 * The lines a personal budget in a comune may be drawn from, none of them a beneficiary's own line:
 * a project's lines of a personal-budget action (Fare Legami's inclusion pacts), and the comune's
 * lines (its shares of an allocation, e.g. PNRR home care).
 */
export async function personalBudgetSourceLines(
  tx: Tx,
  comuneCode: string,
): Promise<{ actionLines: repo.LineRow[]; comuneLines: repo.LineRow[] }> {
  const [all, comune] = await Promise.all([
    repo.listLines(tx, {}),
    repo.listLines(tx, { comune: comuneCode }),
  ]);
  const own = (l: repo.LineRow) => l.beneficiaryRef === null;
  return {
    actionLines: all.filter((l) => own(l) && l.actionKind === 'personal_budget' && l.parentLineId === null),
    comuneLines: comune.filter((l) => own(l) && l.actionKind !== 'personal_budget'),
  };
}

export {
  allocate,
  allocateTwoLevel,
  AllocationInputError,
  type Share,
  type TwoLevelAllocation,
  type WeightedRecipient,
  type TerritoryRecipient,
} from './allocation.engine.js';
export {
  checkSpend,
  lineBalance,
  formatEuro,
  DEFAULT_CAPS_CENTS,
  type LedgerMovement,
  type LineBalance,
  type SpendRefusal,
} from './funds.rules.js';
export { ibanProblem, normalizeIban, formatIban } from './iban.js';
export { seedFundsDemo, type FundsDemoResult } from './funds.demo.js';

// The annual report's money allocated and spent by funding source (sums only).
export { moneyBySource, type SourceFigures } from './funds.statistics.js';
export { fundImportJob } from './funds.jobs.js';
