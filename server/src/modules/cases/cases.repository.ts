import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';
import type {
  BoardQuery,
  CasesQuery,
  DischargeBody,
  ExpenseBody,
  PlanBody,
} from '../../../../shared/src/cases/cases.schemas.js';

/*
 * The only SQL on case files. Every function takes the transaction opened by `withScope`, so
 * row-level security already limits rows to the actor's territory; team-level access is decided
 * by cases.policy.ts on the facts these functions return (lists filter by the same facts in SQL).
 */

const iso = (column: string) =>
  sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);
const day = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);

// ---------------------------------------------------------------------------------------------
// Teams

export interface TeamFacts {
  memberOf: string[];
  supervisorOf: string[];
}

export async function teamFactsOf(tx: Tx, userId: string): Promise<TeamFacts> {
  const rows = await queryRows<{ team_id: string; role: 'member' | 'supervisor' }>(
    tx,
    sql`SELECT team_id, role FROM social_team_members WHERE user_id = ${userId}`,
  );
  return {
    memberOf: rows.filter((r) => r.role === 'member').map((r) => r.team_id),
    supervisorOf: rows.filter((r) => r.role === 'supervisor').map((r) => r.team_id),
  };
}

export async function activeGrantCases(tx: Tx, userId: string): Promise<string[]> {
  const rows = await queryRows<{ case_id: string }>(
    tx,
    sql`SELECT DISTINCT case_id FROM case_access_grants WHERE user_id = ${userId} AND expires_at > now()`,
  );
  return rows.map((r) => r.case_id);
}

export interface TeamRow {
  id: string;
  name: string;
  comune_code: string;
}

export function findTeam(tx: Tx, id: string): Promise<TeamRow | undefined> {
  return queryRows<TeamRow>(tx, sql`SELECT id, name, comune_code FROM social_teams WHERE id = ${id}`).then(
    (r) => r[0],
  );
}

export function listTeams(tx: Tx) {
  return queryRows<TeamRow & { members: { user_id: string; role: 'member' | 'supervisor' }[] }>(
    tx,
    sql`SELECT t.id, t.name, t.comune_code,
               coalesce(json_agg(json_build_object('user_id', m.user_id, 'role', m.role)) FILTER (WHERE m.user_id IS NOT NULL), '[]') AS members
        FROM social_teams t LEFT JOIN social_team_members m ON m.team_id = t.id
        GROUP BY t.id ORDER BY t.name`,
  );
}

export async function teamSupervisors(tx: Tx, teamId: string): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(
    tx,
    sql`SELECT user_id FROM social_team_members WHERE team_id = ${teamId} AND role = 'supervisor'`,
  );
  return rows.map((r) => r.user_id);
}

