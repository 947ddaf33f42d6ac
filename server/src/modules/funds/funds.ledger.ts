import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import * as repo from './funds.repository.js';
import {
  budgetOverCap as budgetOverCapRule,
  checkSpend,
  DEFAULT_CAPS_CENTS,
  lineBalance,
  mayReverse,
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
 * consume a line's money (commitment, expense, child line) first locks the line's row with
 * SELECT … FOR UPDATE, then re-reads its movements and checks, then inserts — all in the same
 * transaction — so concurrent expenses on one line queue on the lock and none can overspend it.
 */

/** The balance of a line now (or as of a date), reading its movements and child lines. */
export async function balanceOf(tx: Tx, line: repo.LineRow, asOf?: string): Promise<LineBalance> {
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
 * exceed its cap. The check and the insert happen under the line's row lock.
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
  const line = await repo.lockLine(tx, lineId);
  if (!line) throw lineNotFound();
  authorize?.(line);
  const movements = await repo.lineMovements(tx, line.id);
  const children = await repo.childrenBudget(tx, line.id);
  const shape = { budgetCents: line.budgetCents, capCents: line.capCents, childrenCents: children };
  const refusal = checkSpend(shape, movements, input);
  if (refusal?.code === 'BUDGET_CAP_EXCEEDED') throw capExceeded(refusal.remainingCents, refusal.capCents);
  if (refusal?.code === 'BUDGET_LINE_OVERSPENT') throw lineOverspent(refusal.remainingCents);
  if (refusal?.code === 'COMMITMENT_CLOSED') throw commitmentClosed();
  const movement = await repo.insertMovement(tx, {
    lineId: line.id,
    kind: input.kind,
    amountCents: input.amountCents,
    occurredOn: input.occurredOn,
    supplier: input.supplier?.trim() || null,
    document: input.document?.trim() || null,
    description: input.description?.trim() || null,
    commitmentId: input.commitmentId ?? null,
    comuneCode: line.comuneCode,
    recordedBy: ctx.actor?.userId ?? null,
  });
  await writeAudit(tx, ctx, {
    action: 'fund.movement.create',
    entityType: 'fund_movement',
    entityId: movement.id,
    comune: line.comuneCode,
    details: { lineId: line.id, kind: input.kind, amountCents: input.amountCents },
  });
  return { movement, balance: lineBalance(shape, [...movements, movement]) };
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
  const movements = await repo.lineMovements(tx, line.id);
  if (!mayReverse(target, movements)) throw alreadyReversed();
  const movement = await repo.insertMovement(tx, {
    lineId: line.id,
    kind: 'reversal',
    amountCents: target.amountCents,
    occurredOn: input.occurredOn ?? dateInRome(),
    description: input.reason.trim(),
    reversesId: target.id,
    comuneCode: line.comuneCode,
    recordedBy: ctx.actor?.userId ?? null,
  });
  await writeAudit(tx, ctx, {
    action: 'fund.movement.reverse',
    entityType: 'fund_movement',
    entityId: movement.id,
    comune: line.comuneCode,
    details: { lineId: line.id, reverses: target.id, amountCents: target.amountCents },
  });
  const children = await repo.childrenBudget(tx, line.id);
  return {
    movement,
    balance: lineBalance(
      { budgetCents: line.budgetCents, capCents: line.capCents, childrenCents: children },
      [...movements, movement],
    ),
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
 * Opens a capped line drawn from another: its budget is reserved on the parent under the parent's
 * row lock, so the parent can never hand out more than it has.
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
  const balance = await balanceOf(tx, parent);
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
