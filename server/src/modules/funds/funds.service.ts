import { authorize, withScope } from '../../platform/access/access.js';
import { can, scopeCovers, type Scope } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import type { Tx } from '../../platform/db/database.js';
import type {
  Campaign,
  CreateCampaignBody,
  CreateLineBody,
  FundLine,
  FundSource,
  Movement,
  MovementBody,
} from '../../../../shared/src/funds/funds.schemas.js';
import * as repo from './funds.repository.js';
import * as ledger from './funds.ledger.js';
import { maySpend, spendReach } from './funds.policy.js';
import { budgetOverCap as budgetOverCapRule, lineBalance, type LineBalance } from './funds.rules.js';
import {
  budgetOverCap,
  campaignNotFound,
  ibanInvalid,
  invalidReference,
  lineNotFound,
} from './funds.errors.js';
import { ibanProblem, normalizeIban } from './iban.js';

/** The fields of a line that leave the server, with what the actor may do next. */
export function presentLine(ctx: Context, line: repo.LineRow, balance: LineBalance): FundLine {
  const actor = ctx.actor;
  return {
    id: line.id,
    label: line.label,
    projectId: line.projectId,
    actionId: line.actionId,
    partnerId: line.partnerId,
    periodId: line.periodId,
    sourceId: line.sourceId,
    sourceType: line.sourceType,
    allocationId: line.allocationId,
    comuneCode: line.comuneCode,
    subAmbitoId: line.subAmbitoId,
    parentLineId: line.parentLineId,
    beneficiaryRef: line.beneficiaryRef,
    capCents: line.capCents,
    balance,
    abilities: {
      spend: actor !== null && maySpend(spendReach(actor), line),
      manage: actor !== null && can(actor, 'funds.manage', line.comuneCode ?? undefined),
    },
  };
}

export function presentMovement(m: repo.MovementRow): Movement {
  return {
    id: m.id,
    lineId: m.lineId,
    kind: m.kind,
    amountCents: m.amountCents,
    occurredOn: m.date,
    supplier: m.supplier,
    document: m.document,
    description: m.description,
    reversesId: m.reversesId,
    commitmentId: m.commitmentId,
    recordedBy: m.recordedBy,
    recordedAt: m.recordedAt,
  };
}

/** Balances of many lines with two queries (movements, child lines). */
export async function balancesOf(
  tx: Tx,
  lines: repo.LineRow[],
  asOf?: string,
): Promise<Map<string, LineBalance>> {
  return (await balancesAt(tx, lines, [asOf]))[0]!;
}

/**
 * Balances of many lines at several dates (`undefined`: now), reading the ledger once: the
 * progress report of a project with thousands of movements asks for today and for a past date.
 */
export async function balancesAt<const D extends readonly (string | undefined)[]>(
  tx: Tx,
  lines: repo.LineRow[],
  dates: D,
): Promise<{ [K in keyof D]: Map<string, LineBalance> }> {
  const ids = lines.map((l) => l.id);
  const movements = await repo.ledgerOfLines(tx, ids);
  const children = await repo.childrenBudgets(tx, ids);
  return dates.map(
    (asOf: string | undefined) =>
      new Map(
        lines.map((l) => [
          l.id,
          lineBalance(
            { budgetCents: l.budgetCents, capCents: l.capCents, childrenCents: children.get(l.id) ?? 0 },
            movements.get(l.id) ?? [],
            asOf,
          ),
        ]),
      ),
  ) as { [K in keyof D]: Map<string, LineBalance> };
}

/** The spending rule of funds.policy as a check run once the line is locked. */
export function spendGuard(ctx: Context): (line: repo.LineRow) => void {
  const reach = spendReach(ctx.actor!);
  return (line) => {
    if (!maySpend(reach, line)) throw forbidden();
  };
}

export async function listSources(ctx: Context): Promise<FundSource[]> {
  return withScope(ctx, 'funds.read', (tx) => repo.listSources(tx));
}

