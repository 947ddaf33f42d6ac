import { withScope } from '../../platform/access/access.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { forbidden } from '../../platform/errors.js';
import { dateInRome } from '../../platform/time.js';
import type {
  CreateProjectBody,
  ProgressReport,
  Totals,
  UpdateActionBody,
} from '../../../../shared/src/funds/funds.schemas.js';
import * as repo from './funds.repository.js';
import { balancesAt, balancesOf } from './funds.service.js';
import { actionNotFound, invalidReference, projectNotFound } from './funds.errors.js';
import { percent, type LineBalance, type SourceType } from './funds.rules.js';

/*
 * Projects (sources, periods, partners and adherents, actions with indicators, caps) and the
 * progress report the councillor of seed 004 asked for: every action's status and indicators, its
 * budget and spending by partner and by source type, the percentage spent, what changed since a
 * date — every total computed here from the budget lines and the ledger, none typed in.
 */

export const STATUS_LABELS: Record<string, string> = {
  not_started: 'Non avviata',
  in_progress: 'In corso',
  late: 'In ritardo',
  completed: 'Conclusa',
  suspended: 'Sospesa',
};

const emptyTotals = (): Totals => ({
  contributionCents: 0,
  cofinancingCents: 0,
  donationsCents: 0,
  totalCents: 0,
});

function addTo(totals: Totals, type: SourceType, cents: number): void {
  if (type === 'contribution') totals.contributionCents += cents;
  else if (type === 'cofinancing') totals.cofinancingCents += cents;
  else totals.donationsCents += cents;
  totals.totalCents += cents;
}

export async function listProjects(ctx: Context) {
  return withScope(ctx, 'funds.read', async (tx) => {
    const projects = await repo.listProjects(tx);
    const result = [];
    for (const p of projects) {
      const partners = await repo.listPartners(tx, p.id);
      const lines = (await repo.listLines(tx, { projectId: p.id })).filter((l) => l.parentLineId === null);
      const balances = await balancesOf(tx, lines);
      const budget = emptyTotals();
      for (const l of lines) addTo(budget, l.sourceType, balances.get(l.id)!.budgetCents);
      result.push({
        id: p.id,
        title: p.title,
        startYear: p.startYear,
        endYear: p.endYear,
        partnersCount: partners.filter((x) => x.role !== 'adherent').length,
        adherentsCount: partners.filter((x) => x.role === 'adherent').length,
        budget,
      });
    }
    return result;
  });
}

/**
 * Creates a project with its periods, partners, adherents, actions, indicators and caps in one
 * transaction. Used by the API and by the demo seed (with a system transaction).
 */
export async function insertProjectTree(tx: Tx, body: CreateProjectBody): Promise<string> {
  const id = await repo.insertProject(tx, {
    title: body.title.trim(),
    description: body.description ?? '',
    startYear: body.startYear,
    endYear: body.endYear,
    sourceId: body.sourceId ?? null,
  });
  for (const [i, p] of (body.periods ?? []).entries()) await repo.insertPeriod(tx, id, { ...p, position: i });
  const partnerIds = new Map<string, string>();
  for (const [i, p] of (body.partners ?? []).entries()) {
    partnerIds.set(p.name, await repo.insertPartner(tx, id, { ...p, position: i }));
  }
  for (const [i, a] of (body.actions ?? []).entries()) {
    const implementing = a.implementingPartner ? partnerIds.get(a.implementingPartner) : null;
    if (a.implementingPartner && !implementing)
      throw invalidReference('implementingPartner', 'Il partner attuatore');
    const actionId = await repo.insertAction(tx, id, {
      code: a.code,
      title: a.title,
      description: a.description ?? '',
      kind: a.kind,
      status: a.status,
      statusNote: a.statusNote ?? null,
      implementingPartnerId: implementing ?? null,
      position: i,
    });
    for (const [j, ind] of (a.indicators ?? []).entries()) {
      await repo.insertIndicator(tx, actionId, {
        label: ind.label,
        targetValue: ind.targetValue ?? null,
        actualValue: ind.actualValue ?? 0,
        unit: ind.unit ?? '',
        position: j,
      });
    }
  }
  for (const [kind, cap] of Object.entries(body.caps ?? {})) await repo.upsertCap(tx, id, kind, cap);
  return id;
}

