import { createHash } from 'node:crypto';
import { requireActor, withScope } from '../../platform/access/access.js';
import { can, scopeCovers, scopeOf, type Actor } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import type { Tx } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import {
  AssessmentInputError,
  compareAssessments,
  DEFAULT_ASSESSMENT_FORM,
  fieldLabel,
  scoreAssessment,
  sinaRecordOf,
  type AssessmentAnswers,
} from '../../../../shared/src/cases/assessment.js';
import { sinbaInvalidField, sinbaMissing } from '../../../../shared/src/cases/sinba.js';
import type {
  Assessment,
  AssessmentBody,
  MinorAssessment,
  MinorAssessmentBody,
  MinorAssessments,
  AssessmentComparison,
  Board,
  BoardQuery,
  BudgetBody,
  BudgetSources,
  CaseDetail,
  CasesPage,
  CasesQuery,
  CaseStatusBody,
  CompleteStepBody,
  CreateCaseBody,
  DischargeBody,
  DischargeHomePlanBody,
  DocumentMeta,
  EntryBody,
  ExpenseBody,
  ExpenseReversalBody,
  InterventionOptions,
  PlanBody,
  PlanTransitionBody,
  PlanUpdateBody,
  Timeline,
  TimelineItem,
} from '../../../../shared/src/cases/cases.schemas.js';
import { findUserContacts, type UserContact } from '../accounts/index.js';
import { enqueueNotification } from '../notifications/index.js';
import { ageOn, findPersonRecord, markKnownToSocialServices, type PersonRow } from '../people/index.js';
import { findHelpRequest, helpRequestsOfPerson } from '../requests/index.js';
import { municipalServicesOf, ordersOfPerson } from '../catalog/index.js';
import { lineBalanceOf, personalBudgetSourceLines } from '../funds/index.js';
import { tasksOfHelpRequest } from '../tasks/index.js';
import * as errors from './cases.errors.js';
import { casesBudgetLedger, type PersonalBudgetLedger } from './cases.ledger.js';
import {
  BREAK_GLASS_HOURS,
  BREAK_GLASS_MIN_REASON,
  caseAccess,
  mayChangeCase,
  mayManageCase,
  type CaseAccess,
} from './cases.policy.js';
import {
  presentAssessment,
  presentBudget,
  presentCaseDetail,
  presentCaseSummary,
  presentDischarge,
  presentDocument,
  presentPlan,
} from './cases.presenter.js';
import * as repo from './cases.repository.js';
import {
  budgetIsNearCap,
  checkCaseStatusChange,
  checkDischargeChecklist,
  checkPlanTransition,
  DEFAULT_PERSONAL_BUDGET_CAP_CENTS,
  dischargeState,
  DISCHARGE_STEPS,
  planIsEditable,
  reviewIsDue,
  RuleViolation,
  type PlanTransition,
} from './cases.rules.js';

/** The ledger personal budgets are booked on (funds' ledger through funds/index.ts; see cases.ledger.ts). */
let ledger: PersonalBudgetLedger = casesBudgetLedger;
/** For tests and for linking the funds ledger at start-up. */
export function usePersonalBudgetLedger(next: PersonalBudgetLedger): void {
  ledger = next;
}

const today = () => dateInRome();

// ---------------------------------------------------------------------------------------------
// Access

type Full = Extract<CaseAccess, { level: 'full' }>;

async function actorFacts(tx: Tx, actor: Actor) {
  const [teams, grants] = await Promise.all([
    repo.teamFactsOf(tx, actor.userId),
    repo.activeGrantCases(tx, actor.userId),
  ]);
  return { ...teams, grants };
}

function decide(actor: Actor, row: repo.CaseRow, facts: Awaited<ReturnType<typeof actorFacts>>): CaseAccess {
  return caseAccess(
    actor,
    row.id,
    { comuneCode: row.comune_code, responsibleUserId: row.responsible_user_id, teamId: row.team_id },
    {
      memberOfTeams: new Set(facts.memberOf),
      supervisorOfTeams: new Set(facts.supervisorOf),
      breakGlassCases: new Set(facts.grants),
    },
  );
}

/**
 * The case file of a person that the actor may open in full (responsible, team, supervisor, or a
 * break-glass still in force), or null: for another module's link to it, and nothing of its content.
 * Through `case.read`'s territory (RLS) and the policy above; an actor without the right gets null
 * without a read. An open (or suspended) file before a closed one, the newest first.
 */
export async function visibleCaseOfPerson(ctx: Context, personId: string): Promise<string | null> {
  const actor = requireActor(ctx);
  if (!can(actor, 'case.read')) return null;
  return withScope(ctx, 'case.read', async (tx) => {
    const rows = await repo.casesOfPerson(tx, personId);
    if (rows.length === 0) return null;
    const facts = await actorFacts(tx, actor);
    const visible = rows.filter((r) => decide(actor, r, facts).level === 'full').reverse();
    return (visible.find((r) => r.status !== 'closed') ?? visible[0])?.id ?? null;
  });
}

/** What the denied attempt left behind, to audit it in its own transaction (the use case rolls back). */
class Denied extends Error {
  constructor(
    readonly error: Error,
    readonly row: repo.CaseRow,
  ) {
    super(error.message);
  }
}

/**
 * Runs `work` on one case the actor has full access to. Security-critical: the capability is
 * checked before any read, the territory by RLS and by the policy (404), the team by the policy
 * (403 CASE_BREAK_GLASS_REQUIRED for another team's social worker, audited as a denied access).
 * With `change`, the actor must also be allowed to change the file (not through break-glass).
 */
async function withCase<T>(
  ctx: Context,
  id: string,
  mode: 'read' | 'change' | 'manage',
  work: (tx: Tx, row: repo.CaseRow, access: Full, actor: Actor) => Promise<T>,
): Promise<T> {
  const actor = requireActor(ctx);
  try {
    return await withScope(ctx, mode === 'read' ? 'case.read' : 'case.write', async (tx) => {
      const row = await repo.findCase(tx, id, mode !== 'read');
      if (!row) throw errors.caseNotFound();
      const access = decide(actor, row, await actorFacts(tx, actor));
      if (access.level === 'hidden') throw errors.caseNotFound();
      if (access.level === 'none') throw new Denied(forbidden(), row);
      if (access.level === 'break_glass_available') throw new Denied(errors.breakGlassRequired(), row);
      const facts = {
        comuneCode: row.comune_code,
        responsibleUserId: row.responsible_user_id,
        teamId: row.team_id,
      };
      if (mode !== 'read' && !mayChangeCase(access, actor, facts))
        throw new Denied(errors.notInCaseTeam(), row);
      if (mode === 'manage' && !mayManageCase(access))
        throw new Denied(errors.onlyResponsibleOrSupervisor(), row);
      if (mode !== 'read' && row.status === 'closed') throw errors.caseClosed();
      return work(tx, row, access, actor);
    });
  } catch (error) {
    if (!(error instanceof Denied)) throw error;
    await withScope(ctx, 'case.read', (tx) =>
      writeAudit(tx, ctx, {
        action: 'case.access_denied',
        entityType: 'case',
        entityId: error.row.id,
        comune: error.row.comune_code,
        details: { mode, code: (error.error as { code?: string }).code },
      }),
    ).catch(() => undefined);
    throw error.error;
  }
}