export async function insertTeam(
  tx: Tx,
  team: { name: string; comuneCode: string; members: { userId: string; role: 'member' | 'supervisor' }[] },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO social_teams (name, comune_code) VALUES (${team.name}, ${team.comuneCode}) RETURNING id`,
  );
  for (const m of team.members)
    await tx.execute(sql`INSERT INTO social_team_members (team_id, user_id, role, comune_code)
                         VALUES (${row!.id}, ${m.userId}, ${m.role}, ${team.comuneCode})`);
  return row!.id;
}

// ---------------------------------------------------------------------------------------------
// Cases

export interface CaseRow {
  id: string;
  person_id: string;
  household_id: string | null;
  comune_code: string;
  comune_name: string;
  area: CasesQuery['area'] & string;
  source: 'help_request' | 'hospital' | 'school' | 'self' | 'other_service';
  source_request_id: string | null;
  reason: string;
  responsible_user_id: string;
  team_id: string;
  team_name: string;
  status: 'open' | 'suspended' | 'closed';
  outcome: string | null;
  opened_on: string;
  closed_on: string | null;
  version: number;
  created_at: string;
}

const SELECT_CASE = sql`
  SELECT k.id, k.person_id, k.household_id, k.comune_code, c.name AS comune_name, k.area, k.source, k.source_request_id,
         k.reason, k.responsible_user_id, k.team_id, t.name AS team_name, k.status, k.outcome,
         ${day('k.opened_on')} AS opened_on, ${day('k.closed_on')} AS closed_on, k.version, ${iso('k.created_at')} AS created_at
  FROM cases k JOIN comuni c ON c.istat_code = k.comune_code JOIN social_teams t ON t.id = k.team_id`;

export async function findCase(tx: Tx, id: string, forUpdate = false): Promise<CaseRow | null> {
  const [row] = await queryRows<CaseRow>(
    tx,
    sql`${SELECT_CASE} WHERE k.id = ${id} ${forUpdate ? sql`FOR UPDATE OF k` : sql``}`,
  );
  return row ?? null;
}

/** The cases an actor reaches through the team (or an active break-glass grant), filtered. */
export function searchCases(
  tx: Tx,
  userId: string,
  facts: TeamFacts & { grants: string[] },
  query: CasesQuery & { openedSince?: string },
): Promise<CaseRow[]> {
  const teams = pgArray([...facts.memberOf, ...facts.supervisorOf]);
  return queryRows<CaseRow>(
    tx,
    sql`${SELECT_CASE}
        WHERE (k.responsible_user_id = ${userId} OR k.team_id = ANY(${teams}::uuid[]) OR k.id = ANY(${pgArray(facts.grants)}::uuid[]))
          AND (${query.mine ?? false} = false OR k.responsible_user_id = ${userId})
          AND (${query.area ?? null}::text IS NULL OR k.area = ${query.area ?? null})
          AND (${query.comune ?? null}::text IS NULL OR k.comune_code = ${query.comune ?? null})
          AND (${query.status ?? null}::text IS NULL OR k.status = ${query.status ?? null})
          AND (${query.personId ?? null}::uuid IS NULL OR k.person_id = ${query.personId ?? null}::uuid)
          AND (${query.openedSince ?? null}::date IS NULL OR k.opened_on >= ${query.openedSince ?? null}::date)
        ORDER BY k.opened_on DESC, k.created_at DESC LIMIT 500`,
  );
}

export function casesOfPerson(tx: Tx, personId: string): Promise<CaseRow[]> {
  return queryRows<CaseRow>(tx, sql`${SELECT_CASE} WHERE k.person_id = ${personId} ORDER BY k.opened_on`);
}

export async function insertCase(
  tx: Tx,
  c: {
    personId: string;
    householdId: string | null;
    comuneCode: string;
    area: string;
    source: string;
    sourceRequestId: string | null;
    reason: string;
    responsibleUserId: string;
    teamId: string;
    openedOn: string;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO cases (person_id, household_id, comune_code, area, source, source_request_id, reason, responsible_user_id,
                           team_id, opened_on, created_by)
        VALUES (${c.personId}, ${c.householdId}, ${c.comuneCode}, ${c.area}, ${c.source}, ${c.sourceRequestId}, ${c.reason},
                ${c.responsibleUserId}, ${c.teamId}, ${c.openedOn}, ${c.createdBy})
        RETURNING id`,
  );
  return row!.id;
}

export async function setCaseStatus(
  tx: Tx,
  id: string,
  version: number,
  status: string,
  outcome: string | null,
  closedOn: string | null,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE cases SET status = ${status}, outcome = ${outcome}, closed_on = ${closedOn}, version = version + 1
        WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return rows.length === 1;
}

// ---------------------------------------------------------------------------------------------
// Timeline

export interface EntryRow {
  id: string;
  at: string;
  kind: string;
  summary: string;
  body: string | null;
  details: Record<string, unknown>;
  corrects_entry_id: string | null;
  author_name: string | null;
}

export async function insertEntry(
  tx: Tx,
  e: {
    caseId: string;
    comuneCode: string;
    kind: string;
    summary: string;
    body?: string | null;
    details?: Record<string, unknown>;
    correctsEntryId?: string | null;
    authorUserId: string | null;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO case_entries (case_id, comune_code, kind, summary, body, details, corrects_entry_id, author_user_id)
        VALUES (${e.caseId}, ${e.comuneCode}, ${e.kind}, ${e.summary}, ${e.body ?? null}, ${JSON.stringify(e.details ?? {})}::jsonb,
                ${e.correctsEntryId ?? null}, ${e.authorUserId})
        RETURNING id`,
  );
  return row!.id;
}

export function listEntries(tx: Tx, caseId: string): Promise<EntryRow[]> {
  return queryRows<EntryRow>(
    tx,
    sql`SELECT e.id, ${iso('e.at')} AS at, e.kind, e.summary, e.body, e.details, e.corrects_entry_id, u.full_name AS author_name
        FROM case_entries e LEFT JOIN users u ON u.id = e.author_user_id
        WHERE e.case_id = ${caseId} ORDER BY e.at, e.id`,
  );
}

export async function entryBelongsTo(tx: Tx, entryId: string, caseId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM case_entries WHERE id = ${entryId} AND case_id = ${caseId}`,
  );
  return rows.length === 1;
}

// ---------------------------------------------------------------------------------------------
// Assessments

