import type { Actor } from '../../platform/access/actor.js';
import type {
  Assessment,
  Budget,
  CaseDetail,
  CaseSummary,
  Discharge,
  DocumentMeta,
  Plan,
} from '../../../../shared/src/cases/cases.schemas.js';
import type { UserContact } from '../accounts/index.js';
import type { PersonRow } from '../people/index.js';
import { caseAbilities, type CaseAccess } from './cases.policy.js';
import type * as repo from './cases.repository.js';
import { budgetIsNearCap, DISCHARGE_STEPS, dischargeState } from './cases.rules.js';

/*
 * Which fields of a case leave the server. Only actors with full access reach these functions
 * (cases.policy.ts); the summary carries no health or free-text data, so lists and the board
 * show who and where, never why.
 */

type Full = Extract<CaseAccess, { level: 'full' }>;

const named = (id: string, users: Map<string, UserContact>) => ({ id, name: users.get(id)?.fullName ?? '—' });

export interface CaseFlagsFacts {
  reviewDue: boolean;
  lateDischarge: boolean;
  budgetNearCap: boolean;
}

export function presentCaseSummary(
  row: repo.CaseRow,
  person: PersonRow | undefined,
  access: Full,
  users: Map<string, UserContact>,
  flags: CaseFlagsFacts,
): CaseSummary {
  return {
    id: row.id,
    person: {
      id: row.person_id,
      givenName: person?.given_name ?? '—',
      familyName: person?.family_name ?? '—',
      birthDate: person?.birth_date ?? '1900-01-01',
    },
    area: row.area,
    source: row.source,
    status: row.status,
    comuneCode: row.comune_code,
    comuneName: row.comune_name,
    responsible: named(row.responsible_user_id, users),
    team: { id: row.team_id, name: row.team_name },
    openedOn: row.opened_on,
    access: access.because,
    flags,
  };
}

export function presentAssessment(row: repo.AssessmentRow): Assessment {
  return {
    id: row.id,
    formId: row.form_id,
    formVersion: row.form_version,
    assessedOn: row.assessed_on,
    answers: row.answers,
    domains: row.scores.domains,
    adl: row.adl,
    iadl: row.iadl,
    sina: row.sina,
    assessor: row.assessor_user_id ? { id: row.assessor_user_id, name: row.assessor_name ?? '—' } : null,
    createdAt: row.created_at,
  };
}

export function presentBudget(row: repo.BudgetRow, expenses: repo.ExpenseRow[]): Budget {
  return {
    id: row.id,
    programme: row.programme,
    capCents: row.cap_cents,
    spentCents: row.spent_cents,
    remainingCents: row.cap_cents - row.spent_cents,
    nearCap: budgetIsNearCap({ capCents: row.cap_cents, spentCents: row.spent_cents }),
    fundsLineId: row.funds_line_id,
    expenses: expenses
      .filter((e) => e.budget_id === row.id)
      .map((e) => ({
        id: e.id,
        spentOn: e.spent_on,
        supplier: e.supplier,
        documentRef: e.document_ref,
        interventionId: e.intervention_id,
        amountCents: e.reverses_id ? -e.amount_cents : e.amount_cents,
        reversesId: e.reverses_id,
        createdAt: e.created_at,
      })),
  };
}

export function presentPlan(
  row: repo.PlanRow,
  parts: Awaited<ReturnType<typeof repo.planParts>>,
  budget: Budget | null,
  reviewDue: boolean,
): Plan {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    state: row.state,
    reviewDate: row.review_date,
    reviewDue,
    signedOn: row.signed_on,
    signatureMethod: row.signature_method,
    closedOn: row.closed_on,
    version: row.version,
    goals: parts.goals
      .filter((g) => g.plan_id === row.id)
      .map((g) => ({
        id: g.id,
        description: g.description,
        indicator: g.indicator,
        deadline: g.deadline,
        outcome: g.outcome,
      })),
    commitments: parts.commitments
      .filter((c) => c.plan_id === row.id)
      .map((c) => ({ id: c.id, party: c.party, description: c.description })),
    interventions: parts.interventions
      .filter((v) => v.plan_id === row.id)
      .map((v) => ({ id: v.id, kind: v.kind, referenceId: v.reference_id, description: v.description })),
    budget,
  };
}

export function presentDischarge(
  row: repo.DischargeRow,
  steps: repo.StepRow[],
  users: Map<string, UserContact>,
  today: string,
): Discharge {
  const own = steps.filter((s) => s.discharge_id === row.id);
  const state = dischargeState(
    own.map((s) => ({
      id: s.id,
      key: s.key,
      deadline: s.deadline,
      responsibleUserId: s.responsible_user_id,
      completedOn: s.completed_on,
      escalatedOn: s.escalated_on,
    })),
    today,
  );
  return {
    id: row.id,
    hospital: row.hospital,
    ward: row.ward,
    referralOn: row.referral_on,
    dischargeOn: row.discharge_on,
    status: row.status,
    red: row.status === 'in_progress' && state.red,
    homePlanId: row.home_plan_id,
    steps: own.map((s) => ({
      id: s.id,
      key: s.key,
      label: DISCHARGE_STEPS.find((d) => d.key === s.key)?.label ?? s.key,
      deadline: s.deadline,
      responsible: s.responsible_user_id ? named(s.responsible_user_id, users) : null,
      completedOn: s.completed_on,
      escalatedOn: s.escalated_on,
      daysLate: state.late.find((l) => l.id === s.id)?.daysLate ?? 0,
    })),
  };
}

export function presentDocument(row: repo.DocumentRow): DocumentMeta {
  return {
    id: row.id,
    title: row.title,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    uploadedBy: row.uploaded_by ? { id: row.uploaded_by, name: row.uploaded_by_name ?? '—' } : null,
    createdAt: row.created_at,
  };
}

export function presentCaseDetail(
  actor: Actor,
  row: repo.CaseRow,
  person: PersonRow | null,
  access: Full,
  users: Map<string, UserContact>,
  parts: {
    assessments: Assessment[];
    plans: Plan[];
    discharges: Discharge[];
    documents: DocumentMeta[];
  },
): CaseDetail {
  const flags = {
    reviewDue: parts.plans.some((p) => p.reviewDue),
    lateDischarge: parts.discharges.some((d) => d.red),
    budgetNearCap: parts.plans.some((p) => p.budget?.nearCap ?? false),
  };
  return {
    id: row.id,
    person: {
      id: row.person_id,
      givenName: person?.given_name ?? '—',
      familyName: person?.family_name ?? '—',
      birthDate: person?.birth_date ?? '1900-01-01',
      codiceFiscale: person?.codice_fiscale ?? null,
      address: person?.address ?? null,
      phone: person?.phone ?? null,
      householdId: row.household_id,
    },
    area: row.area,
    source: row.source,
    sourceRequestId: row.source_request_id,
    reason: row.reason,
    status: row.status,
    outcome: row.outcome,
    comuneCode: row.comune_code,
    comuneName: row.comune_name,
    responsible: named(row.responsible_user_id, users),
    team: { id: row.team_id, name: row.team_name },
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    version: row.version,
    access: access.because,
    flags,
    abilities: caseAbilities(access, actor, {
      comuneCode: row.comune_code,
      responsibleUserId: row.responsible_user_id,
      teamId: row.team_id,
    }),
    ...parts,
  };
}