/** @throws 403 unless the actor manages funds over the whole installation. */
export async function createProject(ctx: Context, body: CreateProjectBody): Promise<{ id: string }> {
  return withScope(ctx, 'funds.manage', async (tx, scope) => {
    if (!scope.all) throw forbidden();
    const id = await insertProjectTree(tx, body);
    await writeAudit(tx, ctx, { action: 'fund.project.create', entityType: 'fund_project', entityId: id });
    return { id };
  });
}

/**
 * Updates an action's status and its indicators' actual values.
 * @throws 403 without funds.manage, 404 for an unknown action, 422 for an indicator of another action.
 */
export async function updateAction(
  ctx: Context,
  actionId: string,
  body: UpdateActionBody,
): Promise<{ id: string }> {
  return withScope(ctx, 'funds.manage', async (tx) => {
    const action = await repo.findAction(tx, actionId);
    if (!action) throw actionNotFound();
    if (body.status !== undefined || body.statusNote !== undefined)
      await repo.updateActionStatus(
        tx,
        actionId,
        body.status ?? action.status,
        body.statusNote === undefined ? action.statusNote : body.statusNote,
      );
    for (const ind of body.indicators ?? []) {
      if (!(await repo.updateIndicatorActual(tx, actionId, ind.id, ind.actualValue)))
        throw invalidReference('indicators', 'L’indicatore');
    }
    await writeAudit(tx, ctx, {
      action: 'fund.action.update',
      entityType: 'fund_action',
      entityId: actionId,
      details: { status: body.status ?? null, indicators: (body.indicators ?? []).length },
    });
    return { id: actionId };
  });
}

/**
 * The progress report of a project at a date (default today in Rome), with the spending since
 * another date when given.
 * @throws 401/403, 404 for an unknown project.
 */