export interface AssessmentRow {
  id: string;
  case_id: string;
  form_id: string;
  form_version: number;
  assessed_on: string;
  answers: Record<string, unknown>;
  scores: { domains: { key: string; label: string; need: number; max: number }[] };
  sina: Record<string, string>;
  adl: number | null;
  iadl: number | null;
  assessor_user_id: string | null;
  assessor_name: string | null;
  created_at: string;
}

const SELECT_ASSESSMENT = sql`
  SELECT a.id, a.case_id, a.form_id, a.form_version, ${day('a.assessed_on')} AS assessed_on, a.answers, a.scores, a.sina,
         a.adl, a.iadl, a.assessor_user_id, u.full_name AS assessor_name, ${iso('a.created_at')} AS created_at
  FROM case_assessments a LEFT JOIN users u ON u.id = a.assessor_user_id`;

export function listAssessments(tx: Tx, caseIds: readonly string[]): Promise<AssessmentRow[]> {
  return queryRows<AssessmentRow>(
    tx,
    sql`${SELECT_ASSESSMENT} WHERE a.case_id = ANY(${pgArray(caseIds)}::uuid[]) ORDER BY a.assessed_on, a.created_at`,
  );
}

export async function findAssessment(tx: Tx, id: string): Promise<AssessmentRow | null> {
  const [row] = await queryRows<AssessmentRow>(tx, sql`${SELECT_ASSESSMENT} WHERE a.id = ${id}`);
  return row ?? null;
}