async function auditCase(
  tx: Tx,
  ctx: Context,
  row: repo.CaseRow,
  action: 'case.read' | 'case.update',
  details: Record<string, unknown>,
) {
  await writeAudit(tx, ctx, {
    action,
    entityType: 'case',
    entityId: row.id,
    comune: row.comune_code,
    details,
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

async function peopleOf(tx: Tx, ids: readonly string[]): Promise<Map<string, PersonRow>> {
  const map = new Map<string, PersonRow>();
  for (const id of new Set(ids)) {
    const p = await findPersonRecord(tx, id);
    if (p) map.set(id, p);
  }
  return map;
}

async function flagsOf(tx: Tx, caseIds: readonly string[], on: string) {
  const [plans, discharges] = await Promise.all([
    repo.listPlans(tx, caseIds),
    repo.dischargesOf(tx, caseIds),
  ]);
  const [budgets, steps] = await Promise.all([
    repo.budgetsOfPlans(
      tx,
      plans.map((p) => p.id),
    ),
    repo.stepsOf(
      tx,
      discharges.map((d) => d.id),
    ),
  ]);
  const flags = new Map<string, { reviewDue: boolean; lateDischarge: boolean; budgetNearCap: boolean }>();
  for (const id of caseIds) flags.set(id, { reviewDue: false, lateDischarge: false, budgetNearCap: false });
  for (const p of plans)
    if (reviewIsDue({ state: p.state, reviewDate: p.review_date }, on, addDays))
      flags.get(p.case_id)!.reviewDue = true;
  for (const b of budgets)
    if (budgetIsNearCap({ capCents: b.cap_cents, spentCents: b.spent_cents }))
      flags.get(b.case_id)!.budgetNearCap = true;
  for (const d of discharges) {
    if (d.status !== 'in_progress') continue;
    const late = steps.some((s) => s.discharge_id === d.id && !s.completed_on && s.deadline < on);
    if (late) flags.get(d.case_id)!.lateDischarge = true;
  }
  return { flags, plans, discharges, budgets, steps };
}

/**
 * The cases the actor follows: as responsible, through the team, as supervisor, or through an
 * active break-glass grant. One audit event lists the ids returned.
 * @throws 401/403 without case.read.
 */
export async function listCases(ctx: Context, query: CasesQuery): Promise<CasesPage> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'case.read', async (tx) => {
    const facts = await actorFacts(tx, actor);
    const rows = (await repo.searchCases(tx, actor.userId, facts, query)).filter(
      (r) => decide(actor, r, facts).level === 'full',
    );
    const items = await summaries(tx, actor, rows, facts);
    await writeAudit(tx, ctx, {
      action: 'case.search',
      entityType: 'case',
      details: { ids: rows.map((r) => r.id), filters: Object.keys(query) },
    });
    return { items, total: items.length };
  });
}

async function summaries(
  tx: Tx,
  actor: Actor,
  rows: repo.CaseRow[],
  facts: Awaited<ReturnType<typeof actorFacts>>,
) {
  const ids = rows.map((r) => r.id);
  const [people, users, { flags }] = await Promise.all([
    peopleOf(
      tx,
      rows.map((r) => r.person_id),
    ),
    findUserContacts(
      tx,
      rows.map((r) => r.responsible_user_id),
    ),
    flagsOf(tx, ids, today()),
  ]);
  return rows.map((r) =>
    presentCaseSummary(r, people.get(r.person_id), decide(actor, r, facts) as Full, users, flags.get(r.id)!),
  );
}

async function detailParts(tx: Tx, row: repo.CaseRow, on: string) {
  const ids = [row.id];
  const [assessments, plans, discharges, documents] = await Promise.all([
    repo.listAssessments(tx, ids),
    repo.listPlans(tx, ids),
    repo.dischargesOf(tx, ids),
    repo.documentsOf(tx, ids),
  ]);
  const planIds = plans.map((p) => p.id);
  const [parts, budgets, steps] = await Promise.all([
    repo.planParts(tx, planIds),
    repo.budgetsOfPlans(tx, planIds),
    repo.stepsOf(
      tx,
      discharges.map((d) => d.id),
    ),
  ]);
  const expenses = await repo.expensesOf(
    tx,
    budgets.map((b) => b.id),
  );
  const users = await findUserContacts(tx, [
    row.responsible_user_id,
    ...steps.map((s) => s.responsible_user_id).filter((u): u is string => u !== null),
  ]);
  return {
    users,
    parts: {
      assessments: assessments.map(presentAssessment),
      plans: plans.map((p) => {
        const budget = budgets.find((b) => b.plan_id === p.id);
        return presentPlan(
          p,
          parts,
          budget ? presentBudget(budget, expenses) : null,
          reviewIsDue({ state: p.state, reviewDate: p.review_date }, on, addDays),
        );
      }),
      discharges: discharges.map((d) => presentDischarge(d, steps, users, on)),
      documents: documents.map(presentDocument),
    },
  };
}

async function detailOf(tx: Tx, actor: Actor, row: repo.CaseRow, access: Full): Promise<CaseDetail> {
  const fresh = (await repo.findCase(tx, row.id))!;
  const person = await findPersonRecord(tx, fresh.person_id);
  const { users, parts } = await detailParts(tx, fresh, today());
  return presentCaseDetail(actor, fresh, person, access, users, parts);
}

/**
 * One case file for who may read it; the read is audited with the ground of access.
 * @throws 403 without case.read or outside the team (CASE_BREAK_GLASS_REQUIRED), 404 unknown or
 * outside the territory.
 */
export async function getCase(ctx: Context, id: string): Promise<CaseDetail> {
  return withCase(ctx, id, 'read', async (tx, row, access, actor) => {
    await auditCase(tx, ctx, row, 'case.read', { because: access.because });
    return detailOf(tx, actor, row, access);
  });
}

/**
 * The timeline: the case's own entries (never deleted; corrections point at what they correct)
 * with the person's help requests and their tasks and catalogue orders, oldest first. Audited as a read.
 */
export async function getTimeline(ctx: Context, id: string): Promise<Timeline> {
  return withCase(ctx, id, 'read', async (tx, row, access) => {
    const entries = await repo.listEntries(tx, row.id);
    const correctedBy = new Map(
      entries.filter((e) => e.corrects_entry_id).map((e) => [e.corrects_entry_id!, e.id]),
    );
    const items: TimelineItem[] = entries.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      summary: e.summary,
      body: e.body,
      author: e.author_name,
      correctsEntryId: e.corrects_entry_id,
      correctedBy: correctedBy.get(e.id) ?? null,
      source: 'case',
    }));
    for (const r of await helpRequestsOfPerson(tx, row.person_id)) {
      items.push({
        id: r.id,
        at: r.created_at,
        kind: 'help_request',
        summary: `Richiesta d'aiuto: ${r.intervention_type_name} (${r.status})`,
        body: r.description || null,
        author: r.created_by_name,
        correctsEntryId: null,
        correctedBy: null,
        source: 'request',
      });
      for (const t of await tasksOfHelpRequest(tx, r.id))
        items.push({
          id: t.id,
          at: t.completed_at ?? `${t.due_date}T08:00:00Z`,
          kind: 'task',
          summary: `${t.intervention_type_name} del ${t.due_date}: ${t.status}${t.organization_name ? ` (${t.organization_name})` : ''}`,
          body: t.outcome_notes,
          author: t.volunteer_name,
          correctsEntryId: null,
          correctedBy: null,
          source: 'task',
        });
    }
    for (const o of await ordersOfPerson(tx, row.person_id))
      items.push({
        id: o.id,
        at: o.createdAt,
        kind: 'catalog_order',
        summary: `Ordine dal catalogo: ${o.serviceName} (${o.providerName}), ${o.quantity} × ${o.unit} dal ${o.startDate}: ${o.status}`,
        body: null,
        author: null,
        correctsEntryId: null,
        correctedBy: null,
        source: 'catalog_order',
      });
    // By instant, not by text: the modules write their instants with different precision.
    items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    await auditCase(tx, ctx, row, 'case.read', { because: access.because, part: 'timeline' });
    return { items };
  });
}

