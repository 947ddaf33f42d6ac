import { Type, type Static } from 'typebox';
import { IsoDate, IstatCode, Uuid } from '../common/common.schemas.js';

/* Request and response schemas of case files, shared by the server (validation, OpenAPI) and the web app. */

export const CASE_AREAS = ['elderly', 'disability', 'minors_family', 'poverty', 'adults'] as const;
export const CASE_SOURCES = ['help_request', 'hospital', 'school', 'self', 'other_service'] as const;
export const CASE_STATUSES = ['open', 'suspended', 'closed'] as const;
export const PLAN_KINDS = ['personalised', 'inclusion_pact', 'home_care', 'discharge'] as const;
export const PLAN_STATES = ['draft', 'agreed', 'under_review', 'closed'] as const;
export const SIGNATURE_METHODS = ['handwritten', 'digital', 'spid', 'oral_with_witness'] as const;
export const GOAL_OUTCOMES = ['achieved', 'partially_achieved', 'not_achieved', 'withdrawn'] as const;
export const COMMITMENT_PARTIES = ['beneficiary', 'services', 'family', 'third_sector'] as const;
export const INTERVENTION_KINDS = ['catalog_order', 'help_request', 'task', 'municipal_service'] as const;
export const BUDGET_PROGRAMMES = ['fare_legami', 'pnrr_home_care', 'comune', 'other'] as const;
export const ENTRY_KINDS = ['note', 'contact', 'correction'] as const;

/** The checklist of a protected discharge, in order, from seed 003 (the web form lists the same). */
export const DISCHARGE_STEPS = [
  { key: 'ward_assessment', label: 'Valutazione in reparto' },
  { key: 'home_care_plan', label: 'Piano di assistenza domiciliare' },
  { key: 'aids', label: 'Ausili' },
  { key: 'caregiver', label: 'Caregiver individuato' },
  { key: 'first_visit', label: 'Prima visita a domicilio' },
] as const;

export const CaseArea = Type.Enum(CASE_AREAS);
export type CaseArea = Static<typeof CaseArea>;
export const CaseStatus = Type.Enum(CASE_STATUSES);
export type CaseStatus = Static<typeof CaseStatus>;
export const PlanState = Type.Enum(PLAN_STATES);
export type PlanState = Static<typeof PlanState>;

const Text = (maxLength = 2000) => Type.String({ minLength: 1, maxLength });
const Named = Type.Object({ id: Uuid, name: Type.String() });
const NullableNamed = Type.Union([Named, Type.Null()]);

export const CasesQuery = Type.Object({
  area: Type.Optional(CaseArea),
  comune: Type.Optional(IstatCode),
  status: Type.Optional(CaseStatus),
  mine: Type.Optional(Type.Boolean()),
  personId: Type.Optional(Uuid),
});
export type CasesQuery = Static<typeof CasesQuery>;

export const CreateCaseBody = Type.Object({
  personId: Uuid,
  area: CaseArea,
  source: Type.Enum(CASE_SOURCES),
  /** The help request the case comes from (source help_request). */
  sourceRequestId: Type.Optional(Uuid),
  reason: Text(),
  teamId: Uuid,
  /** Default: the social worker who opens the case. */
  responsibleUserId: Type.Optional(Uuid),
});
export type CreateCaseBody = Static<typeof CreateCaseBody>;

export const CaseStatusBody = Type.Object({
  status: CaseStatus,
  outcome: Type.Optional(Text()),
  version: Type.Integer({ minimum: 1 }),
});
export type CaseStatusBody = Static<typeof CaseStatusBody>;

export const BreakGlassBody = Type.Object({ reason: Type.String({ maxLength: 2000 }) });
export type BreakGlassBody = Static<typeof BreakGlassBody>;

export const CaseFlags = Type.Object({
  reviewDue: Type.Boolean(),
  lateDischarge: Type.Boolean(),
  budgetNearCap: Type.Boolean(),
});