export async function insertAssessment(
  tx: Tx,
  a: {
    caseId: string;
    comuneCode: string;
    formId: string;
    formVersion: number;
    assessedOn: string;
    answers: unknown;
    scores: unknown;
    sina: unknown;
    adl: number | null;
    iadl: number | null;
    assessorUserId: string;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO case_assessments (case_id, comune_code, form_id, form_version, assessed_on, answers, scores, sina, adl, iadl,
                                      assessor_user_id)
        VALUES (${a.caseId}, ${a.comuneCode}, ${a.formId}, ${a.formVersion}, ${a.assessedOn}, ${JSON.stringify(a.answers)}::jsonb,
                ${JSON.stringify(a.scores)}::jsonb, ${JSON.stringify(a.sina)}::jsonb, ${a.adl}, ${a.iadl}, ${a.assessorUserId})
        RETURNING id`,
  );
  return row!.id;
}

export interface MinorAssessmentRow {
  id: string;
  case_id: string;
  assessed_on: string;
  attributes: Record<string, string>;
  famiglia: string[];
  assessor_user_id: string | null;
  assessor_name: string | null;
  created_at: string;
}

export function listMinorAssessments(tx: Tx, caseId: string): Promise<MinorAssessmentRow[]> {
  return queryRows<MinorAssessmentRow>(
    tx,
    sql`SELECT a.id, a.case_id, ${day('a.assessed_on')} AS assessed_on, a.attributes, a.famiglia, a.assessor_user_id,
               u.full_name AS assessor_name, ${iso('a.created_at')} AS created_at
        FROM case_minor_assessments a LEFT JOIN users u ON u.id = a.assessor_user_id
        WHERE a.case_id = ${caseId} ORDER BY a.assessed_on DESC, a.created_at DESC`,
  );
}

export async function insertMinorAssessment(
  tx: Tx,
  a: {
    caseId: string;
    comuneCode: string;
    assessedOn: string;
    attributes: Record<string, string>;
    famiglia: string[];
    assessorUserId: string;
  },
): Promise<void> {
  await tx.execute(
    sql`INSERT INTO case_minor_assessments (case_id, comune_code, assessed_on, attributes, famiglia, assessor_user_id)
        VALUES (${a.caseId}, ${a.comuneCode}, ${a.assessedOn}, ${JSON.stringify(a.attributes)}::jsonb,
                ${pgArray(a.famiglia)}::text[], ${a.assessorUserId})`,
  );
}

/** A minor's SINBA assessment, for SIUSS (the file's other content stays here). */
export interface MinorAssessmentBenefitRow {
  person_id: string;
  assessed_on: string;
  attributes: Record<string, string>;
  famiglia: string[];
}

/**
 * The minor's assessments of these people, across their case files, made on or before `until`,
 * oldest first: a benefit is sent with the latest one made on or before its day.
 */
export async function minorAssessmentsOf(
  tx: Tx,
  personIds: readonly string[],
  until: string,
): Promise<MinorAssessmentBenefitRow[]> {
  if (personIds.length === 0) return [];
  return queryRows<MinorAssessmentBenefitRow>(
    tx,
    sql`SELECT c.person_id, ${day('a.assessed_on')} AS assessed_on, a.attributes, a.famiglia
        FROM case_minor_assessments a JOIN cases c ON c.id = a.case_id
        WHERE c.person_id = ANY(${pgArray(personIds)}::uuid[]) AND a.assessed_on <= ${until}::date
        ORDER BY a.assessed_on, a.created_at`,
  );
}

// ---------------------------------------------------------------------------------------------
// Plans

export interface PlanRow {
  id: string;
  case_id: string;
  comune_code: string;
  kind: PlanBody['kind'];
  title: string;
  state: 'draft' | 'agreed' | 'under_review' | 'closed';
  review_date: string | null;
  signed_on: string | null;
  signature_method: 'handwritten' | 'digital' | 'spid' | 'oral_with_witness' | null;
  closed_on: string | null;
  version: number;
}

const SELECT_PLAN = sql`
  SELECT p.id, p.case_id, p.comune_code, p.kind, p.title, p.state, ${day('p.review_date')} AS review_date,
         ${day('p.signed_on')} AS signed_on, p.signature_method, ${day('p.closed_on')} AS closed_on, p.version
  FROM case_plans p`;

export function listPlans(tx: Tx, caseIds: readonly string[]): Promise<PlanRow[]> {
  return queryRows<PlanRow>(
    tx,
    sql`${SELECT_PLAN} WHERE p.case_id = ANY(${pgArray(caseIds)}::uuid[]) ORDER BY p.created_at`,
  );
}

export async function findPlan(tx: Tx, id: string, forUpdate = false): Promise<PlanRow | null> {
  const [row] = await queryRows<PlanRow>(
    tx,
    sql`${SELECT_PLAN} WHERE p.id = ${id} ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  return row ?? null;
}

export interface GoalRow {
  id: string;
  plan_id: string;
  description: string;
  indicator: string;
  deadline: string;
  outcome: 'achieved' | 'partially_achieved' | 'not_achieved' | 'withdrawn' | null;
}
export interface CommitmentRow {
  id: string;
  plan_id: string;
  party: 'beneficiary' | 'services' | 'family' | 'third_sector';
  description: string;
}
export interface InterventionRow {
  id: string;
  plan_id: string;
  kind: 'catalog_order' | 'help_request' | 'municipal_service';
  reference_id: string | null;
  description: string;
}

export async function planParts(tx: Tx, planIds: readonly string[]) {
  const ids = pgArray(planIds);
  const [goals, commitments, interventions] = await Promise.all([
    queryRows<GoalRow>(
      tx,
      sql`SELECT id, plan_id, description, indicator, ${day('deadline')} AS deadline, outcome
          FROM case_plan_goals WHERE plan_id = ANY(${ids}::uuid[]) AND position < 1000 ORDER BY position`,
    ),
    queryRows<CommitmentRow>(
      tx,
      sql`SELECT id, plan_id, party, description FROM case_plan_commitments WHERE plan_id = ANY(${ids}::uuid[]) ORDER BY position`,
    ),
    queryRows<InterventionRow>(
      tx,
      sql`SELECT id, plan_id, kind, reference_id, description FROM case_plan_interventions
          WHERE plan_id = ANY(${ids}::uuid[]) ORDER BY position`,
    ),
  ]);
  return { goals, commitments, interventions };
}

export async function insertPlan(
  tx: Tx,
  p: {
    caseId: string;
    comuneCode: string;
    kind: string;
    title: string;
    reviewDate: string | null;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO case_plans (case_id, comune_code, kind, title, review_date, created_by)
        VALUES (${p.caseId}, ${p.comuneCode}, ${p.kind}, ${p.title}, ${p.reviewDate}, ${p.createdBy}) RETURNING id`,
  );
  return row!.id;
}

/**
 * Rewrites the goals, commitments and interventions of an editable plan in place, by position.
 * Goals are never deleted (one dropped from the plan is withdrawn); an intervention an expense
 * paid for is kept; commitments are replaced.
 */
export async function replacePlanParts(
  tx: Tx,
  planId: string,
  comuneCode: string,
  body: Pick<PlanBody, 'goals' | 'commitments' | 'interventions'>,
): Promise<void> {
  const goals = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM case_plan_goals WHERE plan_id = ${planId} AND position < 1000 ORDER BY position`,
  );
  for (const [i, g] of body.goals.entries()) {
    const current = goals[i];
    if (current)
      await tx.execute(sql`UPDATE case_plan_goals SET description = ${g.description}, indicator = ${g.indicator},
                           deadline = ${g.deadline} WHERE id = ${current.id}`);
    else
      await tx.execute(sql`INSERT INTO case_plan_goals (plan_id, comune_code, position, description, indicator, deadline)
                           VALUES (${planId}, ${comuneCode}, ${i}, ${g.description}, ${g.indicator}, ${g.deadline})`);
  }
  for (const extra of goals.slice(body.goals.length))
    await tx.execute(
      sql`UPDATE case_plan_goals SET outcome = 'withdrawn', position = position + 1000 WHERE id = ${extra.id}`,
    );

  await tx.execute(sql`DELETE FROM case_plan_commitments WHERE plan_id = ${planId}`);
  for (const [i, c] of body.commitments.entries())
    await tx.execute(sql`INSERT INTO case_plan_commitments (plan_id, comune_code, position, party, description)
                         VALUES (${planId}, ${comuneCode}, ${i}, ${c.party}, ${c.description})`);

  const interventions = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM case_plan_interventions WHERE plan_id = ${planId} ORDER BY position`,
  );
  for (const [i, v] of body.interventions.entries()) {
    const current = interventions[i];
    if (current)
      await tx.execute(sql`UPDATE case_plan_interventions SET kind = ${v.kind}, reference_id = ${v.referenceId ?? null},
                           description = ${v.description} WHERE id = ${current.id}`);
    else
      await tx.execute(sql`INSERT INTO case_plan_interventions (plan_id, comune_code, position, kind, reference_id, description)
                           VALUES (${planId}, ${comuneCode}, ${i}, ${v.kind}, ${v.referenceId ?? null}, ${v.description})`);
  }
  const dropped = interventions.slice(body.interventions.length).map((v) => v.id);
  if (dropped.length > 0)
    await tx.execute(sql`DELETE FROM case_plan_interventions WHERE id = ANY(${pgArray(dropped)}::uuid[])
                         AND id NOT IN (SELECT intervention_id FROM case_budget_expenses WHERE intervention_id IS NOT NULL)`);
}

export async function updatePlanHeader(
  tx: Tx,
  id: string,
  version: number,
  set: { title: string; reviewDate: string | null },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE case_plans SET title = ${set.title}, review_date = ${set.reviewDate}, version = version + 1
        WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return rows.length === 1;
}

export async function setPlanState(
  tx: Tx,
  id: string,
  version: number,
  set: { state: string; signedOn?: string; signatureMethod?: string; closedOn?: string },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE case_plans SET state = ${set.state},
          signed_on = coalesce(${set.signedOn ?? null}::date, signed_on),
          signature_method = coalesce(${set.signatureMethod ?? null}, signature_method),
          closed_on = ${set.closedOn ?? null}::date, review_reminded_on = NULL, version = version + 1
        WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return rows.length === 1;
}

export async function setGoalOutcomes(tx: Tx, outcomes: Record<string, string>): Promise<void> {
  for (const [id, outcome] of Object.entries(outcomes))
    await tx.execute(sql`UPDATE case_plan_goals SET outcome = ${outcome} WHERE id = ${id}`);
}

/** Agreed plans whose review date is on or before `until`, not reminded since they were agreed. */
export function plansToRemind(tx: Tx, until: string) {
  return queryRows<{
    id: string;
    case_id: string;
    title: string;
    review_date: string;
    responsible_user_id: string;
  }>(
    tx,
    sql`SELECT p.id, p.case_id, p.title, ${day('p.review_date')} AS review_date, k.responsible_user_id
        FROM case_plans p JOIN cases k ON k.id = p.case_id
        WHERE p.state = 'agreed' AND p.review_date <= ${until}::date AND p.review_reminded_on IS NULL AND k.status <> 'closed'`,
  );
}

export async function markReminded(tx: Tx, planId: string, on: string): Promise<void> {
  await tx.execute(sql`UPDATE case_plans SET review_reminded_on = ${on} WHERE id = ${planId}`);
}

// ---------------------------------------------------------------------------------------------
// Budgets (the local ledger behind PersonalBudgetLedger)

export interface BudgetRow {
  id: string;
  plan_id: string;
  case_id: string;
  comune_code: string;
  programme: 'fare_legami' | 'pnrr_home_care' | 'comune' | 'other';
  cap_cents: number;
  funds_line_id: string | null;
  spent_cents: number;
}

const SELECT_BUDGET = sql`
  SELECT b.id, b.plan_id, b.case_id, b.comune_code, b.programme, b.cap_cents, b.funds_line_id,
         coalesce((SELECT sum(CASE WHEN e.reverses_id IS NULL THEN e.amount_cents ELSE -e.amount_cents END)
                   FROM case_budget_expenses e WHERE e.budget_id = b.id), 0)::int AS spent_cents
  FROM case_budgets b`;

export function budgetsOfPlans(tx: Tx, planIds: readonly string[]): Promise<BudgetRow[]> {
  return queryRows<BudgetRow>(tx, sql`${SELECT_BUDGET} WHERE b.plan_id = ANY(${pgArray(planIds)}::uuid[])`);
}

export async function insertBudget(
  tx: Tx,
  b: {
    planId: string;
    caseId: string;
    comuneCode: string;
    programme: string;
    capCents: number;
    fundsLineId: string | null;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO case_budgets (plan_id, case_id, comune_code, programme, cap_cents, funds_line_id)
        VALUES (${b.planId}, ${b.caseId}, ${b.comuneCode}, ${b.programme}, ${b.capCents}, ${b.fundsLineId}) RETURNING id`,
  );
  return row!.id;
}