// ---------------------------------------------------------------------------------------------
// Opening and status

/**
 * Opens a case for a person in the actor's territory, with a team of that territory; the person
 * becomes "followed by social services" in the registry (all others may learn).
 * @throws 403 without case.write, 404 person outside the territory, 422 invalid team/responsible/source.
 */
export async function createCase(ctx: Context, body: CreateCaseBody): Promise<CaseDetail> {
  const actor = requireActor(ctx);
  const id = await withScope(ctx, 'case.write', async (tx, scope) => {
    const person = await findPersonRecord(tx, body.personId);
    if (!person || !scopeCovers(scope, person.comune_code)) throw errors.personNotFound();
    const team = await repo.findTeam(tx, body.teamId);
    if (!team) throw errors.teamNotFound();
    const responsible = body.responsibleUserId ?? actor.userId;
    const teamFacts = await repo.teamFactsOf(tx, responsible);
    if (![...teamFacts.memberOf, ...teamFacts.supervisorOf].includes(team.id))
      throw errors.responsibleNotInTeam();
    if (body.source === 'help_request' && !body.sourceRequestId) throw errors.sourceRequestMissing();
    if (body.sourceRequestId) {
      const request = await findHelpRequest(tx, body.sourceRequestId);
      if (!request || request.beneficiary_id !== person.id) throw errors.requestNotOfPerson();
    }
    const caseId = await repo.insertCase(tx, {
      personId: person.id,
      householdId: person.household_id,
      comuneCode: person.comune_code,
      area: body.area,
      source: body.source,
      sourceRequestId: body.sourceRequestId ?? null,
      reason: body.reason.trim(),
      responsibleUserId: responsible,
      teamId: team.id,
      openedOn: today(),
      createdBy: actor.userId,
    });
    await repo.insertEntry(tx, {
      caseId,
      comuneCode: person.comune_code,
      kind: 'opened',
      summary: 'Presa in carico',
      body: body.reason.trim(),
      details: { source: body.source, sourceRequestId: body.sourceRequestId ?? null },
      authorUserId: actor.userId,
    });
    await markKnownToSocialServices(tx, person.id);
    await writeAudit(tx, ctx, {
      action: 'case.create',
      entityType: 'case',
      entityId: caseId,
      comune: person.comune_code,
      details: { personId: person.id, source: body.source, area: body.area },
    });
    return caseId;
  });
  return getCase(ctx, id);
}

/**
 * Suspends, resumes or closes (with an outcome) a case: the responsible worker or the supervisor.
 * @throws 409 stale version or closed case, 422 outcome missing.
 */
export async function changeCaseStatus(ctx: Context, id: string, body: CaseStatusBody): Promise<CaseDetail> {
  return withCase(ctx, id, 'manage', async (tx, row, access, actor) => {
    try {
      checkCaseStatusChange(row.status, body.status, body.outcome);
    } catch (e) {
      throw asHttp(e);
    }
    const closedOn = body.status === 'closed' ? today() : null;
    const outcome = body.status === 'closed' ? body.outcome!.trim() : null;
    if (!(await repo.setCaseStatus(tx, id, body.version, body.status, outcome, closedOn)))
      throw errors.staleVersion();
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      kind: 'status',
      summary: `Stato: ${body.status}`,
      body: outcome,
      details: { from: row.status, to: body.status },
      authorUserId: actor.userId,
    });
    await auditCase(tx, ctx, row, 'case.update', { field: 'status', to: body.status });
    return detailOf(tx, actor, row, access);
  });
}

function asHttp(e: unknown): Error {
  if (e instanceof RuleViolation) return errors.ruleBroken(e.code, e.field, e.details);
  return e as Error;
}

/**
 * Break the glass: a social worker of the territory outside the team opens the file in an
 * emergency. The reason is required; the grant lasts BREAK_GLASS_HOURS; the responsible worker
 * and the team's supervisors are told through the outbox; the timeline and the audit show it.
 * @throws 422 without a reason, 409 when the actor already has access, 403 for other roles, 404.
 */
export async function breakGlass(ctx: Context, id: string, reason: string): Promise<CaseDetail> {
  const actor = requireActor(ctx);
  const trimmed = reason.trim();
  if (trimmed.length < BREAK_GLASS_MIN_REASON) throw errors.breakGlassReasonRequired();
  await withScope(ctx, 'case.breakGlass', async (tx) => {
    const row = await repo.findCase(tx, id);
    if (!row) throw errors.caseNotFound();
    const access = decide(actor, row, await actorFacts(tx, actor));
    if (access.level === 'hidden') throw errors.caseNotFound();
    if (access.level === 'full') throw errors.breakGlassNotNeeded();
    if (access.level === 'none') throw forbidden();
    await repo.insertGrant(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      userId: actor.userId,
      reason: trimmed,
      hours: BREAK_GLASS_HOURS,
    });
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      kind: 'break_glass',
      summary: `Accesso di emergenza di ${actor.fullName}`,
      body: trimmed,
      authorUserId: actor.userId,
    });
    const supervisors = await repo.teamSupervisors(tx, row.team_id);
    const recipients = await findUserContacts(tx, [row.responsible_user_id, ...supervisors]);
    for (const user of recipients.values())
      await enqueueNotification(tx, {
        kind: 'case.break_glass',
        recipientEmail: user.email,
        recipientPhone: null,
        subject: 'Legami: accesso di emergenza a un fascicolo',
        // Ids only: the notification leaves the access layer, the person's name does not.
        body: `${actor.fullName} ha aperto in emergenza il fascicolo ${id} (${row.comune_name}) il ${today()}. Motivo: ${trimmed}\nL'accesso resta registrato nel fascicolo e nel registro degli accessi.`,
      });
    await writeAudit(tx, ctx, {
      action: 'case.break_glass',
      entityType: 'case',
      entityId: id,
      comune: row.comune_code,
      details: { notified: [...recipients.keys()], hours: BREAK_GLASS_HOURS },
    });
  });
  return getCase(ctx, id);
}