export const CaseSummary = Type.Object({
  id: Uuid,
  person: Type.Object({ id: Uuid, givenName: Type.String(), familyName: Type.String(), birthDate: IsoDate }),
  area: CaseArea,
  source: Type.Enum(CASE_SOURCES),
  status: CaseStatus,
  comuneCode: IstatCode,
  comuneName: Type.String(),
  responsible: Named,
  team: Named,
  openedOn: IsoDate,
  access: Type.String({ description: 'responsible | team | supervisor | break_glass' }),
  flags: CaseFlags,
});
export type CaseSummary = Static<typeof CaseSummary>;

export const CasesPage = Type.Object({ items: Type.Array(CaseSummary), total: Type.Integer() });
export type CasesPage = Static<typeof CasesPage>;

const Json = Type.Record(Type.String(), Type.Unknown());

export const DomainScoreSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  need: Type.Integer(),
  max: Type.Integer(),
});

export const Assessment = Type.Object({
  id: Uuid,
  formId: Type.String(),
  formVersion: Type.Integer(),
  assessedOn: IsoDate,
  answers: Json,
  domains: Type.Array(DomainScoreSchema),
  adl: Type.Union([Type.Integer(), Type.Null()]),
  iadl: Type.Union([Type.Integer(), Type.Null()]),
  sina: Type.Record(Type.String(), Type.String()),
  assessor: NullableNamed,
  createdAt: Type.String(),
});
export type Assessment = Static<typeof Assessment>;

export const AssessmentBody = Type.Object({
  assessedOn: IsoDate,
  items: Type.Record(Type.String(), Type.String({ maxLength: 40 })),
  scales: Type.Object({
    katz_adl: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 40 }))),
    lawton_iadl: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 40 }))),
  }),
  notes: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 4000 }))),
});
export type AssessmentBody = Static<typeof AssessmentBody>;

/** A minor's assessment for SINBA: attribute names and codes as SINBA.xsd spells them. */
export const MinorAssessmentBody = Type.Object({
  assessedOn: IsoDate,
  attributes: Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 7 })),
  famiglia: Type.Array(Type.String({ maxLength: 1 }), { maxItems: 6 }),
});
export type MinorAssessmentBody = Static<typeof MinorAssessmentBody>;

export const MinorAssessment = Type.Object({
  id: Uuid,
  assessedOn: IsoDate,
  attributes: Type.Record(Type.String(), Type.String()),
  famiglia: Type.Array(Type.String()),
  /** What SINBA requires and this assessment lacks (labels): empty when it can be sent. */
  missing: Type.Array(Type.String()),
  assessor: NullableNamed,
  createdAt: Type.String(),
});
export type MinorAssessment = Static<typeof MinorAssessment>;
export const MinorAssessments = Type.Object({ items: Type.Array(MinorAssessment) });
export type MinorAssessments = Static<typeof MinorAssessments>;

export const CompareQuery = Type.Object({ from: Uuid, to: Uuid });

export const AssessmentComparison = Type.Object({
  from: Type.Object({ id: Uuid, assessedOn: IsoDate }),
  to: Type.Object({ id: Uuid, assessedOn: IsoDate }),
  domains: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      before: Type.Integer(),
      after: Type.Integer(),
      max: Type.Integer(),
      delta: Type.Integer(),
      trend: Type.Enum(['improved', 'worsened', 'unchanged'] as const),
      changedItems: Type.Array(
        Type.Object({
          key: Type.String(),
          label: Type.String(),
          before: Type.Union([Type.String(), Type.Null()]),
          after: Type.Union([Type.String(), Type.Null()]),
        }),
      ),
    }),
  ),
  adl: Type.Object({
    before: Type.Union([Type.Integer(), Type.Null()]),
    after: Type.Union([Type.Integer(), Type.Null()]),
  }),
  iadl: Type.Object({
    before: Type.Union([Type.Integer(), Type.Null()]),
    after: Type.Union([Type.Integer(), Type.Null()]),
  }),
});
export type AssessmentComparison = Static<typeof AssessmentComparison>;