/** Locks the budget's row: concurrent expenses on one budget are checked one after the other. */
export async function lockBudget(tx: Tx, id: string): Promise<BudgetRow | null> {
  await tx.execute(sql`SELECT id FROM case_budgets WHERE id = ${id} FOR UPDATE`);
  const [row] = await queryRows<BudgetRow>(tx, sql`${SELECT_BUDGET} WHERE b.id = ${id}`);
  return row ?? null;
}

export interface ExpenseRow {
  id: string;
  budget_id: string;
  spent_on: string;
  supplier: string;
  document_ref: string;
  intervention_id: string | null;
  amount_cents: number;
  reverses_id: string | null;
  funds_movement_id: string | null;
  created_at: string;
}

export function expensesOf(tx: Tx, budgetIds: readonly string[]): Promise<ExpenseRow[]> {
  return queryRows<ExpenseRow>(
    tx,
    sql`SELECT id, budget_id, ${day('spent_on')} AS spent_on, supplier, document_ref, intervention_id, amount_cents, reverses_id,
               funds_movement_id, ${iso('created_at')} AS created_at
        FROM case_budget_expenses WHERE budget_id = ANY(${pgArray(budgetIds)}::uuid[]) ORDER BY spent_on, created_at`,
  );
}

/**
 * Appends an expense, or the reversal of one (`reversesId`, same positive amount), to a budget;
 * `fundsMovementId` is its movement on the funds ledger when the budget is drawn from a funds line.
 */