/** A note, a contact or a correction of an earlier entry (never an edit). */
export async function addEntry(ctx: Context, id: string, body: EntryBody): Promise<Timeline> {
  await withCase(ctx, id, 'change', async (tx, row, _access, actor) => {
    if (body.kind === 'correction') {
      if (!body.correctsEntryId || !(await repo.entryBelongsTo(tx, body.correctsEntryId, id)))
        throw errors.ruleBroken('CORRECTION_TARGET', 'correctsEntryId');
    }
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      kind: body.kind,
      summary: body.summary.trim(),
      body: body.body?.trim() || null,
      correctsEntryId: body.kind === 'correction' ? body.correctsEntryId! : null,
      authorUserId: actor.userId,
    });
    await auditCase(tx, ctx, row, 'case.update', { part: 'timeline', kind: body.kind });
  });
  return getTimeline(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// Assessments

/**
 * Records an assessment on the default form: validated, scored (Katz ADL, Lawton IADL, need per
 * domain) and reduced to its SINA record.
 * @throws 422 naming the first field missing or invalid.
 */
export async function recordAssessment(ctx: Context, id: string, body: AssessmentBody): Promise<Assessment> {
  return withCase(ctx, id, 'change', async (tx, row, _access, actor) => {
    if (body.assessedOn > today()) throw errors.dateInFuture('assessedOn', 'Data della valutazione');
    const form = DEFAULT_ASSESSMENT_FORM;
    const answers: AssessmentAnswers = { items: body.items, scales: body.scales, notes: body.notes ?? {} };
    let scores;
    try {
      scores = scoreAssessment(form, answers);
    } catch (e) {
      if (e instanceof AssessmentInputError)
        throw errors.assessmentInvalid(e.field, fieldLabel(form, e.field), e.problem);
      throw e;
    }
    const assessmentId = await repo.insertAssessment(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      formId: form.id,
      formVersion: form.version,
      assessedOn: body.assessedOn,
      answers,
      scores,
      sina: sinaRecordOf(form, answers),
      adl: scores.adl,
      iadl: scores.iadl,
      assessorUserId: actor.userId,
    });
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      kind: 'assessment',
      summary: `Valutazione multidimensionale del ${body.assessedOn}: ADL ${scores.adl ?? '—'}/6, IADL ${scores.iadl ?? '—'}/8`,
      details: { assessmentId },
      authorUserId: actor.userId,
    });
    await auditCase(tx, ctx, row, 'case.update', { part: 'assessment', assessmentId });
    return presentAssessment((await repo.findAssessment(tx, assessmentId))!);
  });
}

// ---------------------------------------------------------------------------------------------
// A minor's assessment (SINBA)

function presentMinorAssessment(row: repo.MinorAssessmentRow): MinorAssessment {
  const record = { attributes: row.attributes, famiglia: row.famiglia };
  return {
    id: row.id,
    assessedOn: row.assessed_on,
    attributes: row.attributes,
    famiglia: row.famiglia,
    missing: sinbaMissing(record),
    assessor: row.assessor_user_id ? { id: row.assessor_user_id, name: row.assessor_name ?? '—' } : null,
    createdAt: row.created_at,
  };
}

/** The case's minor's assessments, newest first, with what SINBA still lacks. Audited as a read. */
export async function listMinorAssessments(ctx: Context, id: string): Promise<MinorAssessments> {
  return withCase(ctx, id, 'read', async (tx, row, access) => {
    const rows = await repo.listMinorAssessments(tx, id);
    await auditCase(tx, ctx, row, 'case.read', { part: 'minor_assessment', because: access.because });
    return { items: rows.map(presentMinorAssessment) };
  });
}

/**
 * Records the minor's assessment SINBA needs. Incomplete is allowed (the social worker may not
 * know everything yet: what is missing is shown, and SIUSS names it to the operator); a value the
 * schema would refuse is not. @throws 422 for a value outside SINBA.xsd, a future date or an adult
 */
export async function recordMinorAssessment(
  ctx: Context,
  id: string,
  body: MinorAssessmentBody,
): Promise<MinorAssessment> {
  return withCase(ctx, id, 'change', async (tx, row, _access, actor) => {
    if (body.assessedOn > today()) throw errors.dateInFuture('assessedOn', 'Data della valutazione');
    const person = await findPersonRecord(tx, row.person_id);
    if (!person || ageOn(person.birth_date, body.assessedOn) >= 18) throw errors.minorAssessmentForAdult();
    const attributes = Object.fromEntries(Object.entries(body.attributes).filter(([, v]) => v !== ''));
    const invalid = sinbaInvalidField({ attributes, famiglia: body.famiglia });
    if (invalid) throw errors.minorAssessmentInvalid(invalid.field, invalid.label);
    await repo.insertMinorAssessment(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      assessedOn: body.assessedOn,
      attributes,
      famiglia: [...body.famiglia].sort(),
      assessorUserId: actor.userId,
    });
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      kind: 'assessment',
      summary: `Valutazione del minore (SINBA) del ${body.assessedOn}`,
      details: { part: 'minor_assessment' },
      authorUserId: actor.userId,
    });
    await auditCase(tx, ctx, row, 'case.update', { part: 'minor_assessment' });
    return presentMinorAssessment((await repo.listMinorAssessments(tx, id))[0]!);
  });
}