const GoalInput = Type.Object({ description: Text(), indicator: Text(), deadline: IsoDate });
const CommitmentInput = Type.Object({ party: Type.Enum(COMMITMENT_PARTIES), description: Text() });
const InterventionInput = Type.Object({
  kind: Type.Enum(INTERVENTION_KINDS),
  referenceId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  description: Text(),
});

export const PlanBody = Type.Object({
  kind: Type.Enum(PLAN_KINDS),
  title: Text(200),
  reviewDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  goals: Type.Array(GoalInput, { maxItems: 30 }),
  commitments: Type.Array(CommitmentInput, { maxItems: 30 }),
  interventions: Type.Array(InterventionInput, { maxItems: 30 }),
});
export type PlanBody = Static<typeof PlanBody>;

export const PlanUpdateBody = Type.Intersect([
  Type.Omit(PlanBody, ['kind']),
  Type.Object({ version: Type.Integer({ minimum: 1 }) }),
]);
export type PlanUpdateBody = Static<typeof PlanUpdateBody>;

export const PlanTransitionBody = Type.Object({
  to: Type.Enum(['agreed', 'under_review', 'closed'] as const),
  signedOn: Type.Optional(IsoDate),
  signatureMethod: Type.Optional(Type.Enum(SIGNATURE_METHODS)),
  outcomes: Type.Optional(Type.Record(Type.String(), Type.Enum(GOAL_OUTCOMES))),
  version: Type.Integer({ minimum: 1 }),
});
export type PlanTransitionBody = Static<typeof PlanTransitionBody>;

export const BudgetBody = Type.Object({
  programme: Type.Enum(BUDGET_PROGRAMMES),
  /** Default €2,000 (Fare Legami's personal budgets); a programme may configure its own. */
  capCents: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000 })),
  /** The funds line the money comes from (an action of Fare Legami, a comune's PNRR share). */
  sourceLineId: Type.Optional(Uuid),
});
export type BudgetBody = Static<typeof BudgetBody>;

/**
 * The funds lines a case's budget may be drawn from: Fare Legami's inclusion-pact lines
 * (programme fare_legami) and the comune's own lines, such as its share of PNRR home care
 * (programme pnrr_home_care), each with what is still available on it.
 */
export const BudgetSources = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      label: Type.String(),
      programme: Type.Enum(['fare_legami', 'pnrr_home_care'] as const),
      availableCents: Type.Integer(),
    }),
  ),
});
export type BudgetSources = Static<typeof BudgetSources>;

const Choice = Type.Object({ id: Uuid, label: Type.String() });
/** What a plan's interventions may point at: the person's requests, tasks, orders, the comune's services. */
export const InterventionOptions = Type.Object({
  help_request: Type.Array(Choice),
  task: Type.Array(Choice),
  catalog_order: Type.Array(Choice),
  municipal_service: Type.Array(Choice),
});
export type InterventionOptions = Static<typeof InterventionOptions>;

export const ExpenseBody = Type.Object({
  spentOn: IsoDate,
  supplier: Text(200),
  documentRef: Text(200),
  interventionId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  amountCents: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
});
export type ExpenseBody = Static<typeof ExpenseBody>;

/** A reversal corrects an expense with a new entry; its reason (or the credit note) is recorded. */
export const ExpenseReversalBody = Type.Object({ reason: Text(200) });
export type ExpenseReversalBody = Static<typeof ExpenseReversalBody>;

export const Expense = Type.Object({
  id: Uuid,
  spentOn: IsoDate,
  supplier: Type.String(),
  documentRef: Type.String(),
  interventionId: Type.Union([Uuid, Type.Null()]),
  /** Negative for a reversal. */
  amountCents: Type.Integer(),
  /** The expense this entry reverses. */
  reversesId: Type.Union([Uuid, Type.Null()]),
  createdAt: Type.String(),
});
export type Expense = Static<typeof Expense>;

