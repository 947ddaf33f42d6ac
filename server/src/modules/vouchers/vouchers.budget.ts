import type { Tx } from '../../platform/db/database.js';
import * as repo from './vouchers.repository.js';

/**
 * Where a programme's budget is booked. Today the programme row keeps the committed total under a
 * row lock (with a CHECK committed <= budget); when the funds ledger's use cases land on main this
 * interface is implemented by funds/index.ts so each commitment is a ledger movement.
 */
export interface ProgrammeBudgetLedger {
  /**
   * Books `amountCents` for a voucher or a payment, in the caller's transaction, after the caller
   * has locked the programme (repo.findProgramme with lock).
   * @returns false when the budget does not cover it; nothing is booked.
   */
  commit(
    tx: Tx,
    programmeId: string,
    amountCents: number,
    reference: { kind: 'voucher' | 'payment'; id: string },
  ): Promise<boolean>;
}

export const programmeRowLedger: ProgrammeBudgetLedger = {
  commit: (tx, programmeId, amountCents) => repo.commitBudget(tx, programmeId, amountCents),
};