/** Two assessments of the same case side by side: what changed per domain. */
export async function compareCaseAssessments(
  ctx: Context,
  id: string,
  fromId: string,
  toId: string,
): Promise<AssessmentComparison> {
  if (fromId === toId) throw errors.comparisonNeedsTwo();
  return withCase(ctx, id, 'read', async (tx, row, access) => {
    const [a, b] = await Promise.all([repo.findAssessment(tx, fromId), repo.findAssessment(tx, toId)]);
    if (!a || !b || a.case_id !== id || b.case_id !== id) throw errors.assessmentNotFound();
    const [earlier, later] = a.assessed_on <= b.assessed_on ? [a, b] : [b, a];
    const comparison = compareAssessments(
      DEFAULT_ASSESSMENT_FORM,
      earlier.answers as unknown as AssessmentAnswers,
      later.answers as unknown as AssessmentAnswers,
    );
    await auditCase(tx, ctx, row, 'case.read', {
      because: access.because,
      part: 'comparison',
      ids: [fromId, toId],
    });
    return {
      from: { id: earlier.id, assessedOn: earlier.assessed_on },
      to: { id: later.id, assessedOn: later.assessed_on },
      ...comparison,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Plans and budgets

function checkGoalDates(body: Pick<PlanBody, 'goals' | 'reviewDate'>, openedOn: string) {
  for (const [i, g] of body.goals.entries())
    if (g.deadline < openedOn) throw errors.ruleBroken('GOAL_DEADLINE_BEFORE_CASE', `goals.${i}.deadline`);
  if (body.reviewDate && body.reviewDate < openedOn)
    throw errors.ruleBroken('REVIEW_BEFORE_CASE', 'reviewDate');
}

/** A new plan in draft, with goals, commitments and interventions. */
export async function createPlan(ctx: Context, id: string, body: PlanBody): Promise<CaseDetail> {
  return withCase(ctx, id, 'change', async (tx, row, access, actor) => {
    checkGoalDates(body, row.opened_on);
    await checkInterventionReferences(tx, body, row);
    const planId = await repo.insertPlan(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      kind: body.kind,
      title: body.title.trim(),
      reviewDate: body.reviewDate ?? null,
      createdBy: actor.userId,
    });
    await repo.replacePlanParts(tx, planId, row.comune_code, body);
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      kind: 'plan',
      summary: `Progetto "${body.title.trim()}" in bozza (${body.goals.length} obiettivi)`,
      details: { planId },
      authorUserId: actor.userId,
    });
    await auditCase(tx, ctx, row, 'case.update', { part: 'plan', planId });
    return detailOf(tx, actor, row, access);
  });
}

/** What a plan's interventions may point at, by kind: the person's own records and the comune's services. */
async function interventionChoices(tx: Tx, row: repo.CaseRow): Promise<InterventionOptions> {
  const requests = await helpRequestsOfPerson(tx, row.person_id);
  const task: InterventionOptions['task'] = [];
  for (const r of requests)
    for (const t of await tasksOfHelpRequest(tx, r.id))
      task.push({ id: t.id, label: `${t.intervention_type_name} del ${t.due_date}` });
  const [orders, services] = await Promise.all([
    ordersOfPerson(tx, row.person_id),
    municipalServicesOf(tx, row.comune_code),
  ]);
  return {
    help_request: requests.map((r) => ({
      id: r.id,
      label: `${r.intervention_type_name}, richiesta del ${r.created_at.slice(0, 10)}`,
    })),
    task,
    catalog_order: orders.map((o) => ({
      id: o.id,
      label: `${o.serviceName} (${o.providerName}) dal ${o.startDate}`,
    })),
    municipal_service: services.map((m) => ({ id: m.id, label: `${m.name} (${m.providerName})` })),
  };
}

/**
 * An intervention's reference must be one of its kind's choices: the person's own help request,
 * task or catalogue order, or a municipal service of the case's comune.
 * @throws 422 INTERVENTION_REFERENCE naming the field.
 */
async function checkInterventionReferences(tx: Tx, body: Pick<PlanBody, 'interventions'>, row: repo.CaseRow) {
  if (!body.interventions.some((v) => v.referenceId)) return;
  const choices = await interventionChoices(tx, row);
  for (const [i, v] of body.interventions.entries()) {
    if (v.referenceId && !choices[v.kind].some((c) => c.id === v.referenceId))
      throw errors.ruleBroken('INTERVENTION_REFERENCE', `interventions.${i}.referenceId`);
  }
}

/** The choices for a plan's interventions (read of the person's records: audited). */
export async function listInterventionOptions(ctx: Context, id: string): Promise<InterventionOptions> {
  return withCase(ctx, id, 'read', async (tx, row, access) => {
    const choices = await interventionChoices(tx, row);
    await auditCase(tx, ctx, row, 'case.read', { because: access.because, part: 'intervention_options' });
    return choices;
  });
}

async function planOf(tx: Tx, caseId: string, planId: string, forUpdate = false) {
  const plan = await repo.findPlan(tx, planId, forUpdate);
  if (!plan || plan.case_id !== caseId) throw errors.planNotFound();
  return plan;
}

/** Changes an editable plan (draft or under review). */
export async function updatePlan(
  ctx: Context,
  id: string,
  planId: string,
  body: PlanUpdateBody,
): Promise<CaseDetail> {
  return withCase(ctx, id, 'change', async (tx, row, access, actor) => {
    const plan = await planOf(tx, id, planId, true);
    if (!planIsEditable(plan.state)) throw errors.ruleBroken('PLAN_NOT_EDITABLE', 'state');
    checkGoalDates(body, row.opened_on);
    await checkInterventionReferences(tx, body, row);
    if (
      !(await repo.updatePlanHeader(tx, planId, body.version, {
        title: body.title.trim(),
        reviewDate: body.reviewDate ?? null,
      }))
    )
      throw errors.staleVersion();
    await repo.replacePlanParts(tx, planId, row.comune_code, body);
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      kind: 'plan',
      summary: `Progetto "${body.title.trim()}" modificato`,
      details: { planId },
      authorUserId: actor.userId,
    });
    await auditCase(tx, ctx, row, 'case.update', { part: 'plan', planId });
    return detailOf(tx, actor, row, access);
  });
}

const STATE_LABEL = { agreed: 'sottoscritto', under_review: 'in revisione', closed: 'chiuso' } as const;

/** Moves a plan: agreed (signed: date and how), under review, closed with each goal's outcome. */
export async function transitionPlan(
  ctx: Context,
  id: string,
  planId: string,
  body: PlanTransitionBody,
): Promise<CaseDetail> {
  return withCase(ctx, id, 'change', async (tx, row, access, actor) => {
    const plan = await planOf(tx, id, planId, true);
    const { goals } = await repo.planParts(tx, [planId]);
    const transition: PlanTransition =
      body.to === 'agreed'
        ? {
            to: 'agreed',
            signedOn: body.signedOn ?? '',
            signatureMethod: body.signatureMethod ?? ('' as never),
          }
        : body.to === 'closed'
          ? { to: 'closed', outcomes: body.outcomes ?? {} }
          : { to: 'under_review' };
    try {
      checkPlanTransition({ state: plan.state, goalIds: goals.map((g) => g.id) }, transition, today());
    } catch (e) {
      throw asHttp(e);
    }
    const ok = await repo.setPlanState(tx, planId, body.version, {
      state: body.to,
      ...(transition.to === 'agreed'
        ? { signedOn: transition.signedOn, signatureMethod: transition.signatureMethod }
        : {}),
      ...(transition.to === 'closed' ? { closedOn: today() } : {}),
    });
    if (!ok) throw errors.staleVersion();
    if (transition.to === 'closed') await repo.setGoalOutcomes(tx, transition.outcomes);
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      kind: 'plan',
      summary:
        transition.to === 'agreed'
          ? `Progetto "${plan.title}" sottoscritto il ${transition.signedOn} (${transition.signatureMethod})`
          : `Progetto "${plan.title}" ${STATE_LABEL[body.to]}`,
      details: { planId, from: plan.state, to: body.to },
      authorUserId: actor.userId,
    });
    await auditCase(tx, ctx, row, 'case.update', { part: 'plan', planId, to: body.to });
    return detailOf(tx, actor, row, access);
  });
}

