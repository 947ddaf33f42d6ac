import { Type, type Static } from 'typebox';
import { IsoDate, IstatCode, NonBlank, Uuid } from '../common/common.schemas.js';
import { IseeType, TariffRule } from './tariff.schemas.js';

// Null first: the server's Ajv coerces types and would turn null into 0 for an integer branch tried first.
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);

export const SERVICE_UNITS = ['hour', 'meal', 'trip', 'session', 'month', 'service'] as const;
export const ServiceUnit = Type.Enum(SERVICE_UNITS);
export const TARGET_GROUPS = [
  'bambini',
  'ragazzi',
  'famiglie',
  'anziani',
  'disabili',
  'adulti',
  'tutti',
] as const;
export const TargetGroup = Type.Enum(TARGET_GROUPS);
export const SERVICE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const MunicipalProgram = Type.Enum(['saap', 'disabled_transport', 'conciliazione']);
export const CapacityPeriod = Type.Enum(['day', 'week', 'month']);

export const Category = Type.Object({
  id: Type.String(),
  parentId: Nullable(Type.String()),
  name: Type.String(),
  description: Type.String(),
});
export type Category = Static<typeof Category>;

/** What a provider sends to publish or change a service. Prices in cents. */
export const ServiceInput = Type.Object(
  {
    providerId: Uuid,
    categoryId: Type.String({ minLength: 1, maxLength: 60 }),
    name: NonBlank({ minLength: 3, maxLength: 160 }),
    description: NonBlank({ minLength: 10, maxLength: 4000 }),
    targetGroups: Type.Array(TargetGroup, { uniqueItems: true, maxItems: 7 }),
    comuni: Type.Array(IstatCode, { minItems: 1, maxItems: 200, uniqueItems: true }),
    baseComuneCode: Type.Optional(IstatCode),
    schedule: Type.String({ maxLength: 400 }),
    unit: ServiceUnit,
    listPriceCents: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
    cappedPriceCents: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
    capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000 }))),
    capacityPeriod: Type.Optional(Nullable(CapacityPeriod)),
    isMunicipal: Type.Boolean(),
    municipalProgram: Type.Optional(Nullable(MunicipalProgram)),
    requiredDocuments: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type ServiceInput = Static<typeof ServiceInput>;

export const UpdateServiceBody = Type.Object(
  { ...ServiceInput.properties, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type UpdateServiceBody = Static<typeof UpdateServiceBody>;

export const ModerationBody = Type.Object(
  {
    decision: Type.Enum(['approve', 'reject']),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type ModerationBody = Static<typeof ModerationBody>;

export const PriceForMe = Type.Object({
  unitCents: Type.Integer(),
  basis: Type.Enum(['band', 'full_tariff', 'no_isee', 'capped_price']),
  iseeStatus: Type.Enum(['valid', 'expired', 'unverified', 'wrong_type', 'missing']),
  band: Nullable(Type.Integer()),
});
export type PriceForMe = Static<typeof PriceForMe>;

export const AccessPoint = Type.Object({
  id: Uuid,
  name: Type.String(),
  organizationName: Type.String(),
  kind: Type.Enum(['public', 'private']),
  comuneCode: IstatCode,
  comuneName: Type.String(),
  neighbourhood: Nullable(Type.String()),
  address: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  openingHours: Type.Array(Type.Object({ day: Type.Integer(), from: Type.String(), to: Type.String() })),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  distanceKm: Type.Optional(Type.Number()),
});
export type AccessPoint = Static<typeof AccessPoint>;

export const Service = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.String(),
  providerId: Uuid,
  providerName: Type.String(),
  categoryId: Type.String(),
  categoryName: Type.String(),
  targetGroups: Type.Array(Type.String()),
  comuni: Type.Array(Type.Object({ code: IstatCode, name: Type.String() })),
  baseComuneCode: IstatCode,
  schedule: Type.String(),
  unit: ServiceUnit,
  listPriceCents: Type.Integer(),
  cappedPriceCents: Type.Integer(),
  capacity: Nullable(Type.Integer()),
  capacityPeriod: Nullable(Type.String()),
  isMunicipal: Type.Boolean(),
  municipalProgram: Nullable(Type.String()),
  requiredDocuments: Type.Array(Type.String()),
  status: Type.Enum(SERVICE_STATUSES),
  moderationNote: Nullable(Type.String()),
  version: Type.Integer(),
  priceForMe: Type.Optional(PriceForMe),
  nearestAccessPoint: Type.Optional(Nullable(AccessPoint)),
  abilities: Type.Object({ edit: Type.Boolean(), moderate: Type.Boolean(), book: Type.Boolean() }),
});
export type Service = Static<typeof Service>;

/** The search contract: `{ items, total }`, each item with id, name, providerName, cappedPriceCents. */
export const ServiceSearchItem = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.String(),
  providerName: Type.String(),
  categoryId: Type.String(),
  categoryName: Type.String(),
  unit: ServiceUnit,
  isMunicipal: Type.Boolean(),
  targetGroups: Type.Array(Type.String()),
  listPriceCents: Type.Integer(),
  cappedPriceCents: Type.Integer(),
  priceForMeCents: Type.Optional(Type.Integer()),
  distanceKm: Nullable(Type.Number()),
});
export const ServiceSearchPage = Type.Object({
  items: Type.Array(ServiceSearchItem),
  total: Type.Integer(),
});
export type ServiceSearchPage = Static<typeof ServiceSearchPage>;

