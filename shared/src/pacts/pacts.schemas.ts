import { Type, type Static } from 'typebox';
import { IsoDate, IstatCode, NonBlank, Uuid } from '../common/common.schemas.js';

// Null first: Fastify's Ajv coerces types, and would turn a null into 0 or "" for the first branch.
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);

export const COMMONS_KINDS = [
  'garden',
  'park',
  'square',
  'school_courtyard',
  'building',
  'street',
  'other',
] as const;
export const PROPOSER_KINDS = ['citizen', 'group'] as const;
export const PROPOSAL_STATUSES = ['received', 'accepted', 'rejected'] as const;
export const PARTY_KINDS = ['comune', 'citizen', 'group', 'organization'] as const;
export const RENEWALS = ['none', 'on_request'] as const;
export const PACT_STATES = ['upcoming', 'active', 'ended'] as const;

const Phone = NonBlank({ minLength: 5, maxLength: 30, pattern: '^[+0-9 ./()-]*$' });
const Email = Type.String({ format: 'email', maxLength: 200 });
const Latitude = Type.Number({ minimum: -90, maximum: 90 });
const Longitude = Type.Number({ minimum: -180, maximum: 180 });

export const Commons = Type.Object({
  id: Uuid,
  comuneCode: IstatCode,
  comuneName: Type.String(),
  name: Type.String(),
  kind: Type.Enum(COMMONS_KINDS),
  place: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  description: Type.String(),
});
export type Commons = Static<typeof Commons>;

export const CommonsQuery = Type.Object(
  { comune: Type.Optional(IstatCode) },
  { additionalProperties: false },
);
export type CommonsQuery = Static<typeof CommonsQuery>;