/** The funds lines a budget of a case in this comune may be drawn from, with what they have left. */
async function budgetSources(tx: Tx, comuneCode: string): Promise<BudgetSources['items']> {
  const { actionLines, comuneLines } = await personalBudgetSourceLines(tx, comuneCode);
  const items: BudgetSources['items'] = [];
  for (const [programme, lines] of [
    ['pnrr_home_care', comuneLines],
    ['fare_legami', actionLines],
  ] as const)
    for (const line of lines) {
      const balance = await lineBalanceOf(tx, line.id);
      if (balance)
        items.push({ id: line.id, label: line.label, programme, availableCents: balance.availableCents });
    }
  return items;
}

/**
 * A budget's source line is one of the case's candidates for its programme; PNRR home care is
 * always drawn from the comune's share (so activations stop when the share is spent).
 * @throws 422 BUDGET_SOURCE_REQUIRED / BUDGET_SOURCE_INVALID on field sourceLineId.
 */
async function checkBudgetSource(tx: Tx, comuneCode: string, body: BudgetBody) {
  if (!body.sourceLineId) {
    if (body.programme === 'pnrr_home_care')
      throw errors.ruleBroken('BUDGET_SOURCE_REQUIRED', 'sourceLineId');
    return;
  }
  const source = (await budgetSources(tx, comuneCode)).find((l) => l.id === body.sourceLineId);
  const fits =
    body.programme === 'comune' || body.programme === 'other' || source?.programme === body.programme;
  if (!source || !fits) throw errors.ruleBroken('BUDGET_SOURCE_INVALID', 'sourceLineId');
}

/** The funds lines the case's budgets may be drawn from (no personal data; audited with the case). */
export async function listBudgetSources(ctx: Context, id: string): Promise<BudgetSources> {
  return withCase(ctx, id, 'change', async (tx, row, access) => {
    const items = await budgetSources(tx, row.comune_code);
    await auditCase(tx, ctx, row, 'case.read', { because: access.because, part: 'budget_sources' });
    return { items };
  });
}

/**
 * Gives a plan a personal budget: a capped line (default €2,000, Fare Legami) on the ledger.
 * @throws 409 when the plan already has one.
 */
export async function createBudget(
  ctx: Context,
  id: string,
  planId: string,
  body: BudgetBody,
): Promise<CaseDetail> {
  return withCase(ctx, id, 'change', async (tx, row, access, actor) => {
    const plan = await planOf(tx, id, planId, true);
    if (plan.state === 'closed') throw errors.ruleBroken('PLAN_NOT_EDITABLE', 'state');
    if ((await repo.budgetsOfPlans(tx, [planId])).length > 0) throw errors.budgetExists();
    const capCents = body.capCents ?? DEFAULT_PERSONAL_BUDGET_CAP_CENTS;
    await checkBudgetSource(tx, row.comune_code, body);
    const budgetId = await ledger.openLine(tx, ctx, {
      sourceLineId: body.sourceLineId ?? null,
      planId,
      caseId: id,
      comuneCode: row.comune_code,
      programme: body.programme,
      capCents,
    });
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      kind: 'budget',
      summary: `Budget di progetto aperto: tetto ${(capCents / 100).toFixed(2).replace('.', ',')} €`,
      details: { planId, budgetId, capCents, programme: body.programme },
      authorUserId: actor.userId,
    });
    await auditCase(tx, ctx, row, 'case.update', { part: 'budget', budgetId });
    return detailOf(tx, actor, row, access);
  });
}

/**
 * Records an expense on a plan's budget. The cap holds: over it, a 409 with the remaining amount
 * and nothing saved — also under concurrent requests (the ledger locks the line).
 */
export async function addExpense(
  ctx: Context,
  id: string,
  planId: string,
  body: ExpenseBody,
): Promise<CaseDetail> {
  return withCase(ctx, id, 'change', async (tx, row, access, actor) => {
    const plan = await planOf(tx, id, planId);
    if (body.spentOn > today()) throw errors.dateInFuture('spentOn', 'Data della spesa');
    const [budget] = await repo.budgetsOfPlans(tx, [plan.id]);
    if (!budget) throw errors.noBudget();
    if (body.interventionId && !(await repo.interventionOfPlan(tx, body.interventionId, plan.id)))
      throw errors.interventionNotInPlan();
    const result = await ledger.recordExpense(tx, ctx, budget.id, body);
    if (!result.ok) throw errors.budgetCapExceeded(result.remainingCents, result.capCents, body.amountCents);
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      kind: 'budget',
      summary: `Spesa di ${(body.amountCents / 100).toFixed(2).replace('.', ',')} € (${body.supplier.trim()})`,
      details: { planId, budgetId: budget.id, expenseId: result.id, amountCents: body.amountCents },
      authorUserId: actor.userId,
    });
    await auditCase(tx, ctx, row, 'case.update', { part: 'expense', expenseId: result.id });
    return detailOf(tx, actor, row, access);
  });
}

/**
 * Corrects an expense with a reversal: a new entry of the same amount (and a reversal movement on
 * the funds ledger when the budget is drawn from a line); nothing is edited or deleted.
 * @throws 404 no budget, 409 EXPENSE_NOT_REVERSIBLE (unknown, a reversal, or reversed already).
 */
export async function reverseExpense(
  ctx: Context,
  id: string,
  planId: string,
  expenseId: string,
  body: ExpenseReversalBody,
): Promise<CaseDetail> {
  return withCase(ctx, id, 'change', async (tx, row, access, actor) => {
    const plan = await planOf(tx, id, planId);
    const [budget] = await repo.budgetsOfPlans(tx, [plan.id]);
    if (!budget) throw errors.noBudget();
    const reversed = await ledger.reverseExpense(tx, ctx, budget.id, expenseId, {
      reason: body.reason.trim(),
      on: today(),
    });
    if (!reversed) throw errors.expenseNotReversible();
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      kind: 'budget',
      summary: `Storno di ${(reversed.amountCents / 100).toFixed(2).replace('.', ',')} €: ${body.reason.trim()}`,
      details: { planId, budgetId: budget.id, expenseId, reversalId: reversed.id },
      authorUserId: actor.userId,
    });
    await auditCase(tx, ctx, row, 'case.update', {
      part: 'expense_reversal',
      expenseId,
      reversalId: reversed.id,
    });
    return detailOf(tx, actor, row, access);
  });
}