export async function insertExpense(
  tx: Tx,
  budget: { id: string; comuneCode: string },
  e: ExpenseBody & { reversesId?: string | null; fundsMovementId?: string | null },
  createdBy: string | null,
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO case_budget_expenses (budget_id, comune_code, spent_on, supplier, document_ref, intervention_id, amount_cents,
          reverses_id, funds_movement_id, created_by)
        VALUES (${budget.id}, ${budget.comuneCode}, ${e.spentOn}, ${e.supplier}, ${e.documentRef}, ${e.interventionId ?? null},
                ${e.amountCents}, ${e.reversesId ?? null}, ${e.fundsMovementId ?? null}, ${createdBy})
        RETURNING id`,
  );
  return row!.id;
}

export async function interventionOfPlan(tx: Tx, interventionId: string, planId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM case_plan_interventions WHERE id = ${interventionId} AND plan_id = ${planId}`,
  );
  return rows.length === 1;
}

// ---------------------------------------------------------------------------------------------
// Protected discharge

export interface DischargeRow {
  id: string;
  case_id: string;
  hospital: string;
  ward: string | null;
  referral_on: string;
  discharge_on: string;
  status: 'in_progress' | 'completed';
  home_plan_id: string | null;
}

export interface StepRow {
  id: string;
  discharge_id: string;
  key: string;
  deadline: string;
  responsible_user_id: string | null;
  completed_on: string | null;
  escalated_on: string | null;
}

export function dischargesOf(tx: Tx, caseIds: readonly string[]): Promise<DischargeRow[]> {
  return queryRows<DischargeRow>(
    tx,
    sql`SELECT id, case_id, hospital, ward, ${day('referral_on')} AS referral_on, ${day('discharge_on')} AS discharge_on, status,
               home_plan_id
        FROM case_discharges WHERE case_id = ANY(${pgArray(caseIds)}::uuid[]) ORDER BY referral_on`,
  );
}

export function stepsOf(tx: Tx, dischargeIds: readonly string[]): Promise<StepRow[]> {
  return queryRows<StepRow>(
    tx,
    sql`SELECT id, discharge_id, key, ${day('deadline')} AS deadline, responsible_user_id, ${day('completed_on')} AS completed_on,
               ${day('escalated_on')} AS escalated_on
        FROM case_discharge_steps WHERE discharge_id = ANY(${pgArray(dischargeIds)}::uuid[]) ORDER BY position`,
  );
}

