import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { ExpenseBody } from '../../../../shared/src/cases/cases.schemas.js';
import {
  checkSpend,
  openChildLine,
  recordSpend,
  reverseMovement,
  type LedgerMovement,
} from '../funds/index.js';
import * as repo from './cases.repository.js';

/*
 * The narrow interface case files need from the funds ledger: a capped line per personal budget,
 * expenses appended to it. Invariant: an expense is recorded only if, under a lock on the line taken
 * in the same transaction as the insert, spent + amount ≤ cap — so concurrent expenses on
 * PostgreSQL never exceed the cap.
 *
 * A budget drawn from a funds line (Fare Legami's inclusion-pact action, a comune's PNRR share) is
 * a child line of it on the funds ledger (funds/index.ts: openChildLine, recordSpend): the money
 * is reserved on the source, so PNRR activations stop when the comune's share is spent. The case
 * keeps its own copy of each expense (supplier, document, intervention) for the file, written in
 * the same transaction after the ledger accepted it. A budget with no source line is checked on
 * the case_budgets row alone, with the ledger's own rule (`checkSpend`).
 */
export interface PersonalBudgetLedger {
  /** Opens a capped line for one beneficiary's plan; returns the budget id. */
  openLine(
    tx: Tx,
    ctx: Context,
    line: {
      planId: string;
      caseId: string;
      comuneCode: string;
      programme: string;
      capCents: number;
      sourceLineId: string | null;
    },
  ): Promise<string>;
  /** Records an expense if it fits, else says how much remains; nothing is written on refusal. */
  recordExpense(
    tx: Tx,
    ctx: Context,
    budgetId: string,
    expense: ExpenseBody,
  ): Promise<{ ok: true; id: string } | { ok: false; remainingCents: number; capCents: number }>;
  /**
   * Reverses an expense with a new entry of the same amount (and its funds movement); null when the
   * expense is not on this budget, is itself a reversal, or was already reversed.
   */
  reverseExpense(
    tx: Tx,
    ctx: Context,
    budgetId: string,
    expenseId: string,
    reversal: { reason: string; on: string },
  ): Promise<{ id: string; amountCents: number } | null>;
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

const FUNDS_KIND: Record<string, 'personal_budget' | 'home_care' | null> = {
  fare_legami: 'personal_budget',
  pnrr_home_care: 'home_care',
  comune: 'personal_budget',
  other: null,
};

export const casesBudgetLedger: PersonalBudgetLedger = {
  async openLine(tx, ctx, line) {
    let fundsLineId: string | null = null;
    if (line.sourceLineId) {
      const opened = await openChildLine(tx, ctx, {
        parentLineId: line.sourceLineId,
        label: 'Budget di progetto',
        budgetCents: line.capCents,
        capCents: line.capCents,
        kind: FUNDS_KIND[line.programme] ?? null,
        // An opaque id of this module, never personal data.
        beneficiaryRef: line.planId,
      });
      fundsLineId = opened.id;
    }
    return repo.insertBudget(tx, { ...line, fundsLineId });
  },

  async recordExpense(tx, ctx, budgetId, expense) {
    const budget = await repo.lockBudget(tx, budgetId);
    if (!budget) throw new Error(`budget ${budgetId} not found`);
    const movements = movementsOf(await repo.expensesOf(tx, [budgetId]));
    const refusal = checkSpend({ budgetCents: budget.cap_cents, capCents: budget.cap_cents }, movements, {
      kind: 'expense',
      amountCents: expense.amountCents,
    });
    if (refusal)
      return {
        ok: false,
        remainingCents: 'remainingCents' in refusal ? refusal.remainingCents : 0,
        capCents: budget.cap_cents,
      };
    let fundsMovementId: string | null = null;
    if (budget.funds_line_id) {
      try {
        const spent = await recordSpend(tx, ctx, budget.funds_line_id, {
          kind: 'expense',
          amountCents: expense.amountCents,
          occurredOn: expense.spentOn,
          supplier: expense.supplier,
          document: expense.documentRef,
        });
        fundsMovementId = spent.movement.id;
      } catch (error) {
        const details = error instanceof AppError ? error.details : undefined;
        if (error instanceof AppError && typeof details?.remainingCents === 'number')
          return { ok: false, remainingCents: details.remainingCents, capCents: budget.cap_cents };
        throw error;
      }
    }
    const id = await repo.insertExpense(
      tx,
      { id: budgetId, comuneCode: budget.comune_code },
      { ...expense, fundsMovementId },
      ctx.actor?.userId ?? null,
    );
    return { ok: true, id };
  },

  async reverseExpense(tx, ctx, budgetId, expenseId, reversal) {
    const budget = await repo.lockBudget(tx, budgetId);
    if (!budget) throw new Error(`budget ${budgetId} not found`);
    const expenses = await repo.expensesOf(tx, [budgetId]);
    const target = expenses.find((e) => e.id === expenseId && !e.reverses_id);
    if (!target || expenses.some((e) => e.reverses_id === expenseId)) return null;
    const movement = target.funds_movement_id
      ? await reverseMovement(tx, ctx, target.funds_movement_id, {
          reason: reversal.reason,
          occurredOn: reversal.on,
        })
      : null;
    const id = await repo.insertExpense(
      tx,
      { id: budgetId, comuneCode: budget.comune_code },
      {
        spentOn: reversal.on,
        supplier: target.supplier,
        documentRef: reversal.reason,
        interventionId: target.intervention_id,
        amountCents: target.amount_cents,
        reversesId: target.id,
        fundsMovementId: movement?.movement.id ?? null,
      },
      ctx.actor?.userId ?? null,
    );
    return { id, amountCents: target.amount_cents };
  },
};