export const CreateCommonsBody = Type.Object(
  {
    comuneCode: IstatCode,
    name: NonBlank({ minLength: 3, maxLength: 200 }),
    kind: Type.Enum(COMMONS_KINDS),
    place: NonBlank({ minLength: 3, maxLength: 200 }),
    latitude: Latitude,
    longitude: Longitude,
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type CreateCommonsBody = Static<typeof CreateCommonsBody>;

export const Proposal = Type.Object({
  id: Uuid,
  comuneCode: IstatCode,
  commonsId: Nullable(Uuid),
  commonsName: Type.String(),
  title: Type.String(),
  description: Type.String(),
  proposerKind: Type.Enum(PROPOSER_KINDS),
  groupName: Nullable(Type.String()),
  proposerFullName: Type.String(),
  proposerEmail: Nullable(Type.String()),
  proposerPhone: Nullable(Type.String()),
  onlineByCitizen: Type.Boolean(),
  status: Type.Enum(PROPOSAL_STATUSES),
  decisionNote: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Proposal = Static<typeof Proposal>;

/**
 * A proposal. A citizen proposing online is named by the session; the office registering a
 * proposal received on paper gives the proposer's name and contacts.
 */
export const CreateProposalBody = Type.Object(
  {
    comuneCode: IstatCode,
    commonsId: Type.Optional(Uuid),
    commonsName: Type.Optional(NonBlank({ minLength: 3, maxLength: 200 })),
    title: NonBlank({ minLength: 3, maxLength: 200 }),
    description: NonBlank({ minLength: 10, maxLength: 4000 }),
    proposerKind: Type.Enum(PROPOSER_KINDS),
    groupName: Type.Optional(NonBlank({ minLength: 2, maxLength: 200 })),
    proposerFullName: Type.Optional(NonBlank({ minLength: 3, maxLength: 200 })),
    proposerEmail: Type.Optional(Email),
    proposerPhone: Type.Optional(Phone),
  },
  { additionalProperties: false },
);
export type CreateProposalBody = Static<typeof CreateProposalBody>;

export const DecideProposalBody = Type.Object(
  {
    status: Type.Enum(['accepted', 'rejected'] as const),
    note: NonBlank({ minLength: 3, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type DecideProposalBody = Static<typeof DecideProposalBody>;

export const PartyInput = Type.Object(
  {
    kind: Type.Enum(PARTY_KINDS),
    publicName: Type.Optional(NonBlank({ minLength: 2, maxLength: 200 })),
    organizationId: Type.Optional(Uuid),
    duties: NonBlank({ minLength: 5, maxLength: 2000 }),
    contact: Type.Optional(
      Type.Object(
        {
          fullName: NonBlank({ minLength: 3, maxLength: 200 }),
          email: Type.Optional(Email),
          phone: Type.Optional(Phone),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type PartyInput = Static<typeof PartyInput>;

export const CreatePactBody = Type.Object(
  {
    commonsId: Uuid,
    proposalId: Type.Optional(Uuid),
    title: NonBlank({ minLength: 3, maxLength: 200 }),
    purpose: NonBlank({ minLength: 10, maxLength: 4000 }),
    comuneSupport: NonBlank({ minLength: 5, maxLength: 2000 }),
    startsOn: IsoDate,
    endsOn: IsoDate,
    renewal: Type.Enum(RENEWALS),
    parties: Type.Array(PartyInput, { minItems: 2, maxItems: 30 }),
  },
  { additionalProperties: false },
);
export type CreatePactBody = Static<typeof CreatePactBody>;

export const RenewPactBody = Type.Object({ endsOn: IsoDate }, { additionalProperties: false });
export type RenewPactBody = Static<typeof RenewPactBody>;

export const CreateActivityBody = Type.Object(
  {
    occurredOn: IsoDate,
    description: NonBlank({ minLength: 5, maxLength: 2000 }),
    participants: Type.Integer({ minimum: 1, maximum: 1000 }),
    hours: Type.Number({ exclusiveMinimum: 0, maximum: 10000, multipleOf: 0.5 }),
  },
  { additionalProperties: false },
);
export type CreateActivityBody = Static<typeof CreateActivityBody>;

export const Activity = Type.Object({
  id: Uuid,
  occurredOn: Type.String(),
  description: Type.String(),
  participants: Type.Integer(),
  hours: Type.Number(),
});
export type Activity = Static<typeof Activity>;

export const PublicParty = Type.Object({
  kind: Type.Enum(PARTY_KINDS),
  /** Null for a citizen: a citizen's name is not published. */
  name: Nullable(Type.String()),
  duties: Type.String(),
});
export type PublicParty = Static<typeof PublicParty>;

export const Party = Type.Intersect([
  PublicParty,
  Type.Object({
    id: Uuid,
    organizationId: Nullable(Uuid),
    contact: Nullable(
      Type.Object({
        fullName: Type.String(),
        email: Nullable(Type.String()),
        phone: Nullable(Type.String()),
      }),
    ),
  }),
]);
export type Party = Static<typeof Party>;

/** What the public page shows of a pact: no contact, no citizen's name. */
export const PublicPact = Type.Object({
  id: Uuid,
  title: Type.String(),
  purpose: Type.String(),
  comuneSupport: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  renewal: Type.Enum(RENEWALS),
  state: Type.Enum(PACT_STATES),
  renewedFromId: Nullable(Uuid),
  commons: Commons,
  parties: Type.Array(PublicParty),
  activities: Type.Integer(),
  hours: Type.Number(),
});
export type PublicPact = Static<typeof PublicPact>;

export const PublicPactsQuery = Type.Object(
  { comune: Type.Optional(IstatCode) },
  { additionalProperties: false },
);
export type PublicPactsQuery = Static<typeof PublicPactsQuery>;

export const Pact = Type.Intersect([
  Type.Omit(PublicPact, ['parties']),
  Type.Object({
    proposalId: Nullable(Uuid),
    parties: Type.Array(Party),
    activityLog: Type.Array(Activity),
    abilities: Type.Object({ manage: Type.Boolean(), renew: Type.Boolean() }),
  }),
]);
export type Pact = Static<typeof Pact>;
