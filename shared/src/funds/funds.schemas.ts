import { Type, type Static } from 'typebox';
import { IsoDate, IstatCode, NonBlank, Trimmed, Uuid } from '../common/common.schemas.js';
import { ImportProgressFields, ImportRowFields } from '../imports/imports.schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Cents = Type.Integer({ minimum: 0, maximum: 100_000_000_000 });

export const SourceType = Type.Union([
  Type.Literal('contribution'),
  Type.Literal('cofinancing'),
  Type.Literal('donations'),
]);
export type SourceType = Static<typeof SourceType>;
export const ActionKind = Type.Union([
  Type.Literal('personal_budget'),
  Type.Literal('community_lab'),
  Type.Literal('company_pact'),
  Type.Literal('civic_centre'),
  Type.Literal('training'),
  Type.Literal('fundraising'),
  Type.Literal('home_care'),
  Type.Literal('other'),
]);
export const ActionStatus = Type.Union([
  Type.Literal('not_started'),
  Type.Literal('in_progress'),
  Type.Literal('late'),
  Type.Literal('completed'),
  Type.Literal('suspended'),
]);
export const SourceKind = Type.Union([
  Type.Literal('pnrr'),
  Type.Literal('foundation'),
  Type.Literal('comune'),
  Type.Literal('region'),
  Type.Literal('national'),
  Type.Literal('donations'),
  Type.Literal('other'),
]);

export const FundSource = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.String(),
  reference: Nullable(Type.String()),
});
export type FundSource = Static<typeof FundSource>;
export const CreateSourceBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    kind: SourceKind,
    reference: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);

export const Balance = Type.Object({
  budgetCents: Type.Integer(),
  spentCents: Type.Integer(),
  committedCents: Type.Integer(),
  childrenCents: Type.Integer(),
  limitCents: Type.Integer(),
  availableCents: Type.Integer(),
});
export type Balance = Static<typeof Balance>;

export const FundLine = Type.Object({
  id: Uuid,
  label: Type.String(),
  projectId: Nullable(Uuid),
  actionId: Nullable(Uuid),
  partnerId: Nullable(Uuid),
  periodId: Nullable(Uuid),
  sourceId: Nullable(Uuid),
  sourceType: SourceType,
  allocationId: Nullable(Uuid),
  comuneCode: Nullable(IstatCode),
  subAmbitoId: Nullable(Uuid),
  parentLineId: Nullable(Uuid),
  beneficiaryRef: Nullable(Type.String()),
  capCents: Nullable(Type.Integer()),
  balance: Balance,
  abilities: Type.Object({ spend: Type.Boolean(), manage: Type.Boolean() }),
});
export type FundLine = Static<typeof FundLine>;

export const CreateLineBody = Type.Object(
  {
    label: Type.String({ minLength: 2, maxLength: 200 }),
    projectId: Type.Optional(Nullable(Uuid)),
    actionId: Type.Optional(Nullable(Uuid)),
    partnerId: Type.Optional(Nullable(Uuid)),
    periodId: Type.Optional(Nullable(Uuid)),
    sourceId: Type.Optional(Nullable(Uuid)),
    sourceType: SourceType,
    comuneCode: Type.Optional(Nullable(IstatCode)),
    parentLineId: Type.Optional(Nullable(Uuid)),
    budgetCents: Cents,
    capCents: Type.Optional(Nullable(Cents)),
  },
  { additionalProperties: false },
);
export type CreateLineBody = Static<typeof CreateLineBody>;

export const LinesQuery = Type.Object({
  projectId: Type.Optional(Uuid),
  allocationId: Type.Optional(Uuid),
  comune: Type.Optional(IstatCode),
});

export const Movement = Type.Object({
  id: Uuid,
  lineId: Uuid,
  kind: Type.String(),
  amountCents: Type.Integer(),
  occurredOn: IsoDate,
  supplier: Nullable(Type.String()),
  document: Nullable(Type.String()),
  description: Nullable(Type.String()),
  reversesId: Nullable(Uuid),
  commitmentId: Nullable(Uuid),
  recordedBy: Nullable(Uuid),
  recordedAt: Type.String(),
});
export type Movement = Static<typeof Movement>;

export const LineDetail = Type.Intersect([FundLine, Type.Object({ movements: Type.Array(Movement) })]);

export const MovementBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('commitment'), Type.Literal('expense')]),
    amountCents: Type.Integer({ minimum: 1, maximum: 100_000_000_000 }),
    occurredOn: IsoDate,
    supplier: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    document: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    commitmentId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export type MovementBody = Static<typeof MovementBody>;

export const ReversalBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 500 }), occurredOn: Type.Optional(IsoDate) },
  { additionalProperties: false },
);