export async function insertDischarge(
  tx: Tx,
  caseId: string,
  comuneCode: string,
  body: DischargeBody,
  stepResponsible: (key: string) => string | null,
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO case_discharges (case_id, comune_code, hospital, ward, referral_on, discharge_on)
        VALUES (${caseId}, ${comuneCode}, ${body.hospital}, ${body.ward ?? null}, ${body.referralOn}, ${body.dischargeOn}) RETURNING id`,
  );
  for (const [i, s] of body.steps.entries())
    await tx.execute(sql`INSERT INTO case_discharge_steps (discharge_id, comune_code, key, position, deadline, responsible_user_id)
                         VALUES (${row!.id}, ${comuneCode}, ${s.key}, ${i}, ${s.deadline}, ${stepResponsible(s.key)})`);
  return row!.id;
}

export async function completeStep(tx: Tx, stepId: string, on: string): Promise<void> {
  await tx.execute(
    sql`UPDATE case_discharge_steps SET completed_on = ${on} WHERE id = ${stepId} AND completed_on IS NULL`,
  );
}

export async function completeDischarge(tx: Tx, id: string, homePlanId: string | null): Promise<void> {
  await tx.execute(
    sql`UPDATE case_discharges SET status = 'completed', home_plan_id = coalesce(${homePlanId}::uuid, home_plan_id) WHERE id = ${id}`,
  );
}

export async function setDischargeHomePlan(tx: Tx, id: string, planId: string): Promise<void> {
  await tx.execute(sql`UPDATE case_discharges SET home_plan_id = ${planId} WHERE id = ${id}`);
}

export async function markEscalated(tx: Tx, stepIds: readonly string[], on: string): Promise<void> {
  await tx.execute(
    sql`UPDATE case_discharge_steps SET escalated_on = ${on} WHERE id = ANY(${pgArray(stepIds)}::uuid[]) AND escalated_on IS NULL`,
  );
}

/** Open steps past their deadline, in pathways still in progress, with the case's team and responsible. */
export function lateSteps(tx: Tx, today: string) {
  return queryRows<{
    step_id: string;
    key: string;
    deadline: string;
    escalated_on: string | null;
    responsible_user_id: string | null;
    case_id: string;
    team_id: string;
    case_responsible_user_id: string;
  }>(
    tx,
    sql`SELECT s.id AS step_id, s.key, ${day('s.deadline')} AS deadline, ${day('s.escalated_on')} AS escalated_on,
               s.responsible_user_id, d.case_id, k.team_id, k.responsible_user_id AS case_responsible_user_id
        FROM case_discharge_steps s JOIN case_discharges d ON d.id = s.discharge_id JOIN cases k ON k.id = d.case_id
        WHERE s.completed_on IS NULL AND s.deadline < ${today}::date AND d.status = 'in_progress'`,
  );
}

// ---------------------------------------------------------------------------------------------
// Documents

export interface DocumentRow {
  id: string;
  case_id: string;
  title: string;
  media_type: string;
  size_bytes: number;
  uploaded_by: string | null;
  uploaded_by_name: string | null;
  created_at: string;
}

export function documentsOf(tx: Tx, caseIds: readonly string[]): Promise<DocumentRow[]> {
  return queryRows<DocumentRow>(
    tx,
    sql`SELECT d.id, d.case_id, d.title, d.media_type, d.size_bytes, d.uploaded_by, u.full_name AS uploaded_by_name,
               ${iso('d.created_at')} AS created_at
        FROM case_documents d LEFT JOIN users u ON u.id = d.uploaded_by
        WHERE d.case_id = ANY(${pgArray(caseIds)}::uuid[]) AND d.content IS NOT NULL ORDER BY d.created_at`,
  );
}

export async function insertDocument(
  tx: Tx,
  d: {
    caseId: string;
    comuneCode: string;
    title: string;
    mediaType: string;
    content: Buffer;
    sha256: string;
    uploadedBy: string;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO case_documents (case_id, comune_code, title, media_type, size_bytes, sha256, content, uploaded_by)
        VALUES (${d.caseId}, ${d.comuneCode}, ${d.title}, ${d.mediaType}, ${d.content.length}, ${d.sha256},
                decode(${d.content.toString('base64')}, 'base64'), ${d.uploadedBy})
        RETURNING id`,
  );
  return row!.id;
}

export async function documentContent(
  tx: Tx,
  id: string,
  caseId: string,
): Promise<{ title: string; media_type: string; content: Buffer } | null> {
  const [row] = await queryRows<{ title: string; media_type: string; content_b64: string }>(
    tx,
    sql`SELECT title, media_type, encode(content, 'base64') AS content_b64 FROM case_documents
        WHERE id = ${id} AND case_id = ${caseId} AND content IS NOT NULL`,
  );
  return row
    ? { title: row.title, media_type: row.media_type, content: Buffer.from(row.content_b64, 'base64') }
    : null;
}

