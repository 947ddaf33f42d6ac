import { Type, type Static } from 'typebox';
import { IsoDate, IstatCode, Uuid } from '../common/common.schemas.js';

// Null first: Fastify's Ajv coerces types, and would turn a null into 0 or "" for the first branch.
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);
const Cents = Type.Integer({ minimum: 0, maximum: 100_000_000_00 });

export const PROGRAMME_KINDS = ['voucher', 'solidarity_fund', 'rent_fund', 'utility_bonus'] as const;
export const APPLICATION_STATUSES = ['submitted', 'approved', 'rejected', 'paid'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const ProgrammeRule = Type.Object(
  {
    residenceComuni: Nullable(Type.Array(IstatCode, { maxItems: 200 })),
    minHouseholdSize: Type.Integer({ minimum: 1, maximum: 30 }),
    maxHouseholdSize: Nullable(Type.Integer({ minimum: 1, maximum: 30 })),
    iseeMaxCents: Nullable(Cents),
    iseeRequired: Type.Boolean(),
    amountBySizeCents: Type.Array(Cents, { minItems: 1, maxItems: 30 }),
    iseeBands: Type.Array(
      Type.Object(
        { upToCents: Cents, percent: Type.Integer({ minimum: 0, maximum: 100 }) },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    maxAmountCents: Nullable(Cents),
  },
  { additionalProperties: false },
);
export type ProgrammeRule = Static<typeof ProgrammeRule>;

export const CreateProgrammeBody = Type.Object(
  {
    kind: Type.Enum(PROGRAMME_KINDS),
    name: Type.String({ minLength: 3, maxLength: 200 }),
    comuneCode: IstatCode,
    rule: ProgrammeRule,
    validFrom: IsoDate,
    validUntil: IsoDate,
    budgetCents: Cents,
    requiredDocuments: Type.Optional(
      Type.Array(Type.String({ minLength: 2, maxLength: 100 }), { maxItems: 20 }),
    ),
  },
  { additionalProperties: false },
);
export type CreateProgrammeBody = Static<typeof CreateProgrammeBody>;

export const Programme = Type.Object({
  id: Uuid,
  kind: Type.Enum(PROGRAMME_KINDS),
  name: Type.String(),
  comuneCode: IstatCode,
  comuneName: Type.String(),
  rule: ProgrammeRule,
  validFrom: IsoDate,
  validUntil: IsoDate,
  requiredDocuments: Type.Array(Type.String()),
  budget: Type.Object({
    budgetCents: Type.Integer(),
    committedCents: Type.Integer(),
    availableCents: Type.Integer(),
    redeemedCents: Type.Integer(),
    paidCents: Type.Integer(),
    vouchersIssued: Type.Integer(),
  }),
  applications: Type.Record(Type.String(), Type.Integer()),
});
export type Programme = Static<typeof Programme>;

export const CreateApplicationBody = Type.Object(
  {
    personId: Uuid,
    channel: Type.Enum(['online', 'desk'] as const),
    householdSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
    iseeCents: Type.Optional(Nullable(Cents)),
    documents: Type.Optional(Type.Array(Type.String({ minLength: 2, maxLength: 100 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type CreateApplicationBody = Static<typeof CreateApplicationBody>;

export const Application = Type.Object({
  id: Uuid,
  programmeId: Uuid,
  programmeName: Type.String(),
  personId: Uuid,
  personName: Type.String(),
  householdId: Nullable(Uuid),
  comuneCode: IstatCode,
  comuneName: Type.String(),
  channel: Type.String(),
  householdSize: Type.Integer(),
  // ISEE only for who decides on the application.
  iseeCents: Nullable(Type.Integer()),
  documents: Type.Array(Type.String()),
  missingDocuments: Type.Array(Type.String()),
  status: Type.Enum(APPLICATION_STATUSES),
  eligibilityProblems: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
  proposedAmountCents: Type.Integer(),
  amountCents: Nullable(Type.Integer()),
  decisionReason: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  paymentReference: Nullable(Type.String()),
  duplicateOf: Nullable(Uuid),
  voucherId: Nullable(Uuid),
  createdAt: Type.String(),
  /** The person's case file, when the reader may open it; given when one application is opened, null in lists. */
  caseId: Nullable(Uuid),
  abilities: Type.Object({
    decide: Type.Boolean(),
    issueVoucher: Type.Boolean(),
    recordPayment: Type.Boolean(),
  }),
});
export type Application = Static<typeof Application>;

/** What a citizen sees of their comune's open programmes: what it is and what to bring. */
export const OpenProgramme = Type.Pick(Programme, [
  'id',
  'kind',
  'name',
  'comuneName',
  'validFrom',
  'validUntil',
  'requiredDocuments',
]);
export type OpenProgramme = Static<typeof OpenProgramme>;

/** A citizen applies for self: household size and ISEE come from their records, not from the form. */
export const OwnApplicationBody = Type.Object(
  {
    documents: Type.Optional(Type.Array(Type.String({ minLength: 2, maxLength: 100 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type OwnApplicationBody = Static<typeof OwnApplicationBody>;

/** A citizen's view of their own application: where it stands and why; no checks of the operator. */
export const OwnApplication = Type.Pick(Application, [
  'id',
  'programmeId',
  'programmeName',
  'channel',
  'householdSize',
  'documents',
  'missingDocuments',
  'status',
  'amountCents',
  'decisionReason',
  'decidedAt',
  'createdAt',
]);
export type OwnApplication = Static<typeof OwnApplication>;

export const ApplicationsQuery = Type.Object({
  status: Type.Optional(Type.Enum(APPLICATION_STATUSES)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export type ApplicationsQuery = Static<typeof ApplicationsQuery>;

export const DecideBody = Type.Object(
  {
    decision: Type.Enum(['approve', 'reject'] as const),
    reason: Type.String({ minLength: 3, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type DecideBody = Static<typeof DecideBody>;

export const PaymentBody = Type.Object(
  { paymentReference: Type.String({ minLength: 3, maxLength: 100 }) },
  { additionalProperties: false },
);

export const Voucher = Type.Object({
  id: Uuid,
  code: Type.String(),
  programmeId: Uuid,
  programmeName: Type.String(),
  comuneCode: IstatCode,
  amountCents: Type.Integer(),
  balanceCents: Type.Integer(),
  validFrom: IsoDate,
  validUntil: IsoDate,
  status: Type.String(),
  /** The code as a QR image (SVG markup), printable and shown on a phone. */
  qrSvg: Type.String(),
  redemptions: Type.Array(
    Type.Object({
      shopName: Type.String(),
      amountCents: Type.Integer(),
      balanceAfterCents: Type.Integer(),
      redeemedAt: Type.String(),
    }),
  ),
});
export type Voucher = Static<typeof Voucher>;

export const RedeemBody = Type.Object(
  {
    code: Type.String({ minLength: 4, maxLength: 40 }),
    amountCents: Type.Integer({ minimum: 1, maximum: 100_000_00 }),
  },
  { additionalProperties: false },
);
export type RedeemBody = Static<typeof RedeemBody>;

/** What a shop learns: the code, the spend and what remains — nothing about the household. */
export const Redemption = Type.Object({
  code: Type.String(),
  programmeName: Type.String(),
  amountCents: Type.Integer(),
  remainingCents: Type.Integer(),
  validUntil: IsoDate,
  shopName: Type.String(),
  redeemedAt: Type.String(),
});
export type Redemption = Static<typeof Redemption>;

export const CreateShopBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    vatNumber: Type.String({ maxLength: 20 }),
    comuneCode: IstatCode,
    address: Type.String({ minLength: 3, maxLength: 300 }),
    latitude: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
    longitude: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
    userIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type CreateShopBody = Static<typeof CreateShopBody>;

export const Shop = Type.Object({
  id: Uuid,
  name: Type.String(),
  vatNumber: Type.String(),
  comuneCode: IstatCode,
  comuneName: Type.String(),
  address: Type.String(),
  accreditedOn: IsoDate,
  redeemedCents: Type.Integer(),
  redemptions: Type.Integer(),
});
export type Shop = Static<typeof Shop>;

export const FraudSignal = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(['duplicate_application', 'far_redemption'] as const),
  comuneCode: IstatCode,
  applicationId: Nullable(Uuid),
  voucherId: Nullable(Uuid),
  details: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String(),
});
export type FraudSignal = Static<typeof FraudSignal>;