export const MovementResult = Type.Object({ movement: Movement, balance: Balance });

// Allocations — the contract of issue 9.
export const AllocationShare = Type.Object({
  comuneCode: IstatCode,
  comuneName: Type.String(),
  subAmbitoId: Nullable(Uuid),
  weight: Type.Integer(),
  amountCents: Type.Integer(),
  lineId: Nullable(Uuid),
  spentCents: Type.Integer(),
});
export const AllocationGroup = Type.Object({
  subAmbitoId: Nullable(Uuid),
  name: Type.String(),
  weight: Type.Integer(),
  amountCents: Type.Integer(),
});
export const Allocation = Type.Object({
  id: Nullable(Uuid),
  title: Type.String(),
  totalCents: Type.Integer(),
  method: Type.String(),
  territory: Type.Object({ type: Type.String(), id: Nullable(Type.String()) }),
  sourceType: SourceType,
  reallocatesId: Nullable(Uuid),
  unspentAsOf: Nullable(IsoDate),
  createdAt: Nullable(Type.String()),
  groups: Type.Array(AllocationGroup),
  shares: Type.Array(AllocationShare),
});
export type Allocation = Static<typeof Allocation>;

export const AllocationSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  totalCents: Type.Integer(),
  method: Type.String(),
  territory: Type.Object({ type: Type.String(), id: Nullable(Type.String()) }),
  reallocatesId: Nullable(Uuid),
  createdAt: Type.String(),
  shares: Type.Array(
    Type.Object({
      comuneCode: IstatCode,
      subAmbitoId: Nullable(Uuid),
      weight: Type.Integer(),
      amountCents: Type.Integer(),
    }),
  ),
});

export const AllocationTerritory = Type.Union([
  Type.String({ minLength: 1, maxLength: 40, description: 'id di un Ambito, es. CREMA' }),
  Type.Object({ ambitoId: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
  Type.Object(
    { comuneCodes: Type.Array(IstatCode, { minItems: 1, maxItems: 500, uniqueItems: true }) },
    { additionalProperties: false },
  ),
]);
export type AllocationTerritory = Static<typeof AllocationTerritory>;

export const AllocationMethod = Type.Union([
  Type.Literal('population'),
  Type.Literal('over65'),
  Type.Literal('equal'),
  Type.Literal('custom'),
]);

export const AllocationPreviewBody = Type.Object(
  {
    totalCents: Cents,
    territory: AllocationTerritory,
    method: AllocationMethod,
    title: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    // Custom weights by ISTAT code (method "custom"); at most four decimals.
    weights: Type.Optional(Type.Record(Type.String({ pattern: '^[0-9]{6}$' }), Type.Number({ minimum: 0 }))),
    // Whether to split through the sub-ambiti when they are configured (default: yes).
    bySubAmbito: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AllocationPreviewBody = Static<typeof AllocationPreviewBody>;

export const ConfirmAllocationBody = Type.Object(
  {
    totalCents: Cents,
    territory: AllocationTerritory,
    method: AllocationMethod,
    title: Type.String({ minLength: 2, maxLength: 200 }),
    weights: Type.Optional(Type.Record(Type.String({ pattern: '^[0-9]{6}$' }), Type.Number({ minimum: 0 }))),
    bySubAmbito: Type.Optional(Type.Boolean()),
    sourceId: Type.Optional(Nullable(Uuid)),
    sourceType: Type.Optional(SourceType),
    projectId: Type.Optional(Nullable(Uuid)),
    actionId: Type.Optional(Nullable(Uuid)),
    periodId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export type ConfirmAllocationBody = Static<typeof ConfirmAllocationBody>;

export const ReallocateBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 200 }),
    asOf: IsoDate,
    method: Type.Optional(AllocationMethod),
    weights: Type.Optional(Type.Record(Type.String({ pattern: '^[0-9]{6}$' }), Type.Number({ minimum: 0 }))),
  },
  { additionalProperties: false },
);
export type ReallocateBody = Static<typeof ReallocateBody>;

// Projects and the progress report.
export const Totals = Type.Object({
  contributionCents: Type.Integer(),
  cofinancingCents: Type.Integer(),
  donationsCents: Type.Integer(),
  totalCents: Type.Integer(),
});
export type Totals = Static<typeof Totals>;

export const Indicator = Type.Object({
  id: Uuid,
  label: Type.String(),
  targetValue: Nullable(Type.Integer()),
  actualValue: Type.Integer(),
  unit: Type.String(),
});

export const ProjectSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  startYear: Type.Integer(),
  endYear: Type.Integer(),
  partnersCount: Type.Integer(),
  adherentsCount: Type.Integer(),
  budget: Totals,
});
export type ProjectSummary = Static<typeof ProjectSummary>;