/** @throws 403 without funds.manage. */
export async function createSource(
  ctx: Context,
  body: { name: string; kind: string; reference?: string | null },
): Promise<FundSource> {
  return withScope(ctx, 'funds.manage', async (tx) => {
    const id = await repo.insertSource(tx, {
      name: body.name.trim(),
      kind: body.kind,
      reference: body.reference ?? null,
    });
    return { id, name: body.name.trim(), kind: body.kind, reference: body.reference ?? null };
  });
}

/** Lines of the actor's territory with their balances. */
export async function listLines(
  ctx: Context,
  filter: { projectId?: string; allocationId?: string; comune?: string },
): Promise<FundLine[]> {
  return withScope(ctx, 'funds.read', async (tx) => {
    const lines = await repo.listLines(tx, filter);
    const balances = await balancesOf(tx, lines);
    return lines.map((l) => presentLine(ctx, l, balances.get(l.id)!));
  });
}

/** @throws 404 when unknown or outside the territory. */
export async function getLine(ctx: Context, id: string): Promise<FundLine & { movements: Movement[] }> {
  return withScope(ctx, 'funds.read', async (tx) => {
    const line = await repo.findLine(tx, id);
    if (!line) throw lineNotFound();
    const movements = await repo.lineMovements(tx, id);
    const balance = await ledger.balanceOf(tx, line);
    return { ...presentLine(ctx, line, balance), movements: movements.map(presentMovement) };
  });
}

/**
 * Creates a budget line. With `parentLineId` it opens a capped line drawn from that one (a lab, a
 * pact, a beneficiary), which a partner may do on its own lines; otherwise it is a line of the plan,
 * for administrators, whose project, action, partner and period must belong together.
 * @throws 403, 404 for a parent outside the territory, 409/422 on budget and cap.
 */
export async function createLine(ctx: Context, body: CreateLineBody): Promise<FundLine> {
  if (body.parentLineId) {
    return withScope(ctx, 'funds.spend', async (tx) => {
      const line = await ledger.openChildLine(
        tx,
        ctx,
        {
          parentLineId: body.parentLineId!,
          label: body.label,
          budgetCents: body.budgetCents,
          capCents: body.capCents ?? null,
        },
        spendGuard(ctx),
      );
      return presentLine(ctx, line, await ledger.balanceOf(tx, line));
    });
  }
  return withScope(ctx, 'funds.manage', (tx, scope) => createPlanLine(tx, ctx, scope, body));
}

/**
 * A line of a project's plan (or of a comune), in the caller's funds.manage scope: the request's
 * and the import's one way in. `owner.beneficiaryRef`: the calling module's opaque id when the line
 * is its own (a programme's budget), which keeps it out of the lists of source lines.
 * @throws 403 outside the territory (a project-wide line needs the whole installation), 422 for a
 *   project, action, partner or period that do not belong together, or a budget over the cap.
 */
export async function createPlanLine(
  tx: Tx,
  ctx: Context,
  scope: Scope,
  body: CreateLineBody,
  owner: { beneficiaryRef?: string } = {},
): Promise<FundLine> {
  if (body.comuneCode && !scopeCovers(scope, body.comuneCode)) throw forbidden();
  if (!body.comuneCode && !scope.all) throw forbidden();
  await checkReferences(tx, body);
  const cap = body.capCents ?? null;
  const over = budgetOverCapRule(body.budgetCents, cap);
  if (over !== null) throw budgetOverCap(over);
  const id = await repo.insertLine(tx, {
    label: body.label.trim(),
    projectId: body.projectId ?? null,
    actionId: body.actionId ?? null,
    partnerId: body.partnerId ?? null,
    periodId: body.periodId ?? null,
    sourceId: body.sourceId ?? null,
    sourceType: body.sourceType,
    comuneCode: body.comuneCode ?? null,
    beneficiaryRef: owner.beneficiaryRef ?? null,
    budgetCents: body.budgetCents,
    capCents: cap,
    createdBy: ctx.actor?.userId ?? null,
  });
  await writeAudit(tx, ctx, {
    action: 'fund.line.create',
    entityType: 'fund_line',
    entityId: id,
    comune: body.comuneCode ?? null,
    details: { projectId: body.projectId ?? null, budgetCents: body.budgetCents },
  });
  const line = (await repo.findLine(tx, id))!;
  return presentLine(ctx, line, await ledger.balanceOf(tx, line));
}

