/*
 * Pure rules of case files: the plan's states, reviews due, the protected-discharge checklist and its
 * escalation, and how close a personal budget is to its cap. No database; dates are YYYY-MM-DD in Rome.
 */
import { DISCHARGE_STEPS } from '../../../../shared/src/cases/cases.schemas.js';

export const CASE_AREAS = ['elderly', 'disability', 'minors_family', 'poverty', 'adults'] as const;
export type CaseArea = (typeof CASE_AREAS)[number];

export const CASE_SOURCES = ['help_request', 'hospital', 'school', 'self', 'other_service'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const CASE_STATUSES = ['open', 'suspended', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export class RuleViolation extends Error {
  constructor(
    readonly code: string,
    readonly field: string | null = null,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

/** Open ↔ suspended, either → closed with an outcome; a closed case is reopened as a new case. */
export function checkCaseStatusChange(
  from: CaseStatus,
  to: CaseStatus,
  outcome: string | null | undefined,
): void {
  if (from === to) throw new RuleViolation('CASE_STATUS_UNCHANGED', 'status');
  if (from === 'closed') throw new RuleViolation('CASE_CLOSED', 'status');
  if (to === 'closed' && !outcome?.trim()) throw new RuleViolation('CASE_OUTCOME_REQUIRED', 'outcome');
}

// ---------------------------------------------------------------------------------------------
// Plan (progetto personalizzato / patto per l'inclusione)

export const PLAN_STATES = ['draft', 'agreed', 'under_review', 'closed'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

/** How the beneficiary signed the plan. */
export const SIGNATURE_METHODS = ['handwritten', 'digital', 'spid', 'oral_with_witness'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export const GOAL_OUTCOMES = ['achieved', 'partially_achieved', 'not_achieved', 'withdrawn'] as const;
export type GoalOutcome = (typeof GOAL_OUTCOMES)[number];

export type PlanTransition =
  | { to: 'agreed'; signedOn: string; signatureMethod: SignatureMethod }
  | { to: 'under_review' }
  | { to: 'closed'; outcomes: Record<string, GoalOutcome> };

const ALLOWED: Record<PlanState, readonly PlanState[]> = {
  draft: ['agreed'],
  agreed: ['under_review', 'closed'],
  // A review ends with the plan agreed again (signed again) or closed.
  under_review: ['agreed', 'closed'],
  closed: [],
};

/**
 * Checks a plan transition: a plan is agreed only when signed (date not in the future, a known
 * method) and with at least one goal; it closes only with an outcome for every goal.
 * @throws RuleViolation with the code and the field at fault.
 */
export function checkPlanTransition(
  plan: { state: PlanState; goalIds: readonly string[] },
  transition: PlanTransition,
  today: string,
): void {
  if (!ALLOWED[plan.state].includes(transition.to))
    throw new RuleViolation('PLAN_TRANSITION_NOT_ALLOWED', 'state', { from: plan.state, to: transition.to });
  if (transition.to === 'agreed') {
    if (plan.goalIds.length === 0) throw new RuleViolation('PLAN_WITHOUT_GOALS', 'goals');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(transition.signedOn))
      throw new RuleViolation('PLAN_SIGNATURE_DATE', 'signedOn');
    if (transition.signedOn > today) throw new RuleViolation('PLAN_SIGNATURE_IN_FUTURE', 'signedOn');
    if (!SIGNATURE_METHODS.includes(transition.signatureMethod))
      throw new RuleViolation('PLAN_SIGNATURE_METHOD', 'signatureMethod');
  }
  if (transition.to === 'closed') {
    const missing = plan.goalIds.filter((id) => !transition.outcomes[id]);
    if (missing.length > 0)
      throw new RuleViolation('PLAN_GOAL_OUTCOME_MISSING', 'outcomes', { goalIds: missing });
    for (const [id, outcome] of Object.entries(transition.outcomes)) {
      if (!plan.goalIds.includes(id))
        throw new RuleViolation('PLAN_GOAL_UNKNOWN', 'outcomes', { goalId: id });
      if (!GOAL_OUTCOMES.includes(outcome)) throw new RuleViolation('PLAN_GOAL_OUTCOME_INVALID', 'outcomes');
    }
  }
}

/** Goals, commitments and interventions change only while the plan is a draft or under review. */
export function planIsEditable(state: PlanState): boolean {
  return state === 'draft' || state === 'under_review';
}

/** Days before a review date when the responsible worker is reminded. */
export const REVIEW_REMINDER_DAYS = 7;

/** Whether a plan's review is due (within `REVIEW_REMINDER_DAYS`, or past). */
export function reviewIsDue(
  plan: { state: PlanState; reviewDate: string | null },
  today: string,
  addDays: (date: string, days: number) => string,
): boolean {
  if (plan.state !== 'agreed' || !plan.reviewDate) return false;
  return plan.reviewDate <= addDays(today, REVIEW_REMINDER_DAYS);
}

// ---------------------------------------------------------------------------------------------
// Protected discharge (dimissione protetta)

/** The checklist of a protected discharge (shared with the web form that opens one). */
export { DISCHARGE_STEPS };
export type DischargeStepKey = (typeof DISCHARGE_STEPS)[number]['key'];

export interface DischargeStepFacts {
  id: string;
  key: string;
  deadline: string;
  responsibleUserId: string | null;
  completedOn: string | null;
  escalatedOn: string | null;
}

export interface DischargeState {
  /** Steps past their deadline and not done, with the days late. */
  late: { id: string; key: string; daysLate: number }[];
  /** Late steps not escalated yet: the supervisor must hear of them now. */
  toEscalate: string[];
  /** Red on the board: at least one late step. */
  red: boolean;
  done: boolean;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/**
 * Which steps are late on `today` (a step due today is not late yet) and which of them still
 * need escalating to the team's supervisor (each late step is escalated once).
 */
export function dischargeState(steps: readonly DischargeStepFacts[], today: string): DischargeState {
  const late = steps
    .filter((s) => !s.completedOn && s.deadline < today)
    .map((s) => ({ id: s.id, key: s.key, daysLate: daysBetween(s.deadline, today) }));
  return {
    late,
    toEscalate: late.filter((l) => !steps.find((s) => s.id === l.id)!.escalatedOn).map((l) => l.id),
    red: late.length > 0,
    done: steps.length > 0 && steps.every((s) => s.completedOn),
  };
}

/**
 * Checks a new pathway's checklist: every standard step once, a deadline each, none after the
 * planned discharge date + 7 days (the first visit happens at home, just after discharge).
 * @throws RuleViolation naming the step at fault.
 */
export function checkDischargeChecklist(
  steps: readonly { key: string; deadline: string }[],
  dischargeDate: string,
  addDays: (date: string, days: number) => string,
): void {
  const keys = steps.map((s) => s.key);
  for (const step of DISCHARGE_STEPS)
    if (!keys.includes(step.key)) throw new RuleViolation('DISCHARGE_STEP_MISSING', `steps.${step.key}`);
  if (new Set(keys).size !== keys.length) throw new RuleViolation('DISCHARGE_STEP_DUPLICATE', 'steps');
  for (const s of steps) {
    if (!DISCHARGE_STEPS.some((d) => d.key === s.key))
      throw new RuleViolation('DISCHARGE_STEP_UNKNOWN', `steps.${s.key}`);
    if (s.deadline > addDays(dischargeDate, 7))
      throw new RuleViolation('DISCHARGE_STEP_AFTER_DISCHARGE', `steps.${s.key}.deadline`);
  }
}

// ---------------------------------------------------------------------------------------------
// Personal budget

// Cap from the inclusion pacts of Fare Legami (seed 004): €2,000 per beneficiary.
export const DEFAULT_PERSONAL_BUDGET_CAP_CENTS = 200_000;
/** A budget is "close to its cap" on the board when 80 % or more is spent. */
export const BUDGET_NEAR_CAP_RATIO = 0.8;

export function budgetIsNearCap(budget: { capCents: number; spentCents: number }): boolean {
  return budget.capCents > 0 && budget.spentCents >= budget.capCents * BUDGET_NEAR_CAP_RATIO;
}
