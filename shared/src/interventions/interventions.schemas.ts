import { Type, type Static } from 'typebox';
import { NonBlank, Trimmed, IsoDate, IstatCode, Uuid } from '../common/common.schemas.js';

/** How a request for help comes in: by phone, online (the citizen's own form), at an access point, from a social worker. */
export const CHANNELS = ['phone', 'web', 'access_point', 'social_worker'] as const;
export type Channel = (typeof CHANNELS)[number];
const Channels = Type.Array(Type.Enum(CHANNELS), { uniqueItems: true, maxItems: CHANNELS.length });
const OptionalDate = Type.Union([IsoDate, Type.Null()]);

export const InterventionType = Type.Object({
  id: Type.String(),
  nameIt: Type.String(),
  nameEn: Type.String(),
  description: Type.String(),
  requiresCar: Type.Boolean(),
  requiresTimeWindow: Type.Boolean(),
  healthRisk: Type.Boolean(),
  defaultServiceMinutes: Type.Integer(),
  defaultLoad: Type.Integer(),
  recurringAllowed: Type.Boolean(),
  active: Type.Boolean(),
  /** What a citizen reads: a plain name and what the help is (empty: the protocol's name). */
  citizenNameIt: Type.String(),
  citizenNameEn: Type.String(),
  citizenDescriptionIt: Type.String(),
  citizenDescriptionEn: Type.String(),
  /** The channels that offer it, while active and within its period. */
  channels: Channels,
  activeFrom: OptionalDate,
  activeUntil: OptionalDate,
});
export type InterventionType = Static<typeof InterventionType>;

const interventionFields = {
  nameIt: NonBlank({ minLength: 3, maxLength: 160 }),
  nameEn: NonBlank({ minLength: 3, maxLength: 160 }),
  description: Type.Optional(Trimmed({ maxLength: 1000 })),
  requiresCar: Type.Boolean(),
  requiresTimeWindow: Type.Boolean(),
  healthRisk: Type.Boolean(),
  defaultServiceMinutes: Type.Integer({ minimum: 1, maximum: 480 }),
  defaultLoad: Type.Integer({ minimum: 0, maximum: 100 }),
  recurringAllowed: Type.Boolean(),
  active: Type.Optional(Type.Boolean()),
  citizenNameIt: Type.Optional(Trimmed({ maxLength: 120 })),
  citizenNameEn: Type.Optional(Trimmed({ maxLength: 120 })),
  citizenDescriptionIt: Type.Optional(Trimmed({ maxLength: 500 })),
  citizenDescriptionEn: Type.Optional(Trimmed({ maxLength: 500 })),
  channels: Type.Optional(Channels),
  activeFrom: Type.Optional(OptionalDate),
  activeUntil: Type.Optional(OptionalDate),
};
export const CreateInterventionTypeBody = Type.Object(
  { id: Type.String({ pattern: '^[a-z0-9_]{3,40}$' }), ...interventionFields },
  { additionalProperties: false },
);
export type CreateInterventionTypeBody = Static<typeof CreateInterventionTypeBody>;
export const UpdateInterventionTypeBody = Type.Object(interventionFields, { additionalProperties: false });
export type UpdateInterventionTypeBody = Static<typeof UpdateInterventionTypeBody>;

export const InterventionTypesQuery = Type.Object({
  /** Only the types offered today through this channel (active, in their period). */
  offeredOn: Type.Optional(Type.Enum(CHANNELS)),
});

export const CompetenceScopeType = Type.Enum(['all', 'ambito', 'comune']);

export const CompetenceRule = Type.Object({
  id: Uuid,
  interventionTypeId: Type.String(),
  scopeType: CompetenceScopeType,
  scopeId: Type.Union([Type.String(), Type.Null()]),
  organizationId: Uuid,
  organizationName: Type.String(),
  priority: Type.Integer(),
  version: Type.Integer(),
  createdAt: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  retiredAt: Type.Union([Type.String(), Type.Null()]),
  retiredBy: Type.Union([Type.String(), Type.Null()]),
});
export type CompetenceRule = Static<typeof CompetenceRule>;

export const SetCompetenceBody = Type.Object(
  {
    interventionTypeId: NonBlank({ maxLength: 40 }),
    scopeType: CompetenceScopeType,
    scopeId: Type.Union([NonBlank({ maxLength: 40 }), Type.Null()]),
    /** Organisations in priority order; an empty list removes the rule. */
    organizationIds: Type.Array(Uuid, { maxItems: 10, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type SetCompetenceBody = Static<typeof SetCompetenceBody>;

export const CompetenceQuery = Type.Object({
  interventionType: Type.Optional(Trimmed({ maxLength: 40 })),
  history: Type.Optional(Type.Boolean()),
});

export const ResolveQuery = Type.Object({
  interventionType: Trimmed({ maxLength: 40 }),
  comune: IstatCode,
});
export const CompetentOrganization = Type.Object({
  organizationId: Uuid,
  organizationName: Type.String(),
  priority: Type.Integer(),
  scopeType: CompetenceScopeType,
  scopeId: Type.Union([Type.String(), Type.Null()]),
});
export type CompetentOrganization = Static<typeof CompetentOrganization>;
