import { auditStatement, writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { lastStatementOf, type Tx } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import * as repo from './funds.repository.js';
import {
  balanceAfter,
  balanceOfTotals,
  budgetOverCap as budgetOverCapRule,
  DEFAULT_CAPS_CENTS,
  lineBalance,
  mayReverse,
  refusalOf,
  type ActionKind,
  type LineBalance,
} from './funds.rules.js';
import {
  alreadyReversed,
  budgetOverCap,
  capExceeded,
  commitmentClosed,
  lineNotFound,
  lineOverspent,
  movementNotFound,
} from './funds.errors.js';

/*
 * The ledger's use cases at transaction level: the caller has already authorised the actor and
 * opened the scoped transaction (`withScope`). Security-critical invariant: every write that can
 * change a line's money (commitment, expense, reversal, child line, adjustment) updates the line's
 * running totals (fund_lines.spent_cents…) in the statement that writes the movement, so it holds
 * the line's row lock until its transaction ends. A commitment or an expense is checked and booked
 * by one conditional UPDATE of those totals (repo.spendIfWithin): concurrent spends on one line
 * queue on its row and each re-checks the rule on the row its predecessor committed, so none can
 * overspend it. The others lock the row first (repo.lockLine), then read, check and write. The
 * table's CHECK fund_lines_within_limit refuses any row over its budget or cap besides.
 */

/**
 * The balance of a line now (from its running totals, as `line` was read) or as of a date (from
 * its movements and child lines).
 */
export async function balanceOf(tx: Tx, line: repo.LineRow, asOf?: string): Promise<LineBalance> {
  if (asOf === undefined) return balanceOfTotals(line);
  const movements = await repo.lineMovements(tx, line.id);
  const children = await repo.childrenBudget(tx, line.id);
  return lineBalance(
    { budgetCents: line.budgetCents, capCents: line.capCents, childrenCents: children },
    movements,
    asOf,
  );
}

export interface SpendInput {
  kind: 'commitment' | 'expense';
  amountCents: number;
  occurredOn: string;
  supplier?: string | null;
  document?: string | null;
  description?: string | null;
  commitmentId?: string | null;
}

/**
 * Records a commitment or an expense on a line, refusing anything that would overspend it or
 * exceed its cap: one statement checks, inserts and audits (`bookSpend`).
 * @throws 404 when the line is unknown or outside the territory, 409 BUDGET_CAP_EXCEEDED /
 *   BUDGET_LINE_OVERSPENT with the remaining amount, 422 COMMITMENT_CLOSED.
 */
export async function recordSpend(
  tx: Tx,
  ctx: Context,
  lineId: string,
  input: SpendInput,
  authorize?: (line: repo.LineRow) => void,
): Promise<{ movement: repo.MovementRow; balance: LineBalance }> {
  return bookSpend(tx, tx, ctx, lineId, input, authorize);
}

/**
 * recordSpend as the transaction's last statement: the ledger statement and COMMIT travel in one
 * round trip (lastStatementOf), so concurrent spends on one line hold its row lock only while that
 * statement and COMMIT run. Nothing may throw once the spend is committed, so the caller authorises
 * the spender beforehand, from the line as an earlier statement of the transaction read it; a
 * refusal throws after COMMIT, having written nothing.
 * @throws as recordSpend.
 */
export async function recordSpendLast(
  tx: Tx,
  ctx: Context,
  lineId: string,
  input: SpendInput,
): Promise<{ movement: repo.MovementRow; balance: LineBalance }> {
  return bookSpend(tx, lastStatementOf(tx), ctx, lineId, input);
}

/**
 * Checks, inserts and audits a spend in one statement on `booking` (`tx`, or its last statement),
 * then names the refusal from the figures it read. An expense drawn on a commitment locks the
 * line's row on `tx` first, so the statement sees every draw on that commitment already committed
 * (repo.spendIfWithin). A refusal or a failed `authorize` throws, so nothing is saved.
 */
async function bookSpend(
  tx: Tx,
  booking: Tx,
  ctx: Context,
  lineId: string,
  input: SpendInput,
  authorize?: (line: repo.LineRow) => void,
): Promise<{ movement: repo.MovementRow; balance: LineBalance }> {
  if (input.kind === 'expense' && input.commitmentId) await repo.lockLine(tx, lineId);
  const outcome = await repo.spendIfWithin(
    booking,
    {
      lineId,
      kind: input.kind,
      amountCents: input.amountCents,
      occurredOn: input.occurredOn,
      supplier: input.supplier?.trim() || null,
      document: input.document?.trim() || null,
      description: input.description?.trim() || null,
      commitmentId: input.commitmentId ?? null,
      recordedBy: ctx.actor?.userId ?? null,
    },
    (created) =>
      auditStatement(ctx, {
        action: 'fund.movement.create',
        entityType: 'fund_movement',
        entityId: created.id,
        comune: created.comune,
        details: { lineId, kind: input.kind, amountCents: input.amountCents },
        onlyIf: created.happened,
      }),
  );
  if (!outcome.line) throw lineNotFound();
  authorize?.(outcome.line);
  if (!outcome.movement) {
    // The figures are the row's once any writer ahead has committed: if a reversal freed money in
    // between, the spend was refused all the same, and the 4xx says what remains now.
    const refusal =
      refusalOf(outcome.figures, input) ??
      refusalOf(outcome.figures, { ...input, amountCents: Number.MAX_SAFE_INTEGER });
    if (refusal?.code === 'BUDGET_CAP_EXCEEDED') throw capExceeded(refusal.remainingCents, refusal.capCents);
    if (refusal?.code === 'BUDGET_LINE_OVERSPENT') throw lineOverspent(refusal.remainingCents);
    throw commitmentClosed();
  }
  return { movement: outcome.movement, balance: balanceAfter(outcome.figures, input) };
}

/**
 * Reverses a commitment or an expense with a new movement of the same amount (nothing is edited).
 * @throws 404 for an unknown movement, 409 when already reversed or not reversible.
 */
export async function reverseMovement(
  tx: Tx,
  ctx: Context,
  movementId: string,
  input: { reason: string; occurredOn?: string },
  authorize?: (line: repo.LineRow) => void,
): Promise<{ movement: repo.MovementRow; balance: LineBalance }> {
  const target = await repo.findMovement(tx, movementId);
  if (!target) throw movementNotFound();
  const line = await repo.lockLine(tx, target.lineId);
  if (!line) throw movementNotFound();
  authorize?.(line);
  // Read under the row lock: no other writer of the line can add a reversal or a draw meanwhile.
  const movements = await repo.lineMovements(tx, line.id);
  if (!mayReverse(target, movements)) throw alreadyReversed();
  const values = {
    lineId: line.id,
    kind: 'reversal' as const,
    amountCents: target.amountCents,
    occurredOn: input.occurredOn ?? dateInRome(),
    description: input.reason.trim(),
    reversesId: target.id,
    comuneCode: line.comuneCode,
    recordedBy: ctx.actor?.userId ?? null,
  };
  const limits = { budgetCents: line.budgetCents, capCents: line.capCents };
  const before = lineBalance(limits, movements);
  const after = lineBalance(limits, [...movements, { id: '', date: values.occurredOn, ...values }]);
  const movement = await repo.insertMovement(tx, values, {
    spentCents: after.spentCents - before.spentCents,
    committedCents: after.committedCents - before.committedCents,
  });
  await writeAudit(tx, ctx, {
    action: 'fund.movement.reverse',
    entityType: 'fund_movement',
    entityId: movement.id,
    comune: line.comuneCode,
    details: { lineId: line.id, reverses: target.id, amountCents: target.amountCents },
  });
  return {
    movement,
    balance: balanceOfTotals({
      ...line,
      spentCents: line.spentCents + after.spentCents - before.spentCents,
      committedCents: line.committedCents + after.committedCents - before.committedCents,
    }),
  };
}

export interface OpenLineInput {
  /** The line the money comes from: an action's line or a comune's share of an allocation. */
  parentLineId: string;
  label: string;
  budgetCents: number;
  /** An explicit cap; otherwise the project's cap for `kind`, else the default cap of the kind. */
  capCents?: number | null;
  /** The kind of spending, for the cap (a personal budget: €2,000). */
  kind?: ActionKind | null;
  /** Opaque id owned by the calling module (a case plan); never personal data. */
  beneficiaryRef?: string | null;
}

/**
 * Opens a capped line drawn from another: its budget is added to the parent's children total
 * under the parent's row lock, so the parent can never hand out more than it has.
 * @throws 404 for an unknown parent, 422 BUDGET_CAP_EXCEEDED when the budget is over the cap,
 *   409 BUDGET_LINE_OVERSPENT when the parent has not enough left.
 */
export async function openChildLine(
  tx: Tx,
  ctx: Context,
  input: OpenLineInput,
  authorize?: (parent: repo.LineRow) => void,
): Promise<repo.LineRow> {
  const parent = await repo.lockLine(tx, input.parentLineId);
  if (!parent) throw lineNotFound();
  authorize?.(parent);
  const kind = input.kind ?? (parent.actionKind as ActionKind | null);
  let cap = input.capCents ?? null;
  if (cap === null && kind) {
    cap =
      (parent.projectId ? await repo.findCap(tx, parent.projectId, kind) : null) ??
      DEFAULT_CAPS_CENTS[kind] ??
      null;
  }
  const over = budgetOverCapRule(input.budgetCents, cap);
  if (over !== null) throw budgetOverCap(over);
  const balance = balanceOfTotals(parent);
  if (input.budgetCents > balance.availableCents) throw lineOverspent(Math.max(0, balance.availableCents));
  const id = await repo.insertLine(tx, {
    label: input.label.trim(),
    projectId: parent.projectId,
    actionId: parent.actionId,
    partnerId: parent.partnerId,
    periodId: parent.periodId,
    sourceId: parent.sourceId,
    sourceType: parent.sourceType,
    allocationId: null,
    comuneCode: parent.comuneCode,
    subAmbitoId: parent.subAmbitoId,
    parentLineId: parent.id,
    beneficiaryRef: input.beneficiaryRef ?? null,
    budgetCents: input.budgetCents,
    capCents: cap,
    createdBy: ctx.actor?.userId ?? null,
  });
  await writeAudit(tx, ctx, {
    action: 'fund.line.create',
    entityType: 'fund_line',
    entityId: id,
    comune: parent.comuneCode,
    details: { parentLineId: parent.id, budgetCents: input.budgetCents, capCents: cap },
  });
  return (await repo.findLine(tx, id))!;
}