// ---------------------------------------------------------------------------------------------
// Break the glass

export async function insertGrant(
  tx: Tx,
  g: { caseId: string; comuneCode: string; userId: string; reason: string; hours: number },
): Promise<void> {
  await tx.execute(sql`INSERT INTO case_access_grants (case_id, comune_code, user_id, reason, expires_at)
                       VALUES (${g.caseId}, ${g.comuneCode}, ${g.userId}, ${g.reason}, now() + make_interval(hours => ${g.hours}))`);
}

// ---------------------------------------------------------------------------------------------
// Board

export function boardFilter(query: BoardQuery) {
  return sql`(${query.area ?? null}::text IS NULL OR k.area = ${query.area ?? null})
         AND (${query.comune ?? null}::text IS NULL OR k.comune_code = ${query.comune ?? null})`;
}

// ---------------------------------------------------------------------------------------------
// GDPR art. 17

/** Clears the personal free text of a person's case files; scores, dates, amounts and ids stay. */
export async function anonymiseCasesOf(tx: Tx, personId: string): Promise<string[]> {
  const cases = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE cases SET reason = '[anonimizzato]', outcome = CASE WHEN outcome IS NULL THEN NULL ELSE '[anonimizzato]' END,
          household_id = NULL, anonymised_at = now(), version = version + 1
        WHERE person_id = ${personId} RETURNING id`,
  );
  const ids = pgArray(cases.map((c) => c.id));
  await tx.execute(sql`UPDATE case_entries SET summary = '[anonimizzato]', body = NULL, details = '{}', anonymised = true
                       WHERE case_id = ANY(${ids}::uuid[]) AND NOT anonymised`);
  await tx.execute(sql`UPDATE case_assessments SET answers = answers - 'notes'
                       WHERE case_id = ANY(${ids}::uuid[])`);
  await tx.execute(sql`UPDATE case_plans SET title = '[anonimizzato]' WHERE case_id = ANY(${ids}::uuid[])`);
  await tx.execute(sql`UPDATE case_plan_goals SET description = '[anonimizzato]', indicator = '[anonimizzato]'
                       WHERE plan_id IN (SELECT id FROM case_plans WHERE case_id = ANY(${ids}::uuid[]))`);
  await tx.execute(sql`UPDATE case_plan_commitments SET description = '[anonimizzato]'
                       WHERE plan_id IN (SELECT id FROM case_plans WHERE case_id = ANY(${ids}::uuid[]))`);
  await tx.execute(sql`UPDATE case_plan_interventions SET description = '[anonimizzato]'
                       WHERE plan_id IN (SELECT id FROM case_plans WHERE case_id = ANY(${ids}::uuid[]))`);
  await tx.execute(sql`UPDATE case_discharges SET ward = NULL WHERE case_id = ANY(${ids}::uuid[])`);
  await tx.execute(
    sql`UPDATE case_documents SET content = NULL, title = '[anonimizzato]' WHERE case_id = ANY(${ids}::uuid[])`,
  );
  return cases.map((c) => c.id);
}

/** A personal-budget expense with what SIUSS needs of its case (the file's content stays here). */
export interface BudgetExpenseBenefitRow {
  id: string;
  person_id: string;
  comune_code: string;
  programme: string;
  area: string;
  spent_on: string;
  amount_cents: number;
  reversed: boolean;
  /** The SINA codes of the case's latest assessment on or before the expense, if any. */
  sina: Record<string, string> | null;
}

/** Expenses of personal budgets spent in [from, to] (reversals are not benefits: they mark one reversed). */
export async function budgetExpenseBenefits(
  tx: Tx,
  from: string,
  to: string,
): Promise<BudgetExpenseBenefitRow[]> {
  return queryRows<BudgetExpenseBenefitRow>(
    tx,
    sql`SELECT e.id, c.person_id, e.comune_code, b.programme, c.area, ${day('e.spent_on')} AS spent_on, e.amount_cents,
               EXISTS (SELECT 1 FROM case_budget_expenses r WHERE r.reverses_id = e.id) AS reversed,
               (SELECT a.sina FROM case_assessments a WHERE a.case_id = c.id AND a.assessed_on <= e.spent_on
                ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1) AS sina
        FROM case_budget_expenses e
        JOIN case_budgets b ON b.id = e.budget_id
        JOIN cases c ON c.id = b.case_id
        WHERE e.reverses_id IS NULL AND e.spent_on BETWEEN ${from}::date AND ${to}::date
        ORDER BY e.spent_on, e.id`,
  );
}