// ---------------------------------------------------------------------------------------------
// Protected discharge

/** Opens a protected-discharge pathway from a hospital referral, with a checklist. */
export async function createDischarge(ctx: Context, id: string, body: DischargeBody): Promise<CaseDetail> {
  return withCase(ctx, id, 'change', async (tx, row, access, actor) => {
    if (body.dischargeOn < body.referralOn) throw errors.ruleBroken('DISCHARGE_DATES', 'dischargeOn');
    try {
      checkDischargeChecklist(body.steps, body.dischargeOn, addDays);
    } catch (e) {
      throw asHttp(e);
    }
    const dischargeId = await repo.insertDischarge(
      tx,
      id,
      row.comune_code,
      body,
      (key) => body.steps.find((s) => s.key === key)?.responsibleUserId ?? row.responsible_user_id,
    );
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      kind: 'discharge',
      summary: `Dimissione protetta da ${body.hospital.trim()}: dimissione prevista il ${body.dischargeOn}`,
      details: { dischargeId },
      authorUserId: actor.userId,
    });
    await auditCase(tx, ctx, row, 'case.update', { part: 'discharge', dischargeId });
    return detailOf(tx, actor, row, access);
  });
}

/** Marks a step done; the last one completes the pathway (with the home plan it ends in). */
export async function completeDischargeStep(
  ctx: Context,
  id: string,
  stepId: string,
  body: CompleteStepBody,
): Promise<CaseDetail> {
  return withCase(ctx, id, 'change', async (tx, row, access, actor) => {
    if (body.completedOn > today()) throw errors.dateInFuture('completedOn', 'Data');
    const discharges = await repo.dischargesOf(tx, [id]);
    const steps = await repo.stepsOf(
      tx,
      discharges.map((d) => d.id),
    );
    const step = steps.find((s) => s.id === stepId);
    if (!step) throw errors.stepNotFound();
    if (body.homePlanId) await planOf(tx, id, body.homePlanId);
    await repo.completeStep(tx, stepId, body.completedOn);
    const remaining = steps.filter(
      (s) => s.discharge_id === step.discharge_id && s.id !== stepId && !s.completed_on,
    );
    if (remaining.length === 0) await repo.completeDischarge(tx, step.discharge_id, body.homePlanId ?? null);
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      kind: 'discharge',
      summary: `${DISCHARGE_STEPS.find((d) => d.key === step.key)?.label ?? step.key}: fatto il ${body.completedOn}`,
      details: { stepId },
      authorUserId: actor.userId,
    });
    await auditCase(tx, ctx, row, 'case.update', { part: 'discharge_step', stepId });
    return detailOf(tx, actor, row, access);
  });
}

/**
 * Ties a pathway to the home plan it ends in (a plan of the same case), before or after it completes.
 * @throws 404 unknown pathway or plan, or a plan of another case.
 */
export async function setDischargeHomePlan(
  ctx: Context,
  id: string,
  dischargeId: string,
  body: DischargeHomePlanBody,
): Promise<CaseDetail> {
  return withCase(ctx, id, 'change', async (tx, row, access, actor) => {
    if (!(await repo.dischargesOf(tx, [id])).some((d) => d.id === dischargeId))
      throw errors.dischargeNotFound();
    const plan = await planOf(tx, id, body.planId);
    await repo.setDischargeHomePlan(tx, dischargeId, plan.id);
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      kind: 'discharge',
      summary: `Dimissione protetta: termina nel progetto "${plan.title}"`,
      details: { dischargeId, planId: plan.id },
      authorUserId: actor.userId,
    });
    await auditCase(tx, ctx, row, 'case.update', {
      part: 'discharge_home_plan',
      dischargeId,
      planId: plan.id,
    });
    return detailOf(tx, actor, row, access);
  });
}

// ---------------------------------------------------------------------------------------------
// Documents

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** The type of a file from its first bytes (never from its name). */
export function sniffMediaType(content: Buffer): 'application/pdf' | 'image/png' | 'image/jpeg' | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (content.length > 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff)
    return 'image/jpeg';
  return null;
}

/**
 * Stores a PDF or image in the case, type checked by content and size limited.
 * @throws 413 too large, 415 not a PDF/PNG/JPEG, 422 empty.
 */
export async function uploadDocument(
  ctx: Context,
  id: string,
  title: string,
  content: Buffer,
): Promise<DocumentMeta> {
  if (content.length === 0) throw errors.documentEmpty();
  if (content.length > MAX_DOCUMENT_BYTES) throw errors.documentTooLarge(MAX_DOCUMENT_BYTES);
  const mediaType = sniffMediaType(content);
  if (!mediaType) throw errors.documentTypeRefused();
  return withCase(ctx, id, 'change', async (tx, row, _access, actor) => {
    const documentId = await repo.insertDocument(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      title: title.trim(),
      mediaType,
      content,
      sha256: createHash('sha256').update(content).digest('hex'),
      uploadedBy: actor.userId,
    });
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: row.comune_code,
      kind: 'document',
      summary: `Documento: ${title.trim()}`,
      details: { documentId, mediaType, sizeBytes: content.length },
      authorUserId: actor.userId,
    });
    await auditCase(tx, ctx, row, 'case.update', { part: 'document', documentId });
    const [doc] = (await repo.documentsOf(tx, [id])).filter((d) => d.id === documentId);
    return presentDocument(doc!);
  });
}

/** A document's bytes, only through the case's access rules; audited. */
export async function getDocument(
  ctx: Context,
  id: string,
  documentId: string,
): Promise<{ title: string; mediaType: string; content: Buffer }> {
  return withCase(ctx, id, 'read', async (tx, row, access) => {
    const doc = await repo.documentContent(tx, documentId, id);
    if (!doc) throw errors.documentNotFound();
    await writeAudit(tx, ctx, {
      action: 'case_document.read',
      entityType: 'case_document',
      entityId: documentId,
      comune: row.comune_code,
      details: { caseId: id, because: access.because },
    });
    return { title: doc.title, mediaType: doc.media_type, content: doc.content };
  });
}

// ---------------------------------------------------------------------------------------------
// Teams and board

/** The teams of the actor's territory with their members (to choose a team when opening a case). */
export async function listSocialTeams(ctx: Context) {
  return withScope(ctx, 'case.read', async (tx) => {
    const teams = await repo.listTeams(tx);
    const users = await findUserContacts(
      tx,
      teams.flatMap((t) => t.members.map((m) => m.user_id)),
    );
    return teams.map((t) => ({
      id: t.id,
      name: t.name,
      comuneCode: t.comune_code,
      members: t.members.map((m) => ({
        id: m.user_id,
        name: users.get(m.user_id)?.fullName ?? '—',
        role: m.role,
      })),
    }));
  });
}