export const ServiceSearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  comune: Type.Optional(IstatCode),
  category: Type.Optional(Type.String({ maxLength: 60 })),
  target: Type.Optional(TargetGroup),
  municipal: Type.Optional(Type.Boolean()),
  maxPriceForMeCents: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Only services that can still be booked in today's capacity period (or have no capacity limit). */
  available: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export type ServiceSearchQuery = Static<typeof ServiceSearchQuery>;

/** A provider organisation the actor works for, with the comuni it serves (where its services may be). */
export const ProviderOrganization = Type.Object({
  id: Uuid,
  name: Type.String(),
  comuni: Type.Array(Type.Object({ code: IstatCode, name: Type.String() })),
});
export type ProviderOrganization = Static<typeof ProviderOrganization>;
export const ProviderOrganizationList = Type.Object({ items: Type.Array(ProviderOrganization) });
export type ProviderOrganizationList = Static<typeof ProviderOrganizationList>;

export const ServiceList = Type.Object({ items: Type.Array(Service), total: Type.Integer() });
export type ServiceList = Static<typeof ServiceList>;

export const TariffRuleInput = Type.Object(
  {
    scopeType: Type.Enum(['comune', 'ambito']),
    scopeId: Type.String({ minLength: 1, maxLength: 20 }),
    serviceId: Type.Optional(Nullable(Uuid)),
    categoryId: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    name: Type.String({ minLength: 3, maxLength: 200 }),
    source: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    rule: TariffRule,
  },
  { additionalProperties: false },
);
export type TariffRuleInput = Static<typeof TariffRuleInput>;

export const TariffRuleView = Type.Object({
  id: Uuid,
  scopeType: Type.String(),
  scopeId: Type.String(),
  serviceId: Nullable(Uuid),
  categoryId: Nullable(Type.String()),
  name: Type.String(),
  source: Nullable(Type.String()),
  rule: TariffRule,
  createdAt: Type.String(),
});
export type TariffRuleView = Static<typeof TariffRuleView>;

/** A draft tariff rule and the ISEE values to price with it: what the administrator's page previews. */
export const TariffPreviewInput = Type.Object(
  {
    rule: TariffRule,
    iseeType: IseeType,
    iseeValuesCents: Type.Array(Type.Integer({ minimum: 0, maximum: 2_000_000_000 }), {
      minItems: 1,
      maxItems: 200,
    }),
  },
  { additionalProperties: false },
);
export type TariffPreviewInput = Static<typeof TariffPreviewInput>;

