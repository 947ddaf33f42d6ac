import { Type, type Static } from 'typebox';
import { IsoDate, IstatCode, NonBlank, Uuid } from '../common/common.schemas.js';

/*
 * Goods going out to people: food parcels, distribution campaigns (masks to the over-65s),
 * equipment on loan (tablets for pupils) and the social market's points.
 */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);
const Quantity = Type.Integer({ minimum: 1, maximum: 10_000 });
const Reason = NonBlank({ minLength: 3, maxLength: 500 });
const HouseholdSize = Type.Integer({ minimum: 1, maximum: 30 });

export const ParcelLine = Type.Object({ itemId: Uuid, quantity: Quantity }, { additionalProperties: false });

export const ParcelTemplate = Type.Object({
  id: Uuid,
  name: Type.String(),
  minHouseholdSize: Type.Integer(),
  maxHouseholdSize: Nullable(Type.Integer()),
  lines: Type.Array(Type.Object({ itemId: Uuid, itemName: Type.String(), quantity: Type.Integer() })),
});
export type ParcelTemplate = Static<typeof ParcelTemplate>;

export const CreateParcelTemplateBody = Type.Object(
  {
    name: NonBlank({ minLength: 2, maxLength: 200 }),
    minHouseholdSize: HouseholdSize,
    maxHouseholdSize: Type.Optional(Nullable(HouseholdSize)),
    lines: Type.Array(ParcelLine, { minItems: 1, maxItems: 40 }),
  },
  { additionalProperties: false },
);
export type CreateParcelTemplateBody = Static<typeof CreateParcelTemplateBody>;

export const CreateParcelBody = Type.Object(
  {
    pointId: Uuid,
    personId: Uuid,
    /** A template by household size; or `lines` to make one up. Exactly one of the two. */
    templateId: Type.Optional(Uuid),
    lines: Type.Optional(Type.Array(ParcelLine, { minItems: 1, maxItems: 40 })),
    householdSize: Type.Optional(HouseholdSize),
    delivery: Type.Enum(['delivery', 'pickup']),
    /** For a delivery: the day the volunteer brings it (default tomorrow). */
    deliveryDate: Type.Optional(IsoDate),
    /** A second parcel in the same period: why. */
    overrideReason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);
export type CreateParcelBody = Static<typeof CreateParcelBody>;

export const Parcel = Type.Object({
  id: Uuid,
  personId: Uuid,
  personName: Type.String(),
  householdId: Nullable(Uuid),
  comuneCode: IstatCode,
  pointId: Uuid,
  pointName: Type.String(),
  templateName: Nullable(Type.String()),
  householdSize: Type.Integer(),
  assembledOn: IsoDate,
  periodKey: Type.String(),
  delivery: Type.Enum(['delivery', 'pickup']),
  requestId: Nullable(Uuid),
  taskIds: Type.Array(Uuid),
  overrideReason: Nullable(Type.String()),
  pickedUpAt: Nullable(Type.String()),
  batchId: Uuid,
  lines: Type.Array(
    Type.Object({
      itemName: Type.String(),
      unit: Type.String(),
      lotId: Uuid,
      expiryDate: Nullable(IsoDate),
      quantity: Type.Integer(),
    }),
  ),
});
export type Parcel = Static<typeof Parcel>;

export const ParcelsQuery = Type.Object(
  {
    point: Type.Optional(Uuid),
    person: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type ParcelsQuery = Static<typeof ParcelsQuery>;

export const Campaign = Type.Object({
  id: Uuid,
  name: Type.String(),
  comuneCode: IstatCode,
  comuni: Type.Array(IstatCode),
  minAge: Nullable(Type.Integer()),
  itemId: Nullable(Uuid),
  itemName: Nullable(Type.String()),
  quantityPerPerson: Type.Integer(),
  startsOn: IsoDate,
  endsOn: Nullable(IsoDate),
  eligible: Type.Integer(),
  reached: Type.Integer(),
});
export type Campaign = Static<typeof Campaign>;

export const CreateCampaignBody = Type.Object(
  {
    name: NonBlank({ minLength: 3, maxLength: 200 }),
    comuneCode: IstatCode,
    comuni: Type.Array(IstatCode, { minItems: 1, maxItems: 120, uniqueItems: true }),
    minAge: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 120 }))),
    itemId: Type.Optional(Nullable(Uuid)),
    quantityPerPerson: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    startsOn: IsoDate,
    endsOn: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);
export type CreateCampaignBody = Static<typeof CreateCampaignBody>;

export const CampaignProgress = Type.Object({
  campaign: Campaign,
  comuni: Type.Array(
    Type.Object({
      comuneCode: IstatCode,
      comuneName: Type.String(),
      eligible: Type.Integer(),
      reached: Type.Integer(),
      /** reached / eligible in thousandths, 0 when nobody is eligible. */
      permille: Type.Integer(),
    }),
  ),
});
export type CampaignProgress = Static<typeof CampaignProgress>;

export const NotReachedQuery = Type.Object(
  {
    comune: Type.Optional(IstatCode),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type NotReachedQuery = Static<typeof NotReachedQuery>;

export const NotReachedPage = Type.Object({
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      birthDate: IsoDate,
      comuneCode: IstatCode,
      address: Nullable(Type.String()),
      livesAlone: Type.Boolean(),
    }),
  ),
});
export type NotReachedPage = Static<typeof NotReachedPage>;