export async function progressReport(
  ctx: Context,
  projectId: string,
  options: { date?: string; since?: string },
): Promise<ProgressReport> {
  return withScope(ctx, 'funds.read', async (tx) => {
    const project = await repo.findProject(tx, projectId);
    if (!project) throw projectNotFound();
    const asOf = options.date ?? dateInRome();
    const periods = await repo.listPeriods(tx, projectId);
    const partners = await repo.listPartners(tx, projectId);
    const actions = await repo.listActions(tx, projectId);
    const lines = await repo.listLines(tx, { projectId });
    const campaigns = await repo.listCampaigns(tx, { projectId });
    const indicators = await repo.listIndicators(
      tx,
      actions.map((a) => a.id),
    );
    const caps = await repo.listCaps(tx, projectId);
    const [balances, atSince] = await balancesAt(tx, lines, [asOf, options.since ?? asOf]);
    const sinceBalances = options.since ? atSince : null;
    // Plan lines carry the budget; lines opened from them (labs, pacts, beneficiaries) only spend it.
    const plan = lines.filter((l) => l.parentLineId === null);
    const b = (l: repo.LineRow): LineBalance => balances.get(l.id)!;
    const spentSince = (l: repo.LineRow) =>
      sinceBalances ? b(l).spentCents - sinceBalances.get(l.id)!.spentCents : 0;

    const overall = emptyTotals();
    const byPeriod = new Map<string | null, Totals>();
    for (const l of plan) {
      addTo(overall, l.sourceType, b(l).budgetCents);
      if (!byPeriod.has(l.periodId)) byPeriod.set(l.periodId, emptyTotals());
      addTo(byPeriod.get(l.periodId)!, l.sourceType, b(l).budgetCents);
    }
    const spentByType = { contributionCents: 0, cofinancingCents: 0, donationsCents: 0 };
    let spent = 0;
    let committed = 0;
    let since = 0;
    for (const l of lines) {
      spent += b(l).spentCents;
      committed += b(l).committedCents;
      since += spentSince(l);
      spentByType[`${l.sourceType}Cents` as keyof typeof spentByType] += b(l).spentCents;
    }
    const partnerName = new Map(partners.map((p) => [p.id, p.name]));
    const periodRows: { periodId: string | null; label: string; totals: Totals }[] = periods.map((p) => ({
      periodId: p.id,
      label: p.label,
      totals: byPeriod.get(p.id) ?? emptyTotals(),
    }));
    if (byPeriod.has(null))
      periodRows.push({ periodId: null, label: 'Senza periodo', totals: byPeriod.get(null)! });

    return {
      project: {
        id: project.id,
        title: project.title,
        description: project.description,
        startYear: project.startYear,
        endYear: project.endYear,
        lead: partners.find((p) => p.role === 'lead')?.name ?? null,
        partnersCount: partners.filter((p) => p.role !== 'adherent').length,
        adherentsCount: partners.filter((p) => p.role === 'adherent').length,
      },
      asOf,
      since: options.since ?? null,
      totals: { overall, periods: periodRows },
      spending: {
        budgetCents: overall.totalCents,
        spentCents: spent,
        committedCents: committed,
        percentSpent: percent(spent, overall.totalCents),
        bySourceType: spentByType,
        spentSinceCents: since,
      },
      actions: actions.map((a) => {
        const own = lines.filter((l) => l.actionId === a.id);
        const budget = emptyTotals();
        for (const l of own.filter((x) => x.parentLineId === null))
          addTo(budget, l.sourceType, b(l).budgetCents);
        const actionSpent = own.reduce((s, l) => s + b(l).spentCents, 0);
        return {
          id: a.id,
          code: a.code,
          title: a.title,
          kind: a.kind,
          status: a.status,
          statusLabel: STATUS_LABELS[a.status] ?? a.status,
          statusNote: a.statusNote,
          implementingPartner: a.implementingPartnerId
            ? (partnerName.get(a.implementingPartnerId) ?? null)
            : null,
          capCents: caps.get(a.kind) ?? null,
          indicators: indicators
            .filter((i) => i.actionId === a.id)
            .map((i) => ({
              id: i.id,
              label: i.label,
              targetValue: i.targetValue,
              actualValue: i.actualValue,
              unit: i.unit,
            })),
          budget,
          spentCents: actionSpent,
          committedCents: own.reduce((s, l) => s + b(l).committedCents, 0),
          percentSpent: percent(actionSpent, budget.totalCents),
          spentSinceCents: own.reduce((s, l) => s + spentSince(l), 0),
          lines: own
            .filter((l) => l.parentLineId !== null)
            .map((l) => ({
              id: l.id,
              label: l.label,
              budgetCents: b(l).budgetCents,
              spentCents: b(l).spentCents,
            })),
        };
      }),
      partners: partners
        .filter((p) => p.role !== 'adherent')
        .map((p) => {
          const own = lines.filter((l) => l.partnerId === p.id);
          const budget = emptyTotals();
          for (const l of own.filter((x) => x.parentLineId === null))
            addTo(budget, l.sourceType, b(l).budgetCents);
          const partnerSpent = own.reduce((s, l) => s + b(l).spentCents, 0);
          return {
            partnerId: p.id,
            name: p.name,
            role: p.role,
            budget,
            spentCents: partnerSpent,
            committedCents: own.reduce((s, l) => s + b(l).committedCents, 0),
            percentSpent: percent(partnerSpent, budget.totalCents),
          };
        }),
      adherents: partners.filter((p) => p.role === 'adherent').map((p) => p.name),
      campaigns: campaigns.map((c) => ({
        id: c.id,
        title: c.title,
        donors: c.donors,
        raisedCents: c.raisedCents,
        contacts: c.contacts,
      })),
    };
  });
}
