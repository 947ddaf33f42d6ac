import type { Tx } from '../../platform/db/database.js';
import type { ExpenseBody } from '../../../../shared/src/cases/cases.schemas.js';
import { checkSpend, type LedgerMovement } from '../funds/index.js';
import * as repo from './cases.repository.js';

/*
 * The narrow interface case files need from the funds ledger: a capped line per personal budget,
 * expenses appended to it, and its balance. Invariant: an expense is recorded only if, under a lock
 * on the line taken in the same transaction as the insert, spent + amount ≤ cap — so concurrent
 * expenses on PostgreSQL never exceed the cap.
 *
 * Until funds/index.ts exports its ledger use cases, the line is the case_budgets row and the
 * arithmetic is funds' own pure rule (`checkSpend`); switching to funds' API changes this file only.
 */
export interface PersonalBudgetLedger {
  /** Opens a capped line for one beneficiary's plan; returns the line (budget) id. */
  openLine(
    tx: Tx,
    line: { planId: string; caseId: string; comuneCode: string; programme: string; capCents: number },
  ): Promise<string>;
  /** Records an expense if it fits, else says how much remains; nothing is written on refusal. */
  recordExpense(
    tx: Tx,
    lineId: string,
    expense: ExpenseBody,
    actorUserId: string | null,
  ): Promise<{ ok: true; id: string } | { ok: false; remainingCents: number; capCents: number }>;
}

function movementsOf(expenses: readonly repo.ExpenseRow[]): LedgerMovement[] {
  return expenses.map((e) => ({
    id: e.id,
    kind: e.reverses_id ? 'reversal' : 'expense',
    amountCents: e.amount_cents,
    reversesId: e.reverses_id,
    date: e.spent_on,
  }));
}

export const localBudgetLedger: PersonalBudgetLedger = {
  openLine: (tx, line) => repo.insertBudget(tx, line),

  async recordExpense(tx, lineId, expense, actorUserId) {
    const line = await repo.lockBudget(tx, lineId);
    if (!line) throw new Error(`budget line ${lineId} not found`);
    const movements = movementsOf(await repo.expensesOf(tx, [lineId]));
    const refusal = checkSpend({ budgetCents: line.cap_cents, capCents: line.cap_cents }, movements, {
      kind: 'expense',
      amountCents: expense.amountCents,
    });
    if (refusal) {
      const remainingCents = 'remainingCents' in refusal ? refusal.remainingCents : 0;
      return { ok: false, remainingCents, capCents: line.cap_cents };
    }
    const id = await repo.insertExpense(
      tx,
      { id: lineId, comuneCode: line.comune_code },
      expense,
      actorUserId,
    );
    return { ok: true, id };
  },
};
