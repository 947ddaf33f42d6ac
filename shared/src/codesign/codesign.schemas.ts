import { Type, type Static } from 'typebox';
import { IsoDate, IstatCode, NonBlank, Uuid } from '../common/common.schemas.js';

// Null first: Fastify's Ajv coerces types, and would turn a null into 0 or "" for the first branch.
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);

export const CALL_STATES = ['upcoming', 'open', 'closed', 'awarded'] as const;
export const PARTNER_ROLES = ['lead', 'partner'] as const;
/** The kinds of organisation of the registry that are third-sector bodies (enti del Terzo Settore). */
export const THIRD_SECTOR_ORGANIZATION_KINDS = ['association', 'social_cooperative', 'foundation'] as const;

const Cents = Type.Integer({ minimum: 1, maximum: 100_000_000_000 });
const Phone = NonBlank({ minLength: 5, maxLength: 30, pattern: '^[+0-9 ./()-]*$' });
const Email = Type.String({ format: 'email', maxLength: 200 });

export const Criterion = Type.Object({ id: Uuid, label: Type.String(), maxScore: Type.Integer() });
export type Criterion = Static<typeof Criterion>;

export const AgreementPartner = Type.Object({
  organizationId: Uuid,
  name: Type.String(),
  role: Type.Enum(PARTNER_ROLES),
  fundLineId: Nullable(Uuid),
});
export type AgreementPartner = Static<typeof AgreementPartner>;

export const Agreement = Type.Object({
  id: Uuid,
  proposalId: Uuid,
  signedOn: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  partners: Type.Array(AgreementPartner),
});
export type Agreement = Static<typeof Agreement>;

/** A call as published: no proposal, no contact person. */
export const PublicCall = Type.Object({
  id: Uuid,
  comuneCode: IstatCode,
  comuneName: Type.String(),
  title: Type.String(),
  description: Type.String(),
  budgetCents: Type.Integer(),
  opensOn: Type.String(),
  closesOn: Type.String(),
  state: Type.Enum(CALL_STATES),
  criteria: Type.Array(Criterion),
  project: Nullable(Type.Object({ id: Uuid, title: Type.String() })),
  agreement: Nullable(Agreement),
});
export type PublicCall = Static<typeof PublicCall>;

export const CreateCallBody = Type.Object(
  {
    comuneCode: IstatCode,
    title: NonBlank({ minLength: 3, maxLength: 300 }),
    description: NonBlank({ minLength: 10, maxLength: 4000 }),
    budgetCents: Cents,
    opensOn: IsoDate,
    closesOn: IsoDate,
    fundProjectId: Type.Optional(Uuid),
    criteria: Type.Array(
      Type.Object(
        {
          label: NonBlank({ minLength: 3, maxLength: 200 }),
          maxScore: Type.Integer({ minimum: 1, maximum: 100 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type CreateCallBody = Static<typeof CreateCallBody>;

export const CreateCodesignProposalBody = Type.Object(
  {
    organizationId: Uuid,
    title: NonBlank({ minLength: 3, maxLength: 300 }),
    summary: NonBlank({ minLength: 10, maxLength: 4000 }),
    requestedCents: Cents,
    submittedOn: IsoDate,
    contact: Type.Object(
      {
        fullName: NonBlank({ minLength: 3, maxLength: 200 }),
        email: Type.Optional(Email),
        phone: Type.Optional(Phone),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type CreateCodesignProposalBody = Static<typeof CreateCodesignProposalBody>;

export const ScoresBody = Type.Object(
  {
    scores: Type.Array(
      Type.Object(
        { criterionId: Uuid, score: Type.Integer({ minimum: 0, maximum: 100 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type ScoresBody = Static<typeof ScoresBody>;

export const CodesignProposal = Type.Object({
  id: Uuid,
  organizationId: Uuid,
  organizationName: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  requestedCents: Type.Integer(),
  submittedOn: Type.String(),
  contact: Type.Object({
    fullName: Type.String(),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
  }),
  scores: Type.Array(Type.Object({ criterionId: Uuid, score: Type.Integer() })),
  /** Null until every criterion is scored. */
  total: Nullable(Type.Integer()),
  rank: Nullable(Type.Integer()),
});
export type CodesignProposal = Static<typeof CodesignProposal>;

export const AgreementBody = Type.Object(
  {
    proposalId: Uuid,
    signedOn: IsoDate,
    startsOn: IsoDate,
    endsOn: IsoDate,
    partners: Type.Array(
      Type.Object(
        { organizationId: Uuid, role: Type.Enum(PARTNER_ROLES), fundLineId: Type.Optional(Uuid) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 30 },
    ),
  },
  { additionalProperties: false },
);
export type AgreementBody = Static<typeof AgreementBody>;

export const CallDetail = Type.Intersect([
  PublicCall,
  Type.Object({
    proposals: Type.Array(CodesignProposal),
    /** The project's budget lines the reader may see, with what is spent (funds module). */
    fundLines: Type.Array(
      Type.Object({
        id: Uuid,
        label: Type.String(),
        comuneCode: Nullable(Type.String()),
        budgetCents: Type.Integer(),
        spentCents: Type.Integer(),
      }),
    ),
    abilities: Type.Object({ manage: Type.Boolean() }),
  }),
]);
export type CallDetail = Static<typeof CallDetail>;
