import { Type, type Static } from 'typebox';
import { NonBlank, Trimmed, IstatCode, Uuid } from '../common/common.schemas.js';

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
};
export const CreateInterventionTypeBody = Type.Object(
  { id: Type.String({ pattern: '^[a-z0-9_]{3,40}$' }), ...interventionFields },
  { additionalProperties: false },
);
export type CreateInterventionTypeBody = Static<typeof CreateInterventionTypeBody>;
export const UpdateInterventionTypeBody = Type.Object(interventionFields, { additionalProperties: false });
export type UpdateInterventionTypeBody = Static<typeof UpdateInterventionTypeBody>;

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