export const TariffPreview = Type.Object({
  /** What a citizen without any ISEE pays. */
  noIseeCents: Type.Integer(),
  points: Type.Array(
    Type.Object({
      iseeValueCents: Type.Integer(),
      unitCents: Type.Integer(),
      basis: Type.Enum(['band', 'full_tariff', 'no_isee', 'capped_price']),
      band: Nullable(Type.Integer()),
    }),
  ),
});
export type TariffPreview = Static<typeof TariffPreview>;

export const IseeInput = Type.Object(
  {
    iseeType: IseeType,
    valueCents: Type.Integer({ minimum: 0, maximum: 2_000_000_000 }),
    dsuProtocol: Type.String({ minLength: 5, maxLength: 60, pattern: '^[A-Za-z0-9/ .-]+$' }),
    issuedOn: IsoDate,
    expiresOn: IsoDate,
  },
  { additionalProperties: false },
);
export type IseeInput = Static<typeof IseeInput>;

export const IseeDeclaration = Type.Object({
  id: Uuid,
  personId: Uuid,
  iseeType: IseeType,
  valueCents: Type.Integer(),
  dsuProtocol: Type.String(),
  issuedOn: IsoDate,
  expiresOn: IsoDate,
  status: Type.Enum(['valid', 'expired', 'unverified']),
  verifiedAt: Nullable(Type.String()),
  verifiedBy: Nullable(Type.String()),
});
export type IseeDeclaration = Static<typeof IseeDeclaration>;