export const Budget = Type.Object({
  id: Uuid,
  programme: Type.Enum(BUDGET_PROGRAMMES),
  capCents: Type.Integer(),
  spentCents: Type.Integer(),
  remainingCents: Type.Integer(),
  nearCap: Type.Boolean(),
  /** The line on the funds ledger, when the budget is drawn from one. */
  fundsLineId: Type.Union([Uuid, Type.Null()]),
  expenses: Type.Array(Expense),
});
export type Budget = Static<typeof Budget>;

export const Plan = Type.Object({
  id: Uuid,
  kind: Type.Enum(PLAN_KINDS),
  title: Type.String(),
  state: PlanState,
  reviewDate: Type.Union([IsoDate, Type.Null()]),
  reviewDue: Type.Boolean(),
  signedOn: Type.Union([IsoDate, Type.Null()]),
  signatureMethod: Type.Union([Type.Enum(SIGNATURE_METHODS), Type.Null()]),
  closedOn: Type.Union([IsoDate, Type.Null()]),
  version: Type.Integer(),
  goals: Type.Array(
    Type.Object({
      id: Uuid,
      description: Type.String(),
      indicator: Type.String(),
      deadline: IsoDate,
      outcome: Type.Union([Type.Enum(GOAL_OUTCOMES), Type.Null()]),
    }),
  ),
  commitments: Type.Array(
    Type.Object({ id: Uuid, party: Type.Enum(COMMITMENT_PARTIES), description: Type.String() }),
  ),
  interventions: Type.Array(
    Type.Object({
      id: Uuid,
      kind: Type.Enum(INTERVENTION_KINDS),
      referenceId: Type.Union([Uuid, Type.Null()]),
      description: Type.String(),
    }),
  ),
  budget: Type.Union([Budget, Type.Null()]),
});
export type Plan = Static<typeof Plan>;

export const DischargeBody = Type.Object({
  hospital: Text(200),
  ward: Type.Optional(Type.String({ maxLength: 200 })),
  referralOn: IsoDate,
  dischargeOn: IsoDate,
  steps: Type.Array(
    Type.Object({
      key: Type.String({ maxLength: 40 }),
      deadline: IsoDate,
      responsibleUserId: Type.Optional(Uuid),
    }),
    { minItems: 1, maxItems: 10 },
  ),
});
export type DischargeBody = Static<typeof DischargeBody>;

export const Discharge = Type.Object({
  id: Uuid,
  hospital: Type.String(),
  ward: Type.Union([Type.String(), Type.Null()]),
  referralOn: IsoDate,
  dischargeOn: IsoDate,
  status: Type.Enum(['in_progress', 'completed'] as const),
  red: Type.Boolean(),
  homePlanId: Type.Union([Uuid, Type.Null()]),
  steps: Type.Array(
    Type.Object({
      id: Uuid,
      key: Type.String(),
      label: Type.String(),
      deadline: IsoDate,
      responsible: NullableNamed,
      completedOn: Type.Union([IsoDate, Type.Null()]),
      escalatedOn: Type.Union([IsoDate, Type.Null()]),
      daysLate: Type.Integer(),
    }),
  ),
});
export type Discharge = Static<typeof Discharge>;

export const CompleteStepBody = Type.Object({
  completedOn: IsoDate,
  homePlanId: Type.Optional(Uuid),
});
export type CompleteStepBody = Static<typeof CompleteStepBody>;

/** The home plan a protected discharge ends in (a plan of the same case). */
export const DischargeHomePlanBody = Type.Object({ planId: Uuid });
export type DischargeHomePlanBody = Static<typeof DischargeHomePlanBody>;

export const DocumentMeta = Type.Object({
  id: Uuid,
  title: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  uploadedBy: NullableNamed,
  createdAt: Type.String(),
});
export type DocumentMeta = Static<typeof DocumentMeta>;

export const DocumentQuery = Type.Object({ title: Type.String({ minLength: 1, maxLength: 200 }) });