const NEW_REFERRAL_DAYS = 14;

/**
 * A social worker's home: my cases, reviews due, late discharge steps, budgets close to their
 * cap, new referrals (cases opened in the last two weeks in my teams); filters by area and comune.
 * Audited as one search listing the case ids shown.
 */
export async function getBoard(ctx: Context, query: BoardQuery): Promise<Board> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'case.read', async (tx) => {
    const facts = await actorFacts(tx, actor);
    const on = today();
    const rows = (await repo.searchCases(tx, actor.userId, facts, { ...query, status: undefined })).filter(
      (r) => r.status !== 'closed' && decide(actor, r, facts).level === 'full',
    );
    const ids = rows.map((r) => r.id);
    const [people, users, { flags, plans, discharges, budgets, steps }] = await Promise.all([
      peopleOf(
        tx,
        rows.map((r) => r.person_id),
      ),
      findUserContacts(
        tx,
        rows.map((r) => r.responsible_user_id),
      ),
      flagsOf(tx, ids, on),
    ]);
    const stepUsers = await findUserContacts(
      tx,
      steps.map((s) => s.responsible_user_id).filter((u): u is string => !!u),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const nameOf = (caseId: string) => {
      const p = people.get(byId.get(caseId)!.person_id);
      return p ? `${p.given_name} ${p.family_name}` : '—';
    };
    const summary = (r: repo.CaseRow) =>
      presentCaseSummary(
        r,
        people.get(r.person_id),
        decide(actor, r, facts) as Full,
        users,
        flags.get(r.id)!,
      );
    const lateDischargeSteps: Board['lateDischargeSteps'] = [];
    for (const d of discharges.filter((x) => x.status === 'in_progress')) {
      const own = steps.filter((s) => s.discharge_id === d.id);
      const state = dischargeState(
        own.map((s) => ({
          id: s.id,
          key: s.key,
          deadline: s.deadline,
          responsibleUserId: s.responsible_user_id,
          completedOn: s.completed_on,
          escalatedOn: s.escalated_on,
        })),
        on,
      );
      for (const late of state.late) {
        const s = own.find((x) => x.id === late.id)!;
        lateDischargeSteps.push({
          caseId: d.case_id,
          dischargeId: d.id,
          stepId: s.id,
          label: DISCHARGE_STEPS.find((x) => x.key === s.key)?.label ?? s.key,
          deadline: s.deadline,
          daysLate: late.daysLate,
          personName: nameOf(d.case_id),
          responsible: s.responsible_user_id
            ? (stepUsers.get(s.responsible_user_id)?.fullName ?? null)
            : null,
        });
      }
    }
    const board: Board = {
      myCases: rows.filter((r) => r.responsible_user_id === actor.userId).map(summary),
      reviewsDue: plans
        .filter((p) => reviewIsDue({ state: p.state, reviewDate: p.review_date }, on, addDays))
        .map((p) => ({
          caseId: p.case_id,
          planId: p.id,
          title: p.title,
          reviewDate: p.review_date!,
          personName: nameOf(p.case_id),
        })),
      lateDischargeSteps: lateDischargeSteps.sort((a, b) => b.daysLate - a.daysLate),
      budgetsNearCap: budgets
        .filter((b) => budgetIsNearCap({ capCents: b.cap_cents, spentCents: b.spent_cents }))
        .map((b) => ({
          caseId: b.case_id,
          budgetId: b.id,
          personName: nameOf(b.case_id),
          capCents: b.cap_cents,
          spentCents: b.spent_cents,
          remainingCents: b.cap_cents - b.spent_cents,
        })),
      newReferrals: rows.filter((r) => r.opened_on >= addDays(on, -NEW_REFERRAL_DAYS)).map(summary),
    };
    await writeAudit(tx, ctx, { action: 'case.board', entityType: 'case', details: { ids } });
    return board;
  });
}

// ---------------------------------------------------------------------------------------------
// Reminders (a job, outside requests)

/**
 * Sends review reminders (a week before the review date) to the responsible worker and escalates
 * late discharge steps to the team's supervisors (once per step), through the outbox.
 * System job: `tx` is an unscoped transaction. Returns what it sent.
 */
export async function sendCaseReminders(
  tx: Tx,
  on: string,
): Promise<{ reviews: number; escalations: number }> {
  const plans = await repo.plansToRemind(tx, addDays(on, 7));
  const late = await repo.lateSteps(tx, on);
  const toEscalate = late.filter((s) => !s.escalated_on);
  const supervisorsByTeam = new Map<string, string[]>();
  for (const teamId of new Set(toEscalate.map((s) => s.team_id)))
    supervisorsByTeam.set(teamId, await repo.teamSupervisors(tx, teamId));
  const users: Map<string, UserContact> = await findUserContacts(tx, [
    ...plans.map((p) => p.responsible_user_id),
    ...toEscalate.map((s) => s.case_responsible_user_id),
    ...[...supervisorsByTeam.values()].flat(),
  ]);
  for (const p of plans) {
    const user = users.get(p.responsible_user_id);
    await enqueueNotification(tx, {
      kind: 'case.review_due',
      recipientEmail: user?.email ?? null,
      recipientPhone: null,
      subject: 'Legami: revisione di un progetto in scadenza',
      body: `La revisione del progetto "${p.title}" (fascicolo ${p.case_id}) è prevista per il ${p.review_date}.`,
    });
    await repo.markReminded(tx, p.id, on);
  }
  for (const s of toEscalate) {
    const label = DISCHARGE_STEPS.find((d) => d.key === s.key)?.label ?? s.key;
    for (const userId of new Set([...(supervisorsByTeam.get(s.team_id) ?? []), s.case_responsible_user_id]))
      await enqueueNotification(tx, {
        kind: 'case.discharge_late',
        recipientEmail: users.get(userId)?.email ?? null,
        recipientPhone: null,
        subject: 'Legami: passo di una dimissione protetta in ritardo',
        body: `Il passo "${label}" della dimissione protetta (fascicolo ${s.case_id}) doveva essere completato entro il ${s.deadline}.`,
      });
  }
  if (toEscalate.length > 0)
    await repo.markEscalated(
      tx,
      toEscalate.map((s) => s.step_id),
      on,
    );
  return { reviews: plans.length, escalations: toEscalate.length };
}

/** Whether the actor may break the glass somewhere (for the web app's menu). */
export function mayBreakGlass(actor: Actor): boolean {
  const scope = scopeOf(actor, 'case.breakGlass');
  return scope.all || scope.comuni.size > 0;
}