export const EligibilityInput = Type.Object(
  {
    // A certified disability is read from the registry, never declared here.
    schoolEnrolled: Type.Optional(Type.Boolean()),
    workingParent: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const OrderInput = Type.Object(
  {
    serviceId: Uuid,
    quantity: Type.Integer({ minimum: 1, maximum: 1000 }),
    startDate: IsoDate,
    notes: Type.Optional(Type.String({ maxLength: 1000 })),
    eligibility: Type.Optional(EligibilityInput),
    /** Assisted booking only: the citizen, the access point, and the citizen's consent. */
    personId: Type.Optional(Uuid),
    accessPointId: Type.Optional(Uuid),
    consent: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type OrderInput = Static<typeof OrderInput>;

export const PaymentNotice = Type.Object({
  noticeNumber: Type.String(),
  iuv: Type.String(),
  creditorTaxCode: Type.String(),
  amountCents: Type.Integer(),
  dueDate: IsoDate,
  reason: Type.String(),
  status: Type.Enum(['pending', 'paid', 'failed', 'expired', 'cancelled']),
  receipt: Nullable(Type.Record(Type.String(), Type.Unknown())),
  paidAt: Nullable(Type.String()),
});
export type PaymentNotice = Static<typeof PaymentNotice>;

export const ORDER_STATUSES = [
  'requested',
  'confirmed',
  'delivered',
  'closed',
  'declined',
  'cancelled',
] as const;

export const Order = Type.Object({
  id: Uuid,
  serviceId: Uuid,
  serviceName: Type.String(),
  providerId: Uuid,
  providerName: Type.String(),
  personId: Uuid,
  beneficiaryName: Type.String(),
  comuneCode: IstatCode,
  quantity: Type.Integer(),
  unit: Type.String(),
  startDate: IsoDate,
  notes: Nullable(Type.String()),
  unitPriceCents: Type.Integer(),
  cappedUnitPriceCents: Type.Integer(),
  totalCents: Type.Integer(),
  subsidyCents: Type.Integer(),
  channel: Type.Enum(['online', 'assisted']),
  accessPointId: Nullable(Uuid),
  status: Type.Enum(ORDER_STATUSES),
  statusReason: Nullable(Type.String()),
  paymentStatus: Type.Enum(['not_required', 'pending', 'paid', 'failed', 'expired', 'cancelled']),
  payment: Nullable(PaymentNotice),
  createdAt: Type.String(),
  abilities: Type.Object({
    confirm: Type.Boolean(),
    decline: Type.Boolean(),
    deliver: Type.Boolean(),
    close: Type.Boolean(),
    cancel: Type.Boolean(),
    pay: Type.Boolean(),
  }),
});
export type Order = Static<typeof Order>;

export const OrderList = Type.Object({ items: Type.Array(Order), total: Type.Integer() });
export type OrderList = Static<typeof OrderList>;

export const OrderListQuery = Type.Object({
  personId: Type.Optional(Uuid),
  status: Type.Optional(Type.Enum(ORDER_STATUSES)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export type OrderListQuery = Static<typeof OrderListQuery>;

export const OrderTransitionBody = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 3, maxLength: 500 })) },
  { additionalProperties: false },
);
export type OrderTransitionBody = Static<typeof OrderTransitionBody>;

export const PayBody = Type.Object(
  { simulate: Type.Optional(Type.Enum(['success', 'failure'])) },
  { additionalProperties: false },
);
export type PayBody = Static<typeof PayBody>;

const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' });
export const StatementQuery = Type.Object({ month: Month });
export const StatementExportQuery = Type.Object({ month: Month, format: Type.Enum(['csv', 'xlsx', 'pdf']) });
export type StatementQuery = Static<typeof StatementQuery>;

export const StatementRow = Type.Object({
  comuneCode: IstatCode,
  comuneName: Type.String(),
  orders: Type.Integer(),
  quantity: Type.Integer(),
  paidByCitizensCents: Type.Integer(),
  owedByComuneCents: Type.Integer(),
});
export const Statement = Type.Object({
  providerId: Uuid,
  providerName: Type.String(),
  month: Type.String(),
  rows: Type.Array(StatementRow),
});
export type Statement = Static<typeof Statement>;

export const AccessPointList = Type.Object({ items: Type.Array(AccessPoint) });

/** What a welfare manager notes of the orientation given to a citizen at their access point. */
export const OrientationNoteInput = Type.Object(
  {
    note: Type.String({ minLength: 3, maxLength: 2000 }),
    accessPointId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type OrientationNoteInput = Static<typeof OrientationNoteInput>;

export const OrientationNote = Type.Object({
  id: Uuid,
  personId: Uuid,
  note: Type.String(),
  accessPointName: Nullable(Type.String()),
  authorName: Type.String(),
  createdAt: Type.String(),
});
export type OrientationNote = Static<typeof OrientationNote>;
export const OrientationNoteList = Type.Object({ items: Type.Array(OrientationNote) });
export type OrientationNoteList = Static<typeof OrientationNoteList>;
export const CategoryList = Type.Array(Category);
export const IseeList = Type.Array(IseeDeclaration);
export const TariffRuleList = Type.Array(TariffRuleView);
export const ManagedServicesQuery = Type.Object({
  status: Type.Optional(Type.Enum(SERVICE_STATUSES)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export const AccessPointQuery = Type.Object({ comune: Type.Optional(IstatCode) });

export const CatalogImportQuery = Type.Object({ providerId: Uuid });
export const CatalogImportAccepted = Type.Object({ importId: Uuid });
export type CatalogImportAccepted = Static<typeof CatalogImportAccepted>;
export const CatalogImportReportQuery = Type.Object({
  rows: Type.Optional(Type.Enum(['all', 'rejected', 'none'], { default: 'all' })),
});
export const CatalogImportReport = Type.Object({
  id: Uuid,
  status: Type.Enum(['running', 'done', 'failed']),
  providerId: Uuid,
  fileKind: Type.Enum(['csv', 'hsds']),
  total: Type.Integer(),
  processed: Type.Integer(),
  created: Type.Integer(),
  rejected: Type.Integer(),
  failure: Nullable(Type.String()),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer(),
      status: Type.Enum(['pending', 'created', 'rejected']),
      reason: Nullable(Type.String()),
      serviceId: Nullable(Uuid),
    }),
  ),
});
export type CatalogImportReport = Static<typeof CatalogImportReport>;
