import { Type, type Static } from 'typebox';
import { IsoDate, IstatCode, Uuid } from '../common/common.schemas.js';

// Null first: Fastify's Ajv coerces types, and would turn a null into 0 or "" for the first branch.
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);

export const ITEM_CATEGORIES = ['food', 'hygiene', 'ppe', 'equipment', 'other'] as const;
export const ITEM_UNITS = ['pz', 'kg', 'l', 'conf'] as const;
export const POINT_KINDS = ['point', 'warehouse', 'social_market'] as const;
export const DONOR_KINDS = ['company', 'drive'] as const;
export const BATCH_KINDS = [
  'donation',
  'transfer',
  'parcel',
  'write_off',
  'campaign',
  'market',
  'reversal',
] as const;

const Name = Type.String({ minLength: 2, maxLength: 200 });
const Quantity = Type.Integer({ minimum: 1, maximum: 1_000_000 });

export const Item = Type.Object({
  id: Uuid,
  name: Type.String(),
  category: Type.Enum(ITEM_CATEGORIES),
  unit: Type.Enum(ITEM_UNITS),
  perishable: Type.Boolean(),
});
export type Item = Static<typeof Item>;

export const CreateItemBody = Type.Object(
  {
    name: Name,
    category: Type.Enum(ITEM_CATEGORIES),
    unit: Type.Enum(ITEM_UNITS),
    perishable: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CreateItemBody = Static<typeof CreateItemBody>;

export const Point = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.Enum(POINT_KINDS),
  organizationId: Uuid,
  organizationName: Type.String(),
  comuneCode: IstatCode,
  comuneName: Type.String(),
  address: Type.String(),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  nearExpiryLots: Type.Integer(),
  abilities: Type.Object({ manage: Type.Boolean() }),
});
export type Point = Static<typeof Point>;

export const CreatePointBody = Type.Object(
  {
    name: Name,
    kind: Type.Enum(POINT_KINDS),
    organizationId: Uuid,
    comuneCode: IstatCode,
    address: Type.String({ minLength: 3, maxLength: 300 }),
    latitude: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
    longitude: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
  },
  { additionalProperties: false },
);
export type CreatePointBody = Static<typeof CreatePointBody>;

export const Donor = Type.Object({
  id: Uuid,
  kind: Type.Enum(DONOR_KINDS),
  name: Type.String(),
  vatNumber: Nullable(Type.String()),
  comuneCode: Nullable(IstatCode),
  address: Nullable(Type.String()),
  email: Nullable(Type.String()),
});
export type Donor = Static<typeof Donor>;

export const CreateDonorBody = Type.Object(
  {
    kind: Type.Enum(DONOR_KINDS),
    name: Name,
    vatNumber: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    comuneCode: Type.Optional(Nullable(IstatCode)),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
  },
  { additionalProperties: false },
);
export type CreateDonorBody = Static<typeof CreateDonorBody>;

/** One lot on a point's shelf, FEFO order. */
export const StockLot = Type.Object({
  lotId: Uuid,
  itemId: Uuid,
  itemName: Type.String(),
  category: Type.Enum(ITEM_CATEGORIES),
  unit: Type.Enum(ITEM_UNITS),
  lotCode: Nullable(Type.String()),
  expiryDate: Nullable(IsoDate),
  receivedOn: IsoDate,
  donorName: Nullable(Type.String()),
  quantity: Type.Integer(),
  nearExpiry: Type.Boolean(),
  expired: Type.Boolean(),
});
export type StockLot = Static<typeof StockLot>;

export const StockQuery = Type.Object({
  point: Uuid,
  item: Type.Optional(Uuid),
  includeEmpty: Type.Optional(Type.Boolean()),
});
export type StockQuery = Static<typeof StockQuery>;

export const StockResponse = Type.Object({
  point: Point,
  lots: Type.Array(StockLot),
  totals: Type.Array(
    Type.Object({ itemId: Uuid, itemName: Type.String(), unit: Type.String(), quantity: Type.Integer() }),
  ),
});
export type StockResponse = Static<typeof StockResponse>;

export const DonationLine = Type.Object(
  {
    itemId: Uuid,
    quantity: Quantity,
    expiryDate: Type.Optional(Nullable(IsoDate)),
    lotCode: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  },
  { additionalProperties: false },
);

export const DonationBody = Type.Object(
  {
    pointId: Uuid,
    donorId: Uuid,
    occurredOn: Type.Optional(IsoDate),
    lines: Type.Array(DonationLine, { minItems: 1, maxItems: 200 }),
  },
  { additionalProperties: false },
);
export type DonationBody = Static<typeof DonationBody>;

export const TransferBody = Type.Object(
  {
    fromPointId: Uuid,
    toPointId: Uuid,
    occurredOn: Type.Optional(IsoDate),
    lines: Type.Array(Type.Object({ itemId: Uuid, quantity: Quantity }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 200,
    }),
  },
  { additionalProperties: false },
);
export type TransferBody = Static<typeof TransferBody>;

export const WithdrawBody = Type.Object(
  {
    pointId: Uuid,
    lines: Type.Array(Type.Object({ itemId: Uuid, quantity: Quantity }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 200,
    }),
  },
  { additionalProperties: false },
);

export const WriteOffBody = Type.Object(
  {
    pointId: Uuid,
    lotId: Uuid,
    quantity: Quantity,
    reason: Type.String({ minLength: 3, maxLength: 500 }),
    occurredOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type WriteOffBody = Static<typeof WriteOffBody>;

export const ReverseBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 500 }) },
  { additionalProperties: false },
);

export const BatchMovement = Type.Object({
  pointId: Uuid,
  pointName: Type.String(),
  lotId: Uuid,
  itemName: Type.String(),
  unit: Type.String(),
  expiryDate: Nullable(IsoDate),
  quantity: Type.Integer(),
});

export const Batch = Type.Object({
  id: Uuid,
  kind: Type.Enum(BATCH_KINDS),
  pointId: Uuid,
  toPointId: Nullable(Uuid),
  donorId: Nullable(Uuid),
  donorName: Nullable(Type.String()),
  occurredOn: IsoDate,
  reason: Nullable(Type.String()),
  reversesBatchId: Nullable(Uuid),
  reversedByBatchId: Nullable(Uuid),
  receiptNumber: Nullable(Type.Integer()),
  createdAt: Type.String(),
  movements: Type.Array(BatchMovement),
});
export type Batch = Static<typeof Batch>;

export const BatchesQuery = Type.Object({
  point: Type.Optional(Uuid),
  donor: Type.Optional(Uuid),
  kind: Type.Optional(Type.Enum(BATCH_KINDS)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type BatchesQuery = Static<typeof BatchesQuery>;