export const ReportQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('pdf'), Type.Literal('xlsx')])),
  date: Type.Optional(IsoDate),
  since: Type.Optional(IsoDate),
});

const PeriodTotals = Type.Object({ periodId: Nullable(Uuid), label: Type.String(), totals: Totals });
const PartnerRow = Type.Object({
  partnerId: Nullable(Uuid),
  name: Type.String(),
  role: Type.String(),
  budget: Totals,
  spentCents: Type.Integer(),
  committedCents: Type.Integer(),
  percentSpent: Type.Number(),
});

export const ProgressReport = Type.Object({
  project: Type.Object({
    id: Uuid,
    title: Type.String(),
    description: Type.String(),
    startYear: Type.Integer(),
    endYear: Type.Integer(),
    lead: Nullable(Type.String()),
    partnersCount: Type.Integer(),
    adherentsCount: Type.Integer(),
  }),
  asOf: IsoDate,
  since: Nullable(IsoDate),
  totals: Type.Object({ overall: Totals, periods: Type.Array(PeriodTotals) }),
  spending: Type.Object({
    budgetCents: Type.Integer(),
    spentCents: Type.Integer(),
    committedCents: Type.Integer(),
    percentSpent: Type.Number(),
    bySourceType: Type.Object({
      contributionCents: Type.Integer(),
      cofinancingCents: Type.Integer(),
      donationsCents: Type.Integer(),
    }),
    spentSinceCents: Type.Integer(),
  }),
  actions: Type.Array(
    Type.Object({
      id: Uuid,
      code: Type.String(),
      title: Type.String(),
      kind: Type.String(),
      status: Type.String(),
      statusLabel: Type.String(),
      statusNote: Nullable(Type.String()),
      implementingPartner: Nullable(Type.String()),
      capCents: Nullable(Type.Integer()),
      indicators: Type.Array(Indicator),
      budget: Totals,
      spentCents: Type.Integer(),
      committedCents: Type.Integer(),
      percentSpent: Type.Number(),
      spentSinceCents: Type.Integer(),
      lines: Type.Array(
        Type.Object({
          id: Uuid,
          label: Type.String(),
          budgetCents: Type.Integer(),
          spentCents: Type.Integer(),
        }),
      ),
    }),
  ),
  partners: Type.Array(PartnerRow),
  adherents: Type.Array(Type.String()),
  campaigns: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      donors: Type.Integer(),
      raisedCents: Type.Integer(),
      contacts: Type.Integer(),
    }),
  ),
});
export type ProgressReport = Static<typeof ProgressReport>;

export const Campaign = Type.Object({
  id: Uuid,
  title: Type.String(),
  iban: Nullable(Type.String()),
  holder: Nullable(Type.String()),
  startsOn: IsoDate,
  endsOn: Nullable(IsoDate),
  targetCents: Nullable(Type.Integer()),
  projectId: Nullable(Uuid),
  lineId: Nullable(Uuid),
  comuneCode: IstatCode,
  donors: Type.Integer(),
  raisedCents: Type.Integer(),
  contacts: Type.Integer(),
  donations: Type.Integer(),
});
export type Campaign = Static<typeof Campaign>;

export const CreateCampaignBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 200 }),
    iban: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    holder: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    startsOn: IsoDate,
    endsOn: Type.Optional(Nullable(IsoDate)),
    targetCents: Type.Optional(Nullable(Cents)),
    projectId: Type.Optional(Nullable(Uuid)),
    lineId: Type.Optional(Nullable(Uuid)),
    comuneCode: IstatCode,
  },
  { additionalProperties: false },
);
export type CreateCampaignBody = Static<typeof CreateCampaignBody>;

export const DonationChannel = Type.Union([
  Type.Literal('bank_transfer'),
  Type.Literal('cash'),
  Type.Literal('online'),
]);
export type DonationChannel = Static<typeof DonationChannel>;

export const Donation = Type.Object({
  id: Uuid,
  campaignId: Uuid,
  channel: DonationChannel,
  amountCents: Type.Integer(),
  receivedOn: IsoDate,
  donor: Nullable(
    Type.Object({
      id: Uuid,
      kind: Type.Union([Type.Literal('person'), Type.Literal('company')]),
      name: Type.String(),
      taxCode: Nullable(Type.String()),
      email: Nullable(Type.String()),
      consentContact: Type.Boolean(),
    }),
  ),
  bankReference: Nullable(Type.String()),
  reconciledAt: Nullable(Type.String({ format: 'date-time' })),
  receiptNumber: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
});
export type Donation = Static<typeof Donation>;