export const CaseDetail = Type.Object({
  id: Uuid,
  person: Type.Object({
    id: Uuid,
    givenName: Type.String(),
    familyName: Type.String(),
    birthDate: IsoDate,
    codiceFiscale: Type.Union([Type.String(), Type.Null()]),
    address: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    householdId: Type.Union([Uuid, Type.Null()]),
  }),
  area: CaseArea,
  source: Type.Enum(CASE_SOURCES),
  sourceRequestId: Type.Union([Uuid, Type.Null()]),
  reason: Type.String(),
  status: CaseStatus,
  outcome: Type.Union([Type.String(), Type.Null()]),
  comuneCode: IstatCode,
  comuneName: Type.String(),
  responsible: Named,
  team: Named,
  openedOn: IsoDate,
  closedOn: Type.Union([IsoDate, Type.Null()]),
  version: Type.Integer(),
  access: Type.String({ description: 'responsible | team | supervisor | break_glass' }),
  flags: CaseFlags,
  abilities: Type.Object({ change: Type.Boolean(), manage: Type.Boolean(), breakGlass: Type.Boolean() }),
  assessments: Type.Array(Assessment),
  plans: Type.Array(Plan),
  discharges: Type.Array(Discharge),
  documents: Type.Array(DocumentMeta),
});
export type CaseDetail = Static<typeof CaseDetail>;

export const EntryBody = Type.Object({
  kind: Type.Enum(ENTRY_KINDS),
  summary: Text(300),
  body: Type.Optional(Type.String({ maxLength: 8000 })),
  correctsEntryId: Type.Optional(Uuid),
});
export type EntryBody = Static<typeof EntryBody>;

export const TimelineItem = Type.Object({
  id: Type.String(),
  at: Type.String(),
  kind: Type.String(),
  summary: Type.String(),
  body: Type.Union([Type.String(), Type.Null()]),
  author: Type.Union([Type.String(), Type.Null()]),
  correctsEntryId: Type.Union([Type.String(), Type.Null()]),
  correctedBy: Type.Union([Type.String(), Type.Null()]),
  source: Type.Enum(['case', 'request', 'task', 'catalog_order'] as const),
});
export type TimelineItem = Static<typeof TimelineItem>;

export const Timeline = Type.Object({ items: Type.Array(TimelineItem) });
export type Timeline = Static<typeof Timeline>;

export const BoardQuery = Type.Object({ area: Type.Optional(CaseArea), comune: Type.Optional(IstatCode) });
export type BoardQuery = Static<typeof BoardQuery>;

export const Board = Type.Object({
  myCases: Type.Array(CaseSummary),
  reviewsDue: Type.Array(
    Type.Object({
      caseId: Uuid,
      planId: Uuid,
      title: Type.String(),
      reviewDate: IsoDate,
      personName: Type.String(),
    }),
  ),
  lateDischargeSteps: Type.Array(
    Type.Object({
      caseId: Uuid,
      dischargeId: Uuid,
      stepId: Uuid,
      label: Type.String(),
      deadline: IsoDate,
      daysLate: Type.Integer(),
      personName: Type.String(),
      responsible: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  budgetsNearCap: Type.Array(
    Type.Object({
      caseId: Uuid,
      budgetId: Uuid,
      personName: Type.String(),
      capCents: Type.Integer(),
      spentCents: Type.Integer(),
      remainingCents: Type.Integer(),
    }),
  ),
  newReferrals: Type.Array(CaseSummary),
});
export type Board = Static<typeof Board>;

export const SocialTeam = Type.Object({
  id: Uuid,
  name: Type.String(),
  comuneCode: IstatCode,
  members: Type.Array(
    Type.Object({ id: Uuid, name: Type.String(), role: Type.Enum(['member', 'supervisor'] as const) }),
  ),
});
export type SocialTeam = Static<typeof SocialTeam>;
export const SocialTeams = Type.Array(SocialTeam);

export const AnonymiseBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) });
export const ExportQuery = Type.Object({ format: Type.Optional(Type.Enum(['json', 'pdf'] as const)) });