async function checkReferences(tx: Tx, body: CreateLineBody): Promise<void> {
  const projectId = body.projectId ?? null;
  if (!projectId) {
    if (body.actionId || body.partnerId || body.periodId) throw invalidReference('projectId', 'Il progetto');
    return;
  }
  if (!(await repo.findProject(tx, projectId))) throw invalidReference('projectId', 'Il progetto');
  if (body.actionId) {
    const action = await repo.findAction(tx, body.actionId);
    if (action?.projectId !== projectId) throw invalidReference('actionId', 'L’azione');
  }
  if (body.partnerId) {
    const partners = await repo.listPartners(tx, projectId);
    const partner = partners.find((p) => p.id === body.partnerId);
    if (!partner || partner.role === 'adherent') throw invalidReference('partnerId', 'Il partner');
  }
  if (body.periodId && !(await repo.listPeriods(tx, projectId)).some((p) => p.id === body.periodId))
    throw invalidReference('periodId', 'Il periodo');
}

/**
 * Records a commitment or an expense (see funds.ledger.recordSpend for the invariant).
 * @throws 401/403, 404 outside the territory, 409 BUDGET_CAP_EXCEEDED / BUDGET_LINE_OVERSPENT.
 */
export async function recordMovement(
  ctx: Context,
  lineId: string,
  body: MovementBody,
): Promise<{ movement: Movement; balance: LineBalance }> {
  return withScope(ctx, 'funds.spend', async (tx) => {
    // The facts first, without the line's lock (the request's first round trip, with BEGIN); the
    // spend, under the lock, travels with COMMIT (recordSpendLast).
    const line = await repo.findLine(tx, lineId);
    if (!line) throw lineNotFound();
    spendGuard(ctx)(line);
    const result = await ledger.recordSpendLast(tx, ctx, lineId, body);
    return { movement: presentMovement(result.movement), balance: result.balance };
  });
}

/** @throws 401/403, 404, 409 when already reversed. */
export async function reverseMovement(
  ctx: Context,
  movementId: string,
  body: { reason: string; occurredOn?: string },
): Promise<{ movement: Movement; balance: LineBalance }> {
  return withScope(ctx, 'funds.spend', async (tx) => {
    const result = await ledger.reverseMovement(tx, ctx, movementId, body, spendGuard(ctx));
    return { movement: presentMovement(result.movement), balance: result.balance };
  });
}

// Campaigns ----------------------------------------------------------------------------------------

export async function listCampaigns(ctx: Context, filter: { projectId?: string } = {}): Promise<Campaign[]> {
  return withScope(ctx, 'funds.read', (tx) => repo.listCampaigns(tx, filter));
}

/** @throws 404 for an unknown campaign. */
export async function getCampaign(ctx: Context, id: string): Promise<Campaign> {
  return withScope(ctx, 'funds.read', async (tx) => {
    const [campaign] = await repo.listCampaigns(tx, { id });
    if (!campaign) throw campaignNotFound();
    return campaign;
  });
}

/** @throws 403 without funds.manage over the comune, 422 IBAN_INVALID with the reason. */
export async function createCampaign(ctx: Context, body: CreateCampaignBody): Promise<Campaign> {
  const scope = authorize(ctx, 'funds.manage');
  if (!scopeCovers(scope, body.comuneCode)) throw forbidden();
  const problem = body.iban ? ibanProblem(body.iban) : null;
  if (problem) throw ibanInvalid(problem);
  return withScope(ctx, 'funds.manage', async (tx) => {
    const id = await repo.insertCampaign(tx, {
      title: body.title.trim(),
      iban: body.iban ? normalizeIban(body.iban) : null,
      holder: body.holder ?? null,
      startsOn: body.startsOn,
      endsOn: body.endsOn ?? null,
      targetCents: body.targetCents ?? null,
      projectId: body.projectId ?? null,
      lineId: body.lineId ?? null,
      comuneCode: body.comuneCode,
    });
    await writeAudit(tx, ctx, {
      action: 'fund.campaign.create',
      entityType: 'fund_campaign',
      entityId: id,
      comune: body.comuneCode,
    });
    return (await repo.listCampaigns(tx, { id }))[0]!;
  });
}