/** A donor registered with their gift. Donors are personal data: consent to be contacted is explicit. */
export const NewDonor = Type.Object(
  {
    kind: Type.Union([Type.Literal('person'), Type.Literal('company')]),
    name: NonBlank({ maxLength: 200 }),
    taxCode: Type.Optional(Trimmed({ maxLength: 16, pattern: '^([A-Za-z0-9]{11}|[A-Za-z0-9]{16})?$' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    phone: Type.Optional(Trimmed({ maxLength: 30, pattern: '^[+0-9 ./()-]*$' })),
    consentContact: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** A gift recorded by hand: from a registered donor, a new one, or anonymous (cash at a stall). */
export const RecordDonationBody = Type.Object(
  {
    channel: DonationChannel,
    amountCents: Type.Integer({ minimum: 1, maximum: 100_000_000_000 }),
    receivedOn: IsoDate,
    donorId: Type.Optional(Uuid),
    donor: Type.Optional(NewDonor),
    note: Type.Optional(Trimmed({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type RecordDonationBody = Static<typeof RecordDonationBody>;

export const BankLine = Type.Object({
  id: Uuid,
  bookedOn: IsoDate,
  valueOn: Nullable(IsoDate),
  amountCents: Type.Integer(),
  description: Type.String(),
  donationId: Nullable(Uuid),
  matchedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type BankLine = Static<typeof BankLine>;

/** What an imported statement did: new lines, lines already known, matches made, and what is left. */
export const StatementImport = Type.Object({
  lines: Type.Integer(),
  newLines: Type.Integer(),
  alreadyImported: Type.Integer(),
  matched: Type.Integer(),
  unmatched: Type.Array(BankLine),
  problems: Type.Array(Type.Object({ fileLine: Type.Integer(), message: Type.String() })),
});
export type StatementImport = Static<typeof StatementImport>;

/** The operator decides an open line: it is this donation, or a new donation made from the line. */
export const MatchBankLineBody = Type.Union([
  Type.Object({ donationId: Uuid }, { additionalProperties: false }),
  Type.Object(
    {
      newDonation: Type.Object(
        {
          donorId: Type.Optional(Uuid),
          donor: Type.Optional(NewDonor),
          note: Type.Optional(Trimmed({ maxLength: 500 })),
        },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  ),
]);
export type MatchBankLineBody = Static<typeof MatchBankLineBody>;

export const CreateProjectBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    startYear: Type.Integer({ minimum: 1990, maximum: 2100 }),
    endYear: Type.Integer({ minimum: 1990, maximum: 2100 }),
    sourceId: Type.Optional(Nullable(Uuid)),
    periods: Type.Optional(
      Type.Array(
        Type.Object(
          { label: Type.String({ minLength: 1, maxLength: 80 }), startsOn: IsoDate, endsOn: IsoDate },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    ),
    partners: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 2, maxLength: 200 }),
            role: Type.Union([Type.Literal('lead'), Type.Literal('partner'), Type.Literal('adherent')]),
            organizationId: Type.Optional(Nullable(Uuid)),
            note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
          },
          { additionalProperties: false },
        ),
        { maxItems: 500 },
      ),
    ),
    actions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            code: Type.String({ minLength: 1, maxLength: 10 }),
            title: Type.String({ minLength: 2, maxLength: 200 }),
            description: Type.Optional(Type.String({ maxLength: 4000 })),
            kind: ActionKind,
            status: ActionStatus,
            statusNote: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
            implementingPartner: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
            indicators: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    label: Type.String({ minLength: 2, maxLength: 200 }),
                    targetValue: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
                    actualValue: Type.Optional(Type.Integer({ minimum: 0 })),
                    unit: Type.Optional(Type.String({ maxLength: 40 })),
                  },
                  { additionalProperties: false },
                ),
                { maxItems: 50 },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    caps: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Cents)),
  },
  { additionalProperties: false },
);
export type CreateProjectBody = Static<typeof CreateProjectBody>;

export const UpdateActionBody = Type.Object(
  {
    status: Type.Optional(ActionStatus),
    statusNote: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    indicators: Type.Optional(
      Type.Array(
        Type.Object({ id: Uuid, actualValue: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
        {
          maxItems: 50,
        },
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateActionBody = Static<typeof UpdateActionBody>;

export const FundImportRow = Type.Object({
  ...ImportRowFields,
  lineId: Nullable(Uuid),
  movementId: Nullable(Uuid),
});
export type FundImportRow = Static<typeof FundImportRow>;

export const FundImportReport = Type.Object({
  ...ImportProgressFields,
  projectId: Uuid,
  rows: Type.Array(FundImportRow),
});
export type FundImportReport = Static<typeof FundImportReport>;
