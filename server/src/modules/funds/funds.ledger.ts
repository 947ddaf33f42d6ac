import { auditStatement, writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { lastStatementOf, type Tx } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import * as repo from './funds.repository.js';
import {
  balanceAfter,
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
 * consume a line's money (commitment, expense, reversal, child line, adjustment) holds the line's
 * advisory lock (repo.lineMoneyLock) from before it reads the line's figures until its transaction
 * ends, and checks and inserts in that same transaction — so concurrent expenses on one line queue
 * on the lock and none can overspend it. A spend checks and inserts in one statement
 * (repo.spendIfWithin); the others read, check, then insert under the line's row lock too.
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
 * exceed its cap: takes the line's lock, then checks, inserts and audits (`bookSpend`).
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
  await repo.lockLineMoney(tx, lineId);
  return bookSpend(tx, ctx, lineId, input, authorize);
}

/**
 * recordSpend as the transaction's last statement: the line's lock, the ledger statement and
 * COMMIT travel in one round trip (lastStatementOf with the lock), so concurrent spends on one
 * line hold its lock only while that statement and COMMIT run. Nothing may throw once the spend
 * is committed, so the caller authorises the spender beforehand, from the line as an earlier
 * statement of the transaction read it; a refusal throws after COMMIT, having written nothing.
 * @throws as recordSpend.
 */
export async function recordSpendLast(
  tx: Tx,
  ctx: Context,
  lineId: string,
  input: SpendInput,
): Promise<{ movement: repo.MovementRow; balance: LineBalance }> {
  return bookSpend(lastStatementOf(tx, { locks: [repo.lineMoneyLock(lineId)] }), ctx, lineId, input);
}

/**
 * Checks, inserts and audits a spend in one statement (`tx` holds the line's lock, or takes it
 * just before), then names the refusal from the figures it read. A refusal or a failed
 * `authorize` throws, so the transaction rolls back and nothing is saved.
 */
async function bookSpend(
  tx: Tx,
  ctx: Context,
  lineId: string,
  input: SpendInput,
  authorize?: (line: repo.LineRow) => void,
): Promise<{ movement: repo.MovementRow; balance: LineBalance }> {
  const outcome = await repo.spendIfWithin(
    tx,
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
    const refusal = refusalOf(outcome.figures, input);
    if (refusal?.code === 'BUDGET_CAP_EXCEEDED') throw capExceeded(refusal.remainingCents, refusal.capCents);
    if (refusal?.code === 'BUDGET_LINE_OVERSPENT') throw lineOverspent(refusal.remainingCents);
    if (refusal?.code === 'COMMITMENT_CLOSED') throw commitmentClosed();
    throw new Error(`The ledger statement refused a spend that fits line ${lineId}`);
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
