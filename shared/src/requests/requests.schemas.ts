import { Type, type Static } from 'typebox';
import { NonBlank, Trimmed, IsoDate, IstatCode, PageQuery, Uuid } from '../common/common.schemas.js';
import { CHANNELS, CompetentOrganization } from '../interventions/interventions.schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' });

export { CHANNELS };
export const URGENCIES = ['low', 'normal', 'high', 'critical'] as const;
/** `closed`: closed with a reason after a failed delivery, without the help having arrived. */
export const REQUEST_STATUSES = ['new', 'accepted', 'rejected', 'completed', 'cancelled', 'closed'] as const;
export type Urgency = (typeof URGENCIES)[number];
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const CreateRequestBody = Type.Object(
  {
    channel: Type.Enum(CHANNELS),
    beneficiaryId: Uuid,
    requesterId: Type.Optional(Nullable(Uuid)),
    requesterName: Type.Optional(Nullable(Trimmed({ maxLength: 120 }))),
    requesterPhone: Type.Optional(Nullable(Trimmed({ maxLength: 30 }))),
    interventionTypeId: NonBlank({ maxLength: 40 }),
    urgency: Type.Optional(Type.Enum(URGENCIES)),
    description: Type.Optional(Trimmed({ maxLength: 2000 })),
    notes: Type.Optional(Nullable(Trimmed({ maxLength: 2000 }))),
    preferredDate: Type.Optional(Nullable(IsoDate)),
    windowStart: Type.Optional(Nullable(Time)),
    windowEnd: Type.Optional(Nullable(Time)),
    recurrence: Type.Optional(Type.Enum(['none', 'weekly'])),
    recurrenceUntil: Type.Optional(Nullable(IsoDate)),
    /** Set after the operator has seen the open similar request and still wants a new one. */
    confirmSimilar: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateRequestBody = Static<typeof CreateRequestBody>;

/** A request a citizen makes online, for self or for a relative described inline. */
export const CitizenRequestBody = Type.Object(
  {
    interventionTypeId: NonBlank({ maxLength: 40 }),
    description: NonBlank({ minLength: 5, maxLength: 2000 }),
    preferredDate: Type.Optional(Nullable(IsoDate)),
    windowStart: Type.Optional(Nullable(Time)),
    windowEnd: Type.Optional(Nullable(Time)),
    phone: Type.Optional(Nullable(Trimmed({ maxLength: 30, pattern: '^[+0-9 ./()-]*$' }))),
    relative: Type.Optional(
      Nullable(
        Type.Object(
          {
            givenName: NonBlank({ maxLength: 80 }),
            familyName: NonBlank({ maxLength: 80 }),
            birthDate: IsoDate,
            sex: Type.Enum(['M', 'F']),
            codiceFiscale: Type.Optional(Nullable(Trimmed({ maxLength: 20 }))),
            comuneCode: IstatCode,
            address: NonBlank({ minLength: 3, maxLength: 200 }),
            phone: Type.Optional(Nullable(Trimmed({ maxLength: 30, pattern: '^[+0-9 ./()-]*$' }))),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    consentPrivacy: Type.Literal(true),
  },
  { additionalProperties: false },
);
export type CitizenRequestBody = Static<typeof CitizenRequestBody>;

export const TriageBody = Type.Object(
  {
    decision: Type.Enum(['accept', 'reject']),
    urgency: Type.Optional(Type.Enum(URGENCIES)),
    notes: Type.Optional(Nullable(Trimmed({ maxLength: 2000 }))),
    reason: Type.Optional(Nullable(Trimmed({ maxLength: 500 }))),
    organizationId: Type.Optional(Nullable(Uuid)),
    overrideReason: Type.Optional(Nullable(Trimmed({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type TriageBody = Static<typeof TriageBody>;

export const CancelBody = Type.Object(
  { reason: NonBlank({ minLength: 3, maxLength: 500 }) },
  { additionalProperties: false },
);

/** What follows a failed delivery: try again, another organisation, or close with a reason. */
export const FOLLOW_UP_DECISIONS = ['retry', 'reroute', 'close'] as const;
export const FollowUpBody = Type.Object(
  {
    decision: Type.Enum(FOLLOW_UP_DECISIONS),
    /** The new attempt's day (retry, reroute): today when omitted. */
    dueDate: Type.Optional(Nullable(IsoDate)),
    organizationId: Type.Optional(Nullable(Uuid)),
    /** Required to give it to another organisation or to close it. */
    reason: Type.Optional(Nullable(Trimmed({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type FollowUpBody = Static<typeof FollowUpBody>;

export const RequestEvent = Type.Object({
  at: Type.String(),
  kind: Type.String(),
  actorName: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export const HelpRequest = Type.Object({
  id: Uuid,
  channel: Type.Enum(CHANNELS),
  status: Type.Enum(REQUEST_STATUSES),
  urgency: Type.Enum(URGENCIES),
  interventionTypeId: Type.String(),
  interventionTypeName: Type.String(),
  beneficiary: Type.Object({
    id: Uuid,
    givenName: Type.String(),
    familyName: Type.String(),
    age: Type.Integer(),
    address: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    /** Present only for roles that may know it. */
    followedBySocialServices: Type.Optional(Type.Boolean()),
    covidPositive: Type.Optional(Type.Boolean()),
  }),
  requesterName: Nullable(Type.String()),
  requesterPhone: Nullable(Type.String()),
  comuneCode: IstatCode,
  comuneName: Type.String(),
  description: Type.String(),
  notes: Nullable(Type.String()),
  rejectionReason: Nullable(Type.String()),
  organizationId: Nullable(Uuid),
  organizationName: Nullable(Type.String()),
  routingOverrideReason: Nullable(Type.String()),
  preferredDate: Nullable(IsoDate),
  windowStart: Nullable(Type.String()),
  windowEnd: Nullable(Type.String()),
  recurrence: Type.Enum(['none', 'weekly']),
  recurrenceUntil: Nullable(IsoDate),
  createdAt: Type.String(),
  createdByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  completedAt: Nullable(Type.String()),
  /** Open, nothing left to do, and a delivery failed: someone must decide what follows. */
  awaitingDecision: Type.Boolean(),
  abilities: Type.Object({ triage: Type.Boolean(), cancel: Type.Boolean(), followUp: Type.Boolean() }),
});
export type HelpRequest = Static<typeof HelpRequest>;

/** What intake answers (201): the new request's id and state; the whole record is GET /api/requests/{id}. */
export const CreatedRequest = Type.Object({
  id: Uuid,
  status: Type.Literal('new'),
  comuneCode: IstatCode,
  createdAt: Type.String(),
});
export type CreatedRequest = Static<typeof CreatedRequest>;

export const HelpRequestDetail = Type.Intersect([
  HelpRequest,
  Type.Object({
    events: Type.Array(RequestEvent),
    competentOrganizations: Type.Array(CompetentOrganization),
    taskIds: Type.Array(Uuid),
  }),
]);
export type HelpRequestDetail = Static<typeof HelpRequestDetail>;

export const RequestsQuery = Type.Object({
  status: Type.Optional(Type.Enum(REQUEST_STATUSES)),
  comune: Type.Optional(IstatCode),
  interventionType: Type.Optional(Trimmed({ maxLength: 40 })),
  organizationId: Type.Optional(Uuid),
  beneficiaryId: Type.Optional(Uuid),
  date: Type.Optional(IsoDate),
  /** Only the requests whose failed delivery awaits a decision. */
  awaitingDecision: Type.Optional(Type.Boolean()),
  ...PageQuery,
});
export type RequestsQuery = Static<typeof RequestsQuery>;

export const RequestsPage = Type.Object({ items: Type.Array(HelpRequest), total: Type.Integer() });
export type RequestsPage = Static<typeof RequestsPage>;