export const CampaignDeliveryBody = Type.Object(
  {
    personId: Uuid,
    channel: Type.Enum(['delivery', 'point']),
    /** The point it came from; with the campaign's item, that stock goes out (FEFO). */
    pointId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type CampaignDeliveryBody = Static<typeof CampaignDeliveryBody>;

export const CampaignDelivery = Type.Object({
  id: Type.Integer(),
  campaignId: Uuid,
  personId: Uuid,
  comuneCode: IstatCode,
  channel: Type.Enum(['delivery', 'point']),
  deliveredOn: IsoDate,
  batchId: Nullable(Uuid),
  /** Delivered at home: the CremonAiuta request and its task, in the next day's rounds. */
  requestId: Nullable(Uuid),
  taskIds: Type.Array(Uuid),
});
export type CampaignDelivery = Static<typeof CampaignDelivery>;

export const ASSET_KINDS = ['tablet', 'wheelchair', 'telecare', 'other'] as const;
export const CONDITIONS = ['new', 'good', 'worn', 'damaged', 'lost'] as const;

export const Asset = Type.Object({
  id: Uuid,
  kind: Type.Enum(ASSET_KINDS),
  label: Type.String(),
  serialNumber: Type.String(),
  organizationId: Uuid,
  comuneCode: IstatCode,
  condition: Type.Enum(CONDITIONS),
  /** available, out (on loan until the due date), overdue. */
  state: Type.Enum(['available', 'out', 'overdue']),
  loanId: Nullable(Uuid),
  dueDate: Nullable(IsoDate),
});
export type Asset = Static<typeof Asset>;

export const CreateAssetBody = Type.Object(
  {
    kind: Type.Enum(ASSET_KINDS),
    label: NonBlank({ minLength: 2, maxLength: 200 }),
    serialNumber: NonBlank({ minLength: 3, maxLength: 60, pattern: '^[A-Za-z0-9 ./_-]+$' }),
    organizationId: Uuid,
    comuneCode: IstatCode,
    condition: Type.Optional(Type.Enum(CONDITIONS)),
  },
  { additionalProperties: false },
);
export type CreateAssetBody = Static<typeof CreateAssetBody>;

export const AssetsQuery = Type.Object(
  {
    state: Type.Optional(Type.Enum(['available', 'out', 'overdue'])),
    kind: Type.Optional(Type.Enum(ASSET_KINDS)),
  },
  { additionalProperties: false },
);
export type AssetsQuery = Static<typeof AssetsQuery>;

export const Loan = Type.Object({
  id: Uuid,
  assetId: Uuid,
  assetLabel: Type.String(),
  serialNumber: Type.String(),
  personId: Uuid,
  personName: Type.String(),
  comuneCode: IstatCode,
  school: Nullable(Type.String()),
  startedOn: IsoDate,
  dueDate: IsoDate,
  returnedOn: Nullable(IsoDate),
  returnCondition: Nullable(Type.Enum(CONDITIONS)),
  state: Type.Enum(['out', 'overdue', 'returned']),
  needsReminder: Type.Boolean(),
});
export type Loan = Static<typeof Loan>;

export const CreateLoanBody = Type.Object(
  {
    assetId: Uuid,
    personId: Uuid,
    school: Type.Optional(Nullable(NonBlank({ maxLength: 200 }))),
    startedOn: Type.Optional(IsoDate),
    /** Length in days; by default the asset kind's (a tablet: a school term). */
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  },
  { additionalProperties: false },
);
export type CreateLoanBody = Static<typeof CreateLoanBody>;

export const ReturnLoanBody = Type.Object(
  {
    condition: Type.Enum(CONDITIONS),
    notes: Type.Optional(NonBlank({ maxLength: 500 })),
    returnedOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type ReturnLoanBody = Static<typeof ReturnLoanBody>;

export const MarketAccount = Type.Object({
  id: Uuid,
  pointId: Uuid,
  personId: Uuid,
  personName: Type.String(),
  comuneCode: IstatCode,
  cardCode: Type.String(),
  householdSize: Type.Integer(),
  monthlyPoints: Type.Integer(),
  balancePoints: Type.Integer(),
  validUntil: IsoDate,
});
export type MarketAccount = Static<typeof MarketAccount>;

export const CreateMarketAccountBody = Type.Object(
  {
    pointId: Uuid,
    personId: Uuid,
    householdSize: Type.Optional(HouseholdSize),
    validUntil: IsoDate,
  },
  { additionalProperties: false },
);
export type CreateMarketAccountBody = Static<typeof CreateMarketAccountBody>;

export const MarketCreditBody = Type.Object(
  { pointId: Uuid, month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }) },
  { additionalProperties: false },
);
export type MarketCreditBody = Static<typeof MarketCreditBody>;

export const MarketCreditResult = Type.Object({
  month: Type.String(),
  credited: Type.Integer(),
  alreadyCredited: Type.Integer(),
  points: Type.Integer(),
});
export type MarketCreditResult = Static<typeof MarketCreditResult>;

export const MarketSpendBody = Type.Object(
  {
    cardCode: Type.String({ minLength: 6, maxLength: 30 }),
    points: Type.Integer({ minimum: 1, maximum: 100_000 }),
    /** What left the shelf, taken from the market's stock (FEFO). */
    lines: Type.Optional(Type.Array(ParcelLine, { maxItems: 40 })),
  },
  { additionalProperties: false },
);
export type MarketSpendBody = Static<typeof MarketSpendBody>;

export const LoansQuery = Type.Object(
  { person: Type.Optional(Uuid), open: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type LoansQuery = Static<typeof LoansQuery>;

export const MarketAccountsQuery = Type.Object({ point: Uuid }, { additionalProperties: false });

export const MarketTill = Type.Object({ pointId: Uuid, name: Type.String(), comuneName: Type.String() });

export const MarketSpendResult = Type.Object({
  cardCode: Type.String(),
  points: Type.Integer(),
  remainingPoints: Type.Integer(),
  marketName: Type.String(),
});
export type MarketSpendResult = Static<typeof MarketSpendResult>;
