import type { Context } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { Tx } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import { lineBalanceOf, recordSpend } from '../funds/index.js';
import * as repo from './vouchers.repository.js';

/** A programme's budget as its page shows it, live. */
export interface ProgrammeBudget {
  budgetCents: number;
  /** Vouchers issued and payments made (booked on the budget). */
  committedCents: number;
  availableCents: number;
}

/**
 * Where a programme's budget is booked: its line on the funds ledger (every programme made since
 * the ledger exists), or the programme row for those made before it.
 */
export interface ProgrammeBudgetLedger {
  /**
   * Books `amountCents` for a voucher, or a batch of vouchers issued together (a commitment on the
   * line), or a payment (an expense), in the caller's transaction, after the caller has locked the
   * programme (repo.findProgramme with lock).
   * @returns null when booked, else what is left (nothing is booked).
   */
  commit(
    tx: Tx,
    ctx: Context,
    programme: repo.ProgrammeRow,
    amountCents: number,
    reference: { kind: 'voucher' | 'vouchers' | 'payment'; id: string },
  ): Promise<number | null>;
  balance(tx: Tx, programme: repo.ProgrammeRow): Promise<ProgrammeBudget>;
}

const rowLedger: ProgrammeBudgetLedger = {
  commit: async (tx, _ctx, programme, amountCents) =>
    (await repo.commitBudget(tx, programme.id, amountCents))
      ? null
      : programme.budget_cents - programme.committed_cents,
  balance: async (_tx, p) => ({
    budgetCents: p.budget_cents,
    committedCents: p.committed_cents,
    availableCents: p.budget_cents - p.committed_cents,
  }),
};

const DOCUMENT_OF = { voucher: 'Buono', vouchers: 'Buoni', payment: 'Domanda' } as const;

/** The funds ledger's line, written only through funds/index.ts (recordSpend books under the line's row lock). */
const fundsLedger = (lineId: string): ProgrammeBudgetLedger => ({
  commit: async (tx, ctx, _programme, amountCents, reference) => {
    try {
      await recordSpend(tx, ctx, lineId, {
        kind: reference.kind === 'payment' ? 'expense' : 'commitment',
        amountCents,
        occurredOn: dateInRome(),
        document: `${DOCUMENT_OF[reference.kind]} ${reference.id}`,
      });
      return null;
    } catch (error) {
      if (error instanceof AppError && error.code === 'BUDGET_LINE_OVERSPENT')
        return Number(error.details?.remainingCents ?? 0);
      throw error;
    }
  },
  balance: async (tx) => {
    const b = (await lineBalanceOf(tx, lineId))!;
    return {
      budgetCents: b.budgetCents,
      committedCents: b.committedCents + b.spentCents,
      availableCents: b.availableCents,
    };
  },
});

/** The ledger a programme's budget is booked on. */
export const ledgerOf = (programme: repo.ProgrammeRow): ProgrammeBudgetLedger =>
  programme.fund_line_id ? fundsLedger(programme.fund_line_id) : rowLedger;
